package org.deepslda.features;

import org.apache.spark.sql.SparkSession;
import org.deepslda.common.Sparks;

/**
 * One local[2] Spark session for all tests of the JVM (Spark takes seconds to start); a new one
 * if another test stopped it.
 */
final class TestSpark {
  private static SparkSession spark;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (spark == null || spark.sparkContext().isStopped()) {
      System.setProperty("spark.sql.shuffle.partitions", "4");
      spark = Sparks.getOrCreate("local[2]", "features-test");
      SparkSession started = spark;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
    }
    return spark;
  }
}
