package org.deepslda.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark job behind {@link FeatureStore#ensure}: spreads the images to compute over the
 * executors, and writes their rows as one new commit folder through Spark's file commit protocol
 * (task output is promoted only when the task commits, and the folder's {@code _SUCCESS} marker
 * appears only when the job commits), so a killed or retried task leaves no partial or duplicate
 * rows.
 */
final class ExtractionJob {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractionJob.class);

  /** The most images a task gets when the partition count is left to the job. */
  static final int IMAGES_PER_TASK = 4096;

  /**
   * Testing aid, unset by default: a Spark setting naming a folder on the executors' local file
   * system where every extraction task attempt leaves a marker file as it starts ({@link
   * PartitionExtractor}); the multi-process cluster test uses it to kill a worker mid-extraction.
   * It changes no feature and no row.
   */
  static final String TASK_MARKERS = "spark.slda.testing.taskMarkers";

  private ExtractionJob() {}

  /** The outcome: rows written and images that could not be read. */
  record Outcome(int written, List<BadImage> bad) {}

  static Outcome run(
      SparkSession spark,
      String commitUri,
      String imageFolderUri,
      List<String> todo,
      BackboneLoader loader,
      ExtractOptions opts) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(partitions(opts, jsc, todo.size()), todo.size()));
    CollectionAccumulator<BadImage> bad =
        spark.sparkContext().collectionAccumulator("unreadable images");
    PartitionExtractor fn =
        new PartitionExtractor(
            loader,
            imageFolderUri,
            spark.sparkContext().hadoopConfiguration(),
            opts.batchSize(),
            bad,
            spark.conf().get(TASK_MARKERS, null));
    JavaRDD<Row> rows = jsc.parallelize(todo, slices).mapPartitions(fn);
    LOG.info(
        "computing features of {} images with {} on {} partitions, batches of {}",
        todo.size(),
        loader.descriptor().identity(),
        slices,
        opts.batchSize());
    spark.sparkContext().setJobDescription("slda extract: " + todo.size() + " images");
    try {
      spark
          .createDataFrame(rows, StoreLayout.SCHEMA)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .parquet(commitUri);
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    List<BadImage> unique = distinctByPath(bad.value());
    return new Outcome(todo.size() - unique.size(), unique);
  }

  /**
   * The requested partitions, else Spark's default parallelism but at most {@value
   * #IMAGES_PER_TASK} images per task, so that a failed task redoes little and stragglers even out.
   */
  static int partitions(ExtractOptions opts, JavaSparkContext jsc, int images) {
    if (opts.partitions() > 0) {
      return opts.partitions();
    }
    return Math.max(jsc.defaultParallelism(), (images + IMAGES_PER_TASK - 1) / IMAGES_PER_TASK);
  }

  /** A retried task may report an image twice; keep one report per path, sorted by path. */
  private static List<BadImage> distinctByPath(List<BadImage> reported) {
    Map<String, BadImage> byPath = new LinkedHashMap<>();
    for (BadImage b : reported) {
      byPath.putIfAbsent(b.path(), b);
    }
    List<BadImage> out = new ArrayList<>(byPath.values());
    out.sort(Comparator.comparing(BadImage::path));
    return out;
  }
}
