package org.deepslda.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.deepslda.eval.Confusion;
import org.deepslda.lda.SldaCheckpoint;
import org.deepslda.lda.SldaOptions;
import org.deepslda.lda.SldaWeights;
import org.deepslda.lda.StreamingLda;

/**
 * One sweep point as a self-contained unit of executor work: the stream as row numbers into a
 * shared feature matrix (every training batch in stream order, and the test set), and the
 * settings. {@link #run} learns the stream with its own {@link StreamingLda} and scores the whole
 * test set after every batch, exactly as {@code slda run} does on the same features: the result
 * depends only on the task and the matrix, never on where or next to what it runs.
 *
 * @param point the grid point
 * @param numClasses C of the stream
 * @param batchRows per training batch, the matrix rows of its images in stream order
 * @param batchLabels per training batch, the labels in the same order
 * @param testRows the matrix rows of the test images, in test-list order
 * @param testLabels their labels
 * @param checkpoints whether to return the model after each batch
 */
public record PointTask(
    SweepPoint point,
    int numClasses,
    int[][] batchRows,
    int[][] batchLabels,
    int[] testRows,
    int[] testLabels,
    boolean checkpoints)
    implements Serializable {

  /**
   * Runs the point.
   *
   * @param matrix the shared features, row r at {@code [r * dim, (r + 1) * dim)}; only read
   * @param dim feature length d
   * @throws IllegalStateException if a model is scored before any class was seen and unseen
   *     classes are masked (a stream whose first batch is empty)
   */
  public PointResult run(float[] matrix, int dim) {
    long start = System.nanoTime();
    StreamingLda lda =
        new StreamingLda(
            new SldaOptions(
                dim, numClasses, point.shrinkage(), point.plasticCov(), point.maskUnseen()));
    long[][][] confusions = new long[batchRows.length][][];
    List<byte[]> models = new ArrayList<>();
    int[] predictions = new int[0];
    int[] images = new int[batchRows.length];
    long fitNanos = 0;
    for (int i = 0; i < batchRows.length; i++) {
      long t0 = System.nanoTime();
      float[] x = gather(matrix, dim, batchRows[i]);
      lda.fit(x, batchLabels[i], batchRows[i].length);
      fitNanos += System.nanoTime() - t0;
      images[i] = batchRows[i].length;
      if (checkpoints) {
        models.add(SldaCheckpoint.toBytes(lda));
      }
      predictions = lda.weights().scorer().predictRows(matrix, testRows);
      confusions[i] = confusion(predictions).rows();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double fit = fitNanos / 1e9;
    return new PointResult(
        point, confusions, predictions, images, seconds, fit, seconds - fit, models);
  }

  private Confusion confusion(int[] predictions) {
    Confusion c = new Confusion(numClasses);
    for (int i = 0; i < predictions.length; i++) {
      if (predictions[i] == SldaWeights.NO_CLASS) {
        throw new IllegalStateException(
            point.name() + ": no class is eligible: score after fitting a batch");
      }
      c.add(testLabels[i], predictions[i]);
    }
    return c;
  }

  /** The rows' vectors, n x d row-major in the given order. */
  static float[] gather(float[] matrix, int dim, int[] rows) {
    float[] x = new float[Math.multiplyExact(rows.length, dim)];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(matrix, Math.multiplyExact(rows[i], dim), x, i * dim, dim);
    }
    return x;
  }
}
