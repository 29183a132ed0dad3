package org.deepslda.features;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Run in a child JVM by {@link GpuSchedulingTest}: starts a {@code local-cluster} Spark (a real
 * Master, Worker and executor JVM) whose worker discovers two fake GPUs with a script, runs tasks
 * that each ask for one GPU, and prints one line per task: the address Spark assigned and the
 * device {@link DeviceChoice#forCurrentTask} chose. Args: discovery script, executor class path.
 */
public final class GpuSchedulingProbe {
  private GpuSchedulingProbe() {}

  public static void main(String[] args) {
    SparkConf conf =
        new SparkConf()
            .setMaster("local-cluster[1,2,1024]")
            .setAppName("gpu-probe")
            .set("spark.ui.enabled", "false")
            .set("spark.worker.resource.gpu.amount", "2")
            .set("spark.worker.resource.gpu.discoveryScript", args[0])
            .set("spark.executor.resource.gpu.amount", "2")
            .set("spark.task.resource.gpu.amount", "1")
            .set("spark.executor.extraClassPath", args[1])
            .set("spark.executor.extraJavaOptions", "-Xss4m -Dai.djl.offline=true")
            .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.13");
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    try {
      List<String> lines =
          JavaSparkContext.fromSparkContext(spark.sparkContext())
              .parallelize(List.of(1, 2, 3, 4), 4)
              .map(i -> describeTask())
              .collect();
      lines.forEach(l -> System.out.println("TASK " + l));
    } finally {
      spark.stop();
    }
  }

  private static String describeTask() {
    DeviceChoice c = DeviceChoice.forCurrentTask();
    String executor =
        TaskContext.get() == null ? "?" : org.apache.spark.SparkEnv.get().executorId();
    return "executor="
        + executor
        + " gpu="
        + c.assignedGpu()
        + " device="
        + c.device()
        + " degraded="
        + c.degraded()
        + " note="
        + c.note();
  }
}
