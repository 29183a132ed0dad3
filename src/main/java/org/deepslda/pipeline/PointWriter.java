package org.deepslda.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.HadoopFiles;
import org.deepslda.eval.IncrementalMetrics;
import org.deepslda.report.RunReport;

/**
 * Writes one finished sweep point into its folder with the same files as {@code slda run}
 * (through {@link RunReport}), checkpoints only when asked, and {@link RunFolder#SUCCESS} last.
 */
final class PointWriter {
  private final SweepOptions opts;
  private final SweepFolder sweep;
  private final String backbone;
  private final Configuration conf;

  PointWriter(SweepOptions opts, SweepFolder sweep, String backbone, Configuration conf) {
    this.opts = opts;
    this.sweep = sweep;
    this.backbone = backbone;
    this.conf = conf;
  }

  void write(PointResult r) {
    RunFolder folder = sweep.point(r.point());
    IncrementalMetrics metrics = new IncrementalMetrics(r.confusionList());
    RunReport report = new RunReport(folder::file, conf);
    report.writeResults(
        metrics, r.finalPredictions(), parameters(r.point(), folder), title(r.point()));
    List<byte[]> models = r.checkpoints();
    for (int i = 0; i < models.size(); i++) {
      HadoopFiles.writeAtomically(folder.file(RunFolder.batchCheckpointName(i)), conf,
          models.get(i));
    }
    if (!models.isEmpty()) {
      HadoopFiles.writeAtomically(folder.file("final_slda_model.npz"), conf,
          models.get(models.size() - 1));
    }
    report.writeJson("experimental_meta_data.json", meta(r, metrics, folder));
    report.writeJson(RunFolder.SUCCESS, Map.of("complete", true));
  }

  private static String title(SweepPoint p) {
    return "SLDA on core50-" + p.scenario().cliName() + "-run" + p.run() + "-"
        + p.level().cliName() + " (" + p.settingLabel() + ")";
  }

  /** The seed's parameter names as {@code slda run} writes them, plus the sweep's. */
  private Map<String, Object> parameters(SweepPoint p, RunFolder folder) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset_dir", opts.data());
    m.put("scenario", p.scenario().cliName());
    m.put("run", p.run());
    m.put("label_level", p.level().cliName());
    m.put("image_size", opts.imageSize());
    m.put("backbone", backbone);
    m.put("feature_store", opts.store());
    m.put("save_dir", folder.uri());
    m.put("shrinkage", p.shrinkage());
    m.put("plastic_cov", p.plasticCov());
    m.put("mask_unseen", p.maskUnseen());
    m.put("sweep_dir", sweep.uri());
    m.put("point", p.name());
    m.put("checkpoints", opts.checkpoints());
    return m;
  }

  private static Map<String, Object> meta(
      PointResult r, IncrementalMetrics metrics, RunFolder folder) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("test_accuracies", metrics.accuracies());
    meta.put("time_minutes", r.seconds() / 60.0);
    double rss = MemorySampler.residentMb();
    meta.put("avg_ram_mb", rss);
    meta.put("max_ram_mb", rss);
    meta.put("ext_mem_mb", folder.sizeBytes() / (1024.0 * 1024.0));
    meta.put("point_seconds", r.seconds());
    meta.put("stage_seconds", Map.of("fit", r.fitSeconds(), "score", r.scoreSeconds()));
    long images = 0;
    for (int n : r.batchImages()) {
      images += n;
    }
    meta.put("fit_images_per_second", r.fitSeconds() > 0 ? images / r.fitSeconds() : null);
    meta.put("mean_incremental_accuracy", metrics.meanIncrementalAccuracy());
    meta.put("ram_note", "driver RSS when the point was written; executors share the sweep");
    return meta;
  }
}
