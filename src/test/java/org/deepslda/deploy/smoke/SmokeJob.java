package org.deepslda.deploy.smoke;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A small Spark application that the cluster tests submit: it spreads {@code rows} ids over {@code
 * partitions} tasks, each of which sleeps {@code task-ms} (to give a test time to kill a worker
 * mid-task) and maps its ids to a deterministic 32-bit hash, then aggregates them per bucket
 * through a shuffle and writes the result as Parquet to {@code OUT/buckets}. The output depends
 * only on the arguments, never on where or how often a task ran, so a run that lost a worker must
 * write the same rows as an undisturbed or a local-mode run.
 *
 * <p>Every task attempt, as it starts, creates an empty file {@code
 * MARKERS/p<partition>-a<attempt>-pid<pid>-<application>-e<executor>}: the tests read from these
 * which executor processes (and so which workers) ran which tasks.
 *
 * <p>Arguments: {@code --out DIR --markers DIR [--rows 4000] [--partitions 8] [--task-ms 1500]
 * [--buckets 16] [--executors 0]}; with {@code --executors N} the driver first waits (at most 60 s)
 * until N executors registered, and fails otherwise.
 */
public final class SmokeJob {
  private SmokeJob() {}

  public static void main(String[] args) throws InterruptedException {
    SmokeOptions o = SmokeOptions.parse(args);
    SparkSession spark = SparkSession.builder().appName("slda-smoke").getOrCreate();
    try {
      int registered = awaitExecutors(spark, o.executors(), 60_000);
      System.out.println("smoke: executors registered: " + registered);
      spark.conf().set("spark.sql.shuffle.partitions", "4");
      buckets(spark, o).write().parquet(o.out() + "/buckets");
      System.out.println("smoke: wrote " + o.out() + "/buckets");
    } finally {
      spark.stop();
    }
  }

  /** Per bucket: how many ids, the sum of their hashes, the smallest and largest id. */
  static Dataset<Row> buckets(SparkSession spark, SmokeOptions o) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Long> ids = LongStream.range(0, o.rows()).boxed().toList();
    JavaRDD<Row> rows =
        jsc.parallelize(ids, o.partitions())
            .mapPartitions(new SlowHash(o.markers(), o.taskMillis(), o.buckets()));
    StructType schema =
        new StructType()
            .add("id", DataTypes.LongType, false)
            .add("bucket", DataTypes.IntegerType, false)
            .add("hash", DataTypes.LongType, false);
    return spark
        .createDataFrame(rows, schema)
        .groupBy("bucket")
        .agg(
            count("*").as("ids"),
            sum("hash").as("hash_sum"),
            min("id").as("first_id"),
            max("id").as("last_id"));
  }

  /**
   * Waits until {@code expected} executors (the driver not counted) registered.
   *
   * @return the number registered; 0 at once when {@code expected} is 0 (local mode)
   * @throws IllegalStateException when fewer registered within {@code timeoutMillis}
   */
  static int awaitExecutors(SparkSession spark, int expected, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    int registered = 0;
    for (int poll = 0; poll < 1 + timeoutMillis / 200; poll++) {
      registered = spark.sparkContext().statusTracker().getExecutorInfos().length - 1;
      if (registered >= expected || System.currentTimeMillis() > deadline) {
        break;
      }
      Thread.sleep(200);
    }
    if (registered < expected) {
      throw new IllegalStateException(
          "only "
              + registered
              + " of "
              + expected
              + " executors registered within "
              + timeoutMillis
              + " ms");
    }
    return registered;
  }

  /** splitmix64's finaliser, cut to 32 bits so that sums of a few million cannot overflow. */
  static long hash(long id) {
    long z = id + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & 0xFFFFFFFFL;
  }

  /** The slow task: leaves its marker, sleeps, then hashes its ids. Runs on the executors. */
  static final class SlowHash implements FlatMapFunction<Iterator<Long>, Row> {
    private static final long serialVersionUID = 1L;
    private final String markers;
    private final long taskMillis;
    private final int buckets;

    SlowHash(String markers, long taskMillis, int buckets) {
      this.markers = markers;
      this.taskMillis = taskMillis;
      this.buckets = buckets;
    }

    @Override
    public Iterator<Row> call(Iterator<Long> ids) throws InterruptedException {
      mark();
      Thread.sleep(taskMillis);
      List<Row> out = new ArrayList<>();
      while (ids.hasNext()) {
        long id = ids.next();
        out.add(RowFactory.create(id, (int) (id % buckets), hash(id)));
      }
      return out.iterator();
    }

    private void mark() {
      TaskContext task = TaskContext.get();
      SparkEnv env = SparkEnv.get();
      String name =
          String.format(
              "p%d-a%d-pid%d-%s-e%s",
              task.partitionId(),
              task.attemptNumber(),
              ProcessHandle.current().pid(),
              env.conf().getAppId(),
              env.executorId());
      try {
        Files.createDirectories(Path.of(markers));
        Files.createFile(Path.of(markers, name));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write task marker " + name, e);
      }
    }
  }
}
