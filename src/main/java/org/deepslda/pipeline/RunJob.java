package org.deepslda.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deepslda.common.BadInputException;
import org.deepslda.common.Sparks;
import org.deepslda.data.Core50Source;
import org.deepslda.data.Core50Streams;
import org.deepslda.data.ImageRecord;
import org.deepslda.data.ImageStream;
import org.deepslda.eval.Confusion;
import org.deepslda.eval.IncrementalMetrics;
import org.deepslda.eval.TestSetScorer;
import org.deepslda.features.BackboneSpec;
import org.deepslda.features.BadImage;
import org.deepslda.features.ExtractOptions;
import org.deepslda.features.ExtractReport;
import org.deepslda.features.FeatureStore;
import org.deepslda.features.PinnedFeatures;
import org.deepslda.lda.SldaCheckpoint;
import org.deepslda.lda.SldaOptions;
import org.deepslda.lda.StreamingLda;
import org.deepslda.report.RunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code slda run}: one CORe50 scenario and run, end to end. Resolves the stream, fills the
 * feature store with what is missing (on the executors), then for each training batch in
 * stream order pulls its features to the driver in filelist order, fits the streaming LDA,
 * checkpoints it, broadcasts its weights and scores the cached test set on the executors.
 * Every input is checked before the output folder is touched.
 */
public final class RunJob {
  private static final Logger LOG = LoggerFactory.getLogger(RunJob.class);

  private final RunOptions opts;
  private final Configuration conf;
  private final StageClock clock = new StageClock();
  private final MemorySampler memory = new MemorySampler();

  public RunJob(RunOptions opts, Configuration conf) {
    this.opts = opts;
    this.conf = conf;
  }

  /** Runs the job; returns the accuracy after each batch. */
  public List<Double> execute() {
    BackboneSpec backbone = BackboneSpec.parse(opts.backbone());
    ImageStream stream =
        Core50Streams.load(
            new Core50Source(opts.data(), opts.imageSize()), opts.scenario(), opts.run(),
            opts.level(), conf);
    RunFolder folder = new RunFolder(opts.out(), conf);
    boolean resume = folder.prepare(opts.resume(), opts.overwrite());
    if (resume && folder.isComplete()) {
      LOG.info("{} already holds a complete run; nothing to resume", opts.out());
      return RunProgress.load(folder.file(RunFolder.PROGRESS), conf, Integer.MAX_VALUE)
          .confusions().stream().map(Confusion::accuracy).toList();
    }
    ResumePoint from = resume ? ResumePoint.read(folder, conf) : ResumePoint.start();
    if (backbone.kind() == BackboneSpec.Kind.RANDOM_RESNET18) {
      LOG.warn("backbone {} has seeded RANDOM weights, not ImageNet ones: accuracies show the "
          + "pipeline works, not what Deep SLDA reaches", opts.backbone());
    }
    SparkSession spark = clock.time("spark_start", () -> Sparks.getOrCreate(opts.master(),
        "slda run " + stream.name()));
    FeatureStore store = FeatureStore.open(spark, opts.store());
    List<BadImage> skipped = fillStore(spark, store, stream, backbone);
    ImageStream usable = withoutSkipped(stream, skipped);
    return fitAndScore(spark, store, usable, folder, from, skipped);
  }

  /** Fills the store; returns the images left out as unreadable (only with --skip-bad-images). */
  private List<BadImage> fillStore(
      SparkSession spark, FeatureStore store, ImageStream stream, BackboneSpec backbone) {
    LinkedHashSet<String> paths = new LinkedHashSet<>();
    stream.trainBatches().forEach(b -> b.forEach(r -> paths.add(r.path())));
    stream.test().forEach(r -> paths.add(r.path()));
    ExtractOptions extract =
        new ExtractOptions(opts.extractBatchSize(), 0, opts.skipBadImages());
    ExtractReport report = clock.time("extract", () -> store.ensure(spark, stream.imageRoot(),
        new ArrayList<>(paths), backbone, extract));
    return report.badImages();
  }

  /**
   * The stream without the images that could not be read, which the store therefore lacks; they
   * are listed in {@value RunFolder#SKIPPED} at the end of the run.
   */
  private ImageStream withoutSkipped(ImageStream stream, List<BadImage> skipped) {
    if (skipped.isEmpty()) {
      return stream;
    }
    LOG.warn("--skip-bad-images: {} unreadable image(s) left out of {}, e.g. {}; all are listed"
        + " in {}", skipped.size(), stream.name(), skipped.get(0).reason(), RunFolder.SKIPPED);
    Set<String> paths = new HashSet<>();
    skipped.forEach(b -> paths.add(b.path()));
    return stream.without(paths);
  }

  private List<Double> fitAndScore(
      SparkSession spark, FeatureStore store, ImageStream stream, RunFolder folder,
      ResumePoint from, List<BadImage> skipped) {
    int numClasses = stream.numClasses();
    TestSetScorer scorer = clock.time("load_test", () -> cacheTest(spark, store, stream));
    try (scorer;
        PinnedFeatures train = clock.time("load_train",
            () -> store.pin(spark, stream.allTraining()))) {
      RunProgress progress = from.progress();
      SldaOptions wanted = options(store.dim(), numClasses);
      StreamingLda lda = from.model(wanted);
      if (progress.completed() > 0) {
        LOG.info("resuming {} after batch {} ({} of {} done)", opts.out(),
            progress.completed() - 1, progress.completed(), stream.trainBatches().size());
      }
      BatchLoop loop = new BatchLoop(train, scorer, folder, progress, lda);
      loop.run(stream);
      finish(folder, stream, progress, loop.model(), skipped);
      return progress.confusions().stream().map(Confusion::accuracy).toList();
    }
  }

  private SldaOptions options(int dim, int numClasses) {
    return new SldaOptions(dim, numClasses, opts.shrinkage(), opts.plasticCov(),
        opts.maskUnseen());
  }

  /** Caches the test features on the executors, with their position in the test list. */
  private TestSetScorer cacheTest(SparkSession spark, FeatureStore store, ImageStream stream) {
    try (PinnedFeatures test = store.pin(spark, stream.test())) {
      Dataset<Row> rows = test.rows().withColumnRenamed("idx", "index");
      return TestSetScorer.cache(rows, stream.numClasses(), opts.testPartitions());
    }
  }

  /** The per-batch loop, with the state it carries. */
  private final class BatchLoop {
    private final PinnedFeatures train;
    private final TestSetScorer scorer;
    private final RunFolder folder;
    private final RunProgress progress;
    private StreamingLda lda;
    private final long started = System.nanoTime();

    BatchLoop(PinnedFeatures train, TestSetScorer scorer, RunFolder folder, RunProgress progress,
        StreamingLda lda) {
      this.train = train;
      this.scorer = scorer;
      this.folder = folder;
      this.progress = progress;
      this.lda = lda;
    }

    StreamingLda model() {
      return lda;
    }

    void run(ImageStream stream) {
      int total = stream.trainBatches().size();
      int[] offsets = PinnedFeatures.offsets(stream.trainBatches());
      int first = progress.completed();
      for (int i = first; i < total; i++) {
        List<ImageRecord> batch = stream.trainBatches().get(i);
        long t0 = System.nanoTime();
        int from = offsets[i];
        int to = offsets[i + 1];
        float[] x = clock.time("read_batch", () -> train.collectRange(from, to));
        int[] y = batch.stream().mapToInt(ImageRecord::label).toArray();
        clock.time("fit", () -> lda.fit(x, y, y.length));
        SldaCheckpoint.save(lda, folder.file(RunFolder.batchCheckpointName(i)), conf);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        boolean keep = opts.allPredictions() || i == total - 1;
        long t1 = System.nanoTime();
        TestSetScorer.BatchResult r = clock.time("score", () -> scorer.score(lda.weights(), keep));
        double scoreSeconds = (System.nanoTime() - t1) / 1e9;
        progress.add(new RunProgress.Batch(i, batch.size(), r.confusion().rows(), fitSeconds,
            scoreSeconds, r.predictions()));
        progress.save(folder.file(RunFolder.PROGRESS), conf);
        memory.sample();
        logBatch(i, total, first, batch.size(), fitSeconds, r.confusion().accuracy());
        if (i == opts.stopAfterBatch()) {
          throw new RunStoppedException("stopped after batch " + i + " as asked "
              + "(--stop-after-batch); continue with --resume");
        }
      }
    }

    private void logBatch(int i, int total, int first, int images, double fitS, double acc) {
      double elapsed = (System.nanoTime() - started) / 1e9;
      double perBatch = elapsed / (i - first + 1);
      LOG.info("batch {} ({}/{}): {} images, fit {} s, test accuracy {}%, elapsed {} s, ~{} s left",
          i, i + 1, total, images, String.format("%.2f", fitS), String.format("%.2f", 100 * acc),
          String.format("%.1f", elapsed), String.format("%.0f", perBatch * (total - i - 1)));
    }
  }

  private void finish(RunFolder folder, ImageStream stream, RunProgress progress,
      StreamingLda lda, List<BadImage> skipped) {
    if (progress.completed() == 0) {
      throw new BadInputException("the stream " + stream.name() + " has no training batch");
    }
    try {
      clock.time("write", () -> writeResults(folder, stream, progress, lda, skipped));
    } catch (RuntimeException e) {
      folder.discardResults();
      throw e;
    }
    LOG.info("run complete: final accuracy {}%, results in {}",
        String.format("%.2f", 100 * progress.confusions().get(progress.completed() - 1)
            .accuracy()), folder.uri());
  }

  /** The result files, {@code _SUCCESS} last; a failure part way is cleaned up by the caller. */
  private void writeResults(RunFolder folder, ImageStream stream, RunProgress progress,
      StreamingLda lda, List<BadImage> skipped) {
    IncrementalMetrics metrics = new IncrementalMetrics(progress.confusions());
    List<RunProgress.Batch> done = progress.batches();
    int[] finalPredictions = done.get(done.size() - 1).predictions();
    RunReport report = new RunReport(folder::file, conf);
    report.writeResults(metrics, finalPredictions, parameters(), "SLDA on " + stream.name());
    if (opts.allPredictions()) {
      report.writeJson("all_predictions.json", done.stream().map(RunProgress.Batch::predictions)
          .toList());
    }
    if (!skipped.isEmpty()) {
      report.writeJson(RunFolder.SKIPPED, skipped);
    }
    SldaCheckpoint.save(lda, folder.file("final_slda_model.npz"), conf);
    report.writeJson("experimental_meta_data.json", meta(metrics, progress, folder));
    report.writeJson(RunFolder.SUCCESS, Map.of("complete", true));
  }

  private Map<String, Object> parameters() {
    Map<String, Object> p = opts.asParameters();
    p.put("backbone_weights",
        BackboneSpec.parse(opts.backbone()).kind() == BackboneSpec.Kind.RANDOM_RESNET18
        ? "seeded random weights (offline; not ImageNet-pretrained)" : "from the SPEC");
    return p;
  }

  private Map<String, Object> meta(IncrementalMetrics m, RunProgress p, RunFolder folder) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("test_accuracies", m.accuracies());
    meta.put("time_minutes", clock.totalSeconds() / 60.0);
    meta.put("avg_ram_mb", memory.averageMb());
    meta.put("max_ram_mb", memory.maxMb());
    meta.put("ext_mem_mb", folder.sizeBytes() / (1024.0 * 1024.0));
    meta.put("stage_seconds", clock.seconds());
    long trainImages = p.batches().stream().mapToLong(RunProgress.Batch::images).sum();
    double fit = clock.seconds().getOrDefault("fit", 0.0);
    meta.put("fit_images_per_second", fit > 0 ? trainImages / fit : null);
    meta.put("mean_incremental_accuracy", m.meanIncrementalAccuracy());
    return meta;
  }
}
