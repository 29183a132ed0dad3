package org.deepslda.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs sweep points as Spark tasks: the feature matrix is broadcast once (each executor JVM
 * holds one copy, which all its tasks read; in local mode the driver's own array), the points
 * are spread over {@code partitions} tasks, and each result reaches {@code onResult} on the
 * calling thread as soon as its task ends, so finished points are saved while others still run.
 */
final class PointExecution {
  private static final long POLL_SECONDS = 1;

  /** The shared features: row r at {@code [r * dim, (r + 1) * dim)}. */
  record FeatureMatrix(float[] values, int dim) implements Serializable {}

  private PointExecution() {}

  /**
   * Runs every task; returns when all results were handed to {@code onResult}.
   *
   * @throws org.apache.spark.SparkException (wrapped) if a task fails
   */
  static void run(SparkSession spark, FeatureMatrix matrix, List<PointTask> tasks, int partitions,
      Consumer<PointResult> onResult) throws Exception {
    SparkContext sc = spark.sparkContext();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    Broadcast<FeatureMatrix> shared = jsc.broadcast(matrix);
    int slices = partitions == 0 ? tasks.size() : Math.min(partitions, tasks.size());
    try {
      JavaRDD<PointTask> rdd = jsc.parallelize(tasks, slices);
      LinkedBlockingQueue<List<PointResult>> done = new LinkedBlockingQueue<>();
      List<Object> ids = new ArrayList<>();
      for (int i = 0; i < slices; i++) {
        ids.add(i);
      }
      SimpleFutureAction<Object> job = sc.submitJob(rdd.rdd(), new RunPartition(shared),
          scala.jdk.javaapi.CollectionConverters.asScala(ids).toSeq(),
          new Enqueue(done), new NoResult());
      drain(job, done, tasks.size(), onResult);
    } finally {
      shared.destroy();
    }
  }

  /** Hands results over as they come; bounded by the job's life (it ends or fails). */
  private static void drain(SimpleFutureAction<Object> job,
      LinkedBlockingQueue<List<PointResult>> done, int expected, Consumer<PointResult> onResult)
      throws Exception {
    int received = 0;
    while (received < expected) {
      List<PointResult> batch = done.poll(POLL_SECONDS, TimeUnit.SECONDS);
      if (batch == null) {
        if (job.isCompleted() && done.isEmpty()) {
          job.get();
          throw new IllegalStateException(
              "the sweep job ended with " + received + " of " + expected + " results");
        }
        continue;
      }
      for (PointResult r : batch) {
        onResult.accept(r);
        received++;
      }
    }
    job.get();
  }

  /** Executor side: runs a partition's points against the broadcast matrix. */
  private static final class RunPartition
      extends AbstractFunction1<scala.collection.Iterator<PointTask>, List<PointResult>>
      implements Serializable {
    private final Broadcast<FeatureMatrix> matrix;

    RunPartition(Broadcast<FeatureMatrix> matrix) {
      this.matrix = matrix;
    }

    @Override
    public List<PointResult> apply(scala.collection.Iterator<PointTask> it) {
      FeatureMatrix m = matrix.value();
      List<PointResult> out = new ArrayList<>();
      Iterator<PointTask> tasks = scala.jdk.javaapi.CollectionConverters.asJava(it);
      while (tasks.hasNext()) {
        out.add(tasks.next().run(m.values(), m.dim()));
      }
      return out;
    }
  }

  /** Driver side, on Spark's scheduler thread: only queues, so scheduling is not held up. */
  private static final class Enqueue
      extends AbstractFunction2<Object, List<PointResult>, BoxedUnit> {
    private final LinkedBlockingQueue<List<PointResult>> queue;

    Enqueue(LinkedBlockingQueue<List<PointResult>> queue) {
      this.queue = queue;
    }

    @Override
    public BoxedUnit apply(Object partition, List<PointResult> results) {
      queue.add(results);
      return BoxedUnit.UNIT;
    }
  }

  private static final class NoResult extends AbstractFunction0<Object> {
    @Override
    public Object apply() {
      return null;
    }
  }
}
