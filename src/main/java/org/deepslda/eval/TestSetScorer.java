package org.deepslda.eval;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.deepslda.lda.SldaWeights;

/**
 * Scores a fixed test set on the executors, once per training batch. The test features are
 * cached where they are computed; per call only the weights travel (a broadcast, destroyed after
 * use) and only a confusion matrix per partition, plus predictions when asked, comes back. The
 * result does not depend on the number of partitions. Not thread-safe.
 */
public final class TestSetScorer implements AutoCloseable {
  private final JavaSparkContext jsc;
  private final JavaRDD<TestPoint> points;
  private final int numClasses;
  private final int size;

  /** One test sample: its index in the test list, its label and its feature vector. */
  public record TestPoint(int index, int label, float[] features) implements Serializable {}

  /** What one scoring pass gives. {@code predictions} is null unless asked for. */
  public record BatchResult(Confusion confusion, int[] predictions) {}

  private record PartitionResult(Confusion confusion, int[] indices, int[] predicted)
      implements Serializable {}

  /**
   * Caches the test set.
   *
   * @param rows columns {@code index} (int, position in the test list), {@code label} (int) and
   *     {@code features} (array&lt;float&gt;); one row per test image
   * @param numClasses C; labels must lie in 0..C-1
   * @param partitions how many partitions to spread the test set over
   */
  public static TestSetScorer cache(Dataset<Row> rows, int numClasses, int partitions) {
    JavaRDD<TestPoint> points =
        rows.select("index", "label", "features")
            .javaRDD()
            .map(TestSetScorer::toPoint)
            .repartition(partitions)
            .persist(StorageLevel.MEMORY_AND_DISK());
    int size = (int) points.count();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext());
    return new TestSetScorer(jsc, points, numClasses, size);
  }

  private TestSetScorer(JavaSparkContext jsc, JavaRDD<TestPoint> points, int c, int size) {
    this.jsc = jsc;
    this.points = points;
    this.numClasses = c;
    this.size = size;
  }

  private static TestPoint toPoint(Row r) {
    List<Float> list = r.getList(2);
    float[] x = new float[list.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = list.get(i);
    }
    return new TestPoint(r.getInt(0), r.getInt(1), x);
  }

  public int size() {
    return size;
  }

  /** Scores every test sample with {@code weights}; predictions in test-list order if asked. */
  public BatchResult score(SldaWeights weights, boolean withPredictions) {
    if (weights.numClasses() != numClasses) {
      throw new IllegalArgumentException(
          "weights have " + weights.numClasses() + " classes, the test set " + numClasses);
    }
    Broadcast<SldaWeights> shared = jsc.broadcast(weights);
    int c = numClasses;
    try {
      List<PartitionResult> parts =
          points.mapPartitions(it -> scorePartition(it, shared.value(), c, withPredictions))
              .collect();
      return merge(parts, withPredictions);
    } finally {
      shared.destroy();
    }
  }

  private static Iterator<PartitionResult> scorePartition(
      Iterator<TestPoint> it, SldaWeights w, int numClasses, boolean withPredictions) {
    List<TestPoint> part = new ArrayList<>();
    it.forEachRemaining(part::add);
    int d = w.dim();
    float[] x = new float[Math.multiplyExact(part.size(), d)];
    for (int i = 0; i < part.size(); i++) {
      System.arraycopy(part.get(i).features(), 0, x, i * d, d);
    }
    int[] predicted = w.scorer().predictAll(x, part.size());
    Confusion confusion = new Confusion(numClasses);
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == SldaWeights.NO_CLASS) {
        throw new IllegalStateException("no class is eligible: score after fitting a batch");
      }
      confusion.add(part.get(i).label(), predicted[i]);
    }
    int[] idx = part.stream().mapToInt(TestPoint::index).toArray();
    int[] pr = withPredictions ? predicted : new int[0];
    return List.of(new PartitionResult(confusion, withPredictions ? idx : new int[0], pr))
        .iterator();
  }

  private BatchResult merge(List<PartitionResult> parts, boolean withPredictions) {
    Confusion total = new Confusion(numClasses);
    int[] predictions = withPredictions ? new int[size] : null;
    if (predictions != null) {
      Arrays.fill(predictions, -1);
    }
    for (PartitionResult part : parts) {
      total.merge(part.confusion());
      for (int i = 0; predictions != null && i < part.indices().length; i++) {
        predictions[part.indices()[i]] = part.predicted()[i];
      }
    }
    return new BatchResult(total, predictions);
  }

  @Override
  public void close() {
    points.unpersist(false);
  }
}
