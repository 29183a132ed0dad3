package org.deepslda.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deepslda.data.LabelLevel;
import org.deepslda.data.Scenario;
import org.deepslda.pipeline.PointResult;
import org.deepslda.pipeline.PointTask;
import org.deepslda.pipeline.SweepPoint;

/**
 * Seconds per sweep point at CORe50 scale, after the features are in memory: 120,000 training
 * and 45,000 test vectors of d = 512 (Gaussian class clusters), 50 classes in an NC-like stream
 * of 9 batches (10 classes, then 5 per batch). Runs {@code points} points as {@link PointTask}s,
 * first one alone, then all on {@code threads} threads (as Spark task slots run them), and with
 * {@code --parquet DIR} also times writing the vectors as Parquet and reading them back into a
 * dense matrix with Spark local[2]. Run by {@code bench/sweep.sh}.
 */
public final class SweepBench {
  static final int DIM = 512;
  static final int CLASSES = 50;
  static final int TRAIN = 120_000;
  static final int TEST = 45_000;

  public static void main(String[] args) throws Exception {
    int points = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String parquet = args.length > 3 && args[2].equals("--parquet") ? args[3] : null;
    long t0 = System.nanoTime();
    float[] matrix = new float[(TRAIN + TEST) * DIM];
    int[] labels = new int[TRAIN + TEST];
    synth(matrix, labels);
    System.out.printf("synthetic vectors: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    List<PointTask> tasks = tasks(labels, points);
    PointResult alone = tasks.get(0).run(matrix, DIM);
    report("alone (warm-up)", alone);
    alone = tasks.get(0).run(matrix, DIM);
    report("alone", alone);
    concurrent(tasks, matrix, threads);
    if (parquet != null) {
      parquetRead(matrix, parquet);
    }
  }

  private static void synth(float[] matrix, int[] labels) {
    Random r = new Random(42);
    float[] centres = new float[CLASSES * DIM];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < labels.length; i++) {
      int k = i % CLASSES;
      labels[i] = k;
      for (int j = 0; j < DIM; j++) {
        matrix[i * DIM + j] = centres[k * DIM + j] + (float) (2 * r.nextGaussian());
      }
    }
  }

  /** NC-like: batch 0 holds classes 0-9, batch b > 0 classes 5b+5 .. 5b+9. */
  private static List<PointTask> tasks(int[] labels, int points) {
    List<List<Integer>> byBatch = new ArrayList<>();
    for (int b = 0; b < 9; b++) {
      byBatch.add(new ArrayList<>());
    }
    for (int i = 0; i < TRAIN; i++) {
      int k = labels[i];
      byBatch.get(k < 10 ? 0 : (k - 10) / 5 + 1).add(i);
    }
    int[][] rows = new int[9][];
    int[][] ys = new int[9][];
    for (int b = 0; b < 9; b++) {
      rows[b] = byBatch.get(b).stream().mapToInt(Integer::intValue).toArray();
      ys[b] = java.util.Arrays.stream(rows[b]).map(i -> labels[i]).toArray();
    }
    int[] testRows = new int[TEST];
    int[] testLabels = new int[TEST];
    for (int i = 0; i < TEST; i++) {
      testRows[i] = TRAIN + i;
      testLabels[i] = labels[TRAIN + i];
    }
    List<PointTask> tasks = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      SweepPoint point = new SweepPoint(Scenario.NC, p / 4, LabelLevel.OBJECT,
          p % 2 == 0 ? 1e-4 : 1e-2, p % 4 < 2, false);
      tasks.add(new PointTask(point, CLASSES, rows, ys, testRows, testLabels, false));
    }
    return tasks;
  }

  private static void concurrent(List<PointTask> tasks, float[] matrix, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<PointResult>> futures = new ArrayList<>();
    for (PointTask t : tasks) {
      futures.add(pool.submit(() -> t.run(matrix, DIM)));
    }
    for (Future<PointResult> f : futures) {
      report("concurrent", f.get());
    }
    double wall = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf("%d points on %d threads: %.2f s wall, %.2f s per point (goal 2 s: %.2fx)%n",
        tasks.size(), threads, wall, wall / tasks.size(), wall / tasks.size() / 2);
  }

  private static void report(String label, PointResult r) {
    System.out.printf("%-16s %-40s %.2f s (fit %.2f s, weights+score %.2f s), final acc %.4f%n",
        label, r.point().name(), r.seconds(), r.fitSeconds(), r.scoreSeconds(),
        r.finalAccuracy());
  }

  private static void parquetRead(float[] matrix, String dir) {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("sweep bench")
        .config("spark.ui.enabled", "false").getOrCreate();
    StructType schema = new StructType().add("idx", DataTypes.IntegerType)
        .add("features", DataTypes.createArrayType(DataTypes.FloatType, false));
    List<Row> rows = new ArrayList<>();
    int n = matrix.length / DIM;
    for (int i = 0; i < n; i++) {
      Float[] v = new Float[DIM];
      for (int j = 0; j < DIM; j++) {
        v[j] = matrix[i * DIM + j];
      }
      rows.add(RowFactory.create(i, v));
    }
    long t0 = System.nanoTime();
    spark.createDataFrame(rows, schema).repartition(8).write().mode("overwrite").parquet(dir);
    rows.clear();
    long t1 = System.nanoTime();
    Dataset<Row> read = spark.read().parquet(dir);
    float[] back = new float[matrix.length];
    for (Row r : read.collectAsList()) {
      List<Float> f = r.getList(1);
      int base = r.getInt(0) * DIM;
      for (int j = 0; j < DIM; j++) {
        back[base + j] = f.get(j);
      }
    }
    long t2 = System.nanoTime();
    System.out.printf("parquet: write %.1f s, read %d x %d into a dense matrix %.1f s, same: %b%n",
        (t1 - t0) / 1e9, n, DIM, (t2 - t1) / 1e9, java.util.Arrays.equals(matrix, back));
    spark.stop();
  }
}
