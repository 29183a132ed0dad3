package org.deepslda.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.Sparks;
import org.deepslda.data.Core50Source;
import org.deepslda.data.Core50Streams;
import org.deepslda.data.ImageRecord;
import org.deepslda.data.ImageStream;
import org.deepslda.features.FeatureStore;
import org.deepslda.features.PinnedFeatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code slda sweep}: scenarios x runs x hyper-parameters over one feature store. In order, and
 * before anything is written: every point's stream is resolved, and the store must hold every
 * image the unfinished points need (else an error with the {@code slda extract} command that
 * fills it; a sweep never extracts). Then the union of those features is read once into a
 * dense matrix, broadcast, and each point runs as its own Spark task ({@link PointTask}); each
 * finished point is written at once ({@link PointWriter}), and the summary is rebuilt from all
 * complete point folders ({@link SweepSummary}). Points already complete are skipped.
 */
public final class SweepJob {
  private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);
  private static final int EXAMPLES = 5;

  private final SweepOptions opts;
  private final Configuration conf;
  private final SweepFolder folder;

  public SweepJob(SweepOptions opts, Configuration conf) {
    this.opts = opts;
    this.conf = conf;
    this.folder = new SweepFolder(opts.out(), conf);
  }

  /** Runs the sweep; returns the summary rows (every complete point in the folder). */
  public List<Map<String, Object>> execute() throws Exception {
    List<SweepPoint> points = opts.points();
    Map<String, ImageStream> streams = resolveStreams(points);
    List<SweepPoint> pending = points.stream().filter(p -> !folder.isComplete(p)).toList();
    if (pending.isEmpty()) {
      LOG.info("all {} points in {} are complete: rebuilding the summary, recomputing nothing",
          points.size(), folder.uri());
      return new SweepSummary(folder, conf).write();
    }
    if (pending.size() < points.size()) {
      LOG.info("{} of {} points are complete already and are skipped; computing {}",
          points.size() - pending.size(), points.size(), pending.size());
    }
    SparkSession spark = Sparks.getOrCreate(opts.master(), "slda sweep " + folder.uri());
    FeatureStore store = FeatureStore.open(spark, opts.store());
    FeatureRows rows = FeatureRows.of(pending, streams);
    requireStored(spark, store, rows.records());
    PointExecution.FeatureMatrix matrix = read(spark, store, rows.records());
    List<PointTask> tasks = new ArrayList<>();
    for (SweepPoint p : pending) {
      tasks.add(rows.task(p, streams.get(key(p)), opts.checkpoints()));
    }
    runPoints(spark, matrix, tasks, store);
    return new SweepSummary(folder, conf).write();
  }

  private Map<String, ImageStream> resolveStreams(List<SweepPoint> points) {
    Core50Source source = new Core50Source(opts.data(), opts.imageSize());
    Map<String, ImageStream> streams = new LinkedHashMap<>();
    for (SweepPoint p : points) {
      streams.computeIfAbsent(key(p),
          k -> Core50Streams.load(source, p.scenario(), p.run(), p.level(), conf));
    }
    return streams;
  }

  static String key(SweepPoint p) {
    return p.scenario().cliName() + "-run" + p.run();
  }

  private void requireStored(SparkSession spark, FeatureStore store, List<ImageRecord> needed) {
    List<String> paths = needed.stream().map(ImageRecord::path).toList();
    List<String> missing = store.missing(spark, paths);
    if (missing.isEmpty()) {
      return;
    }
    throw new BadInputException("feature store " + store.uri() + " lacks the features of "
        + missing.size() + " of the " + paths.size() + " images this sweep needs (e.g. "
        + String.join(", ", missing.subList(0, Math.min(EXAMPLES, missing.size())))
        + "); a sweep never extracts features: fill the store first with: " + extractCommand(
        store));
  }

  private String extractCommand(FeatureStore store) {
    return "slda extract --data " + opts.data() + " --backbone " + store.backboneFlag()
        + " --store " + store.uri() + (opts.imageSize() == 128 ? "" : " --image-size "
        + opts.imageSize());
  }

  private PointExecution.FeatureMatrix read(
      SparkSession spark, FeatureStore store, List<ImageRecord> records) {
    long start = System.nanoTime();
    try (PinnedFeatures pinned = store.pin(spark, records)) {
      float[] values = pinned.collectRange(0, records.size());
      LOG.info("read {} feature vectors (d={}, {} MB) from {} in {} s", records.size(),
          store.dim(), values.length / (256 * 1024), store.uri(),
          String.format("%.1f", (System.nanoTime() - start) / 1e9));
      return new PointExecution.FeatureMatrix(values, store.dim());
    }
  }

  private void runPoints(SparkSession spark, PointExecution.FeatureMatrix matrix,
      List<PointTask> tasks, FeatureStore store) throws Exception {
    PointWriter writer = new PointWriter(opts, folder, store.descriptor().identity(), conf);
    int[] done = {0};
    long start = System.nanoTime();
    PointExecution.run(spark, matrix, tasks, opts.partitions(), r -> {
      writer.write(r);
      done[0]++;
      LOG.info("point {}: final accuracy {}%, {} s ({}/{} done, {} s elapsed)",
          r.point().name(), String.format("%.2f", 100 * r.finalAccuracy()),
          String.format("%.2f", r.seconds()), done[0], tasks.size(),
          String.format("%.1f", (System.nanoTime() - start) / 1e9));
    });
    if (done[0] != tasks.size()) {
      throw new EnvironmentException("sweep finished " + done[0] + " of " + tasks.size()
          + " points");
    }
  }
}
