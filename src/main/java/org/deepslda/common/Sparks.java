package org.deepslda.common;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the program creates its Spark session. The master is, in order: the {@code master}
 * argument (a {@code --master} flag), what {@code spark-submit} set ({@code spark.master}), else
 * {@code local[*]}, the embedded mode that needs no Spark installation. With a local master the web
 * UI is off unless {@code spark.ui.enabled} is set, and {@code SPARK_LOCAL_IP}, if set, is the
 * address the driver binds to and advertises.
 */
public final class Sparks {
  private static final Logger LOG = LoggerFactory.getLogger(Sparks.class);

  private Sparks() {}

  /**
   * The active session, or a new one.
   *
   * @param master a Spark master URL, or null for spark-submit's or {@code local[*]}
   * @param appName shown in the Spark UI and logs
   */
  public static SparkSession getOrCreate(String master, String appName) {
    SparkConf conf = new SparkConf();
    String chosen =
        master != null && !master.isBlank() ? master : conf.get("spark.master", "local[*]");
    conf.setMaster(chosen).setAppName(appName);
    String registrators = conf.get("spark.kryo.registrator", "");
    String ours = RecordKryoRegistrator.class.getName();
    if (!registrators.contains(ours)) {
      conf.set("spark.kryo.registrator", registrators.isBlank() ? ours : registrators + "," + ours);
    }
    if (chosen.startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    String localIp = System.getenv("SPARK_LOCAL_IP");
    if (localIp != null && !localIp.isBlank()) {
      conf.setIfMissing("spark.driver.bindAddress", localIp);
      conf.setIfMissing("spark.driver.host", localIp);
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    LOG.debug("Spark {} session on {}", spark.version(), spark.sparkContext().master());
    return spark;
  }
}
