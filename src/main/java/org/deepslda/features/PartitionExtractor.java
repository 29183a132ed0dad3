package org.deepslda.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.Core50Name;

/**
 * The executor side of {@link FeatureStore#ensure}: relative image paths in, store rows out ({@link
 * StoreLayout#SCHEMA}). Images that cannot be read go to an accumulator instead of rows.
 * Serializable; the model is taken from the executor's {@link FeatureExtractor#shared} cache.
 *
 * <p>Testing aid, off unless {@link ExtractionJob#TASK_MARKERS} is set: each task attempt first
 * leaves an empty file {@code p<partition>-a<attempt>-pid<pid>-<application>-e<executor>} in that
 * folder, so that a test knows when extraction runs and where (the cluster test kills a worker
 * then).
 */
final class PartitionExtractor implements FlatMapFunction<Iterator<String>, Row> {
  private static final long serialVersionUID = 1L;

  private final BackboneLoader loader;
  private final String imageFolderUri;
  private final SerializableConfiguration conf;
  private final int batchSize;
  private final CollectionAccumulator<BadImage> bad;
  private final String taskMarkers;

  /** {@code taskMarkers}: a local folder for the testing aid's task markers, or null (off). */
  PartitionExtractor(
      BackboneLoader loader,
      String imageFolderUri,
      Configuration conf,
      int batchSize,
      CollectionAccumulator<BadImage> bad,
      String taskMarkers) {
    this.loader = loader;
    this.imageFolderUri = imageFolderUri;
    this.conf = new SerializableConfiguration(conf);
    this.batchSize = batchSize;
    this.bad = bad;
    this.taskMarkers = taskMarkers;
  }

  @Override
  public Iterator<Row> call(Iterator<String> paths) {
    TestingHooks.maybeFail(TestingHooks.EXTRACT);
    if (taskMarkers != null) {
      markTaskStart(taskMarkers);
    }
    FeatureExtractor fx = FeatureExtractor.shared(loader);
    Configuration c = conf.value();
    BatchedExtraction<String> results =
        new BatchedExtraction<>(
            paths,
            p -> HadoopFiles.readAllBytes(HadoopFiles.join(imageFolderUri, p), c),
            p -> HadoopFiles.join(imageFolderUri, p),
            fx,
            batchSize);
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        while (next == null && results.hasNext()) {
          BatchedExtraction.Result<String> r = results.next();
          if (r.features() == null) {
            bad.add(new BadImage(r.item(), r.error()));
          } else {
            next = toRow(r.item(), r.features());
          }
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  /** Writes this task attempt's marker file into the local folder {@code dir}. */
  private static void markTaskStart(String dir) {
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
      Files.createDirectories(Path.of(dir));
      Files.createFile(Path.of(dir, name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write task marker " + name + " in " + dir, e);
    }
  }

  static Row toRow(String path, float[] features) {
    Core50Name n = Core50Name.parse(path);
    Float[] boxed = new Float[features.length];
    for (int i = 0; i < features.length; i++) {
      boxed[i] = features[i];
    }
    return RowFactory.create(path, n.session(), n.object(), n.category(), n.frame(), boxed);
  }
}
