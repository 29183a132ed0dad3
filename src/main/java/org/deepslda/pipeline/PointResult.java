package org.deepslda.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.deepslda.eval.Confusion;

/**
 * What one sweep point's task sends back to the driver.
 *
 * @param point the grid point
 * @param confusions the test confusion matrix after each training batch, {@code
 *     [batch][truth][predicted]}
 * @param finalPredictions test predictions after the last batch, in test-list order
 * @param batchImages training images per batch
 * @param seconds the task's wall time for the point: batch assembly, fits, weights and scoring
 * @param fitSeconds of which assembling the batches and fitting them
 * @param scoreSeconds of which solving for the weights and scoring the test set
 * @param checkpoints the model after each batch as {@code .npz} bytes, or empty if not asked
 */
public record PointResult(
    SweepPoint point,
    long[][][] confusions,
    int[] finalPredictions,
    int[] batchImages,
    double seconds,
    double fitSeconds,
    double scoreSeconds,
    List<byte[]> checkpoints)
    implements Serializable {

  /** The confusion matrices as objects, in batch order. */
  public List<Confusion> confusionList() {
    List<Confusion> out = new ArrayList<>();
    for (long[][] c : confusions) {
      out.add(Confusion.of(c));
    }
    return out;
  }

  /** Test accuracy after the last batch. */
  public double finalAccuracy() {
    return Confusion.of(confusions[confusions.length - 1]).accuracy();
  }
}
