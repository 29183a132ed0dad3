package org.deepslda.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deepslda.common.BadInputException;
import org.deepslda.data.LabelLevel;
import org.deepslda.data.Scenario;

/**
 * Everything one {@code slda run} needs. Validated on construction; each message names the
 * flag, the value found and what is allowed.
 *
 * @param data the dataset root (local path or Hadoop FS URI) in the CORe50 layout
 * @param scenario which CORe50 scenario's filelists define the stream
 * @param run the scenario's run, 0-9 (each run orders the batches differently)
 * @param level object (50 classes) or category (10 classes) labels
 * @param imageSize 128 (core50_128x128) or 32 (core50_32x32, {@code --mini})
 * @param backbone the backbone SPEC (see {@code --backbone})
 * @param store the feature store (Parquet) to read, and to fill with what is missing
 * @param out the run's output folder
 * @param shrinkage eps in Lambda = [(1 - eps) Sigma + eps I]^-1, in (0, 1]
 * @param plasticCov whether the shared covariance is updated by the stream
 * @param maskUnseen whether classes never seen are excluded from prediction
 * @param resume continue an incomplete run in {@code out}
 * @param overwrite replace a run already in {@code out}
 * @param master the Spark master, or null for what spark-submit set (else local[*])
 * @param testPartitions partitions of the cached test features
 * @param extractBatchSize images per forward pass on an executor
 * @param allPredictions also keep every batch's test predictions (all_predictions.json)
 * @param skipBadImages skip unreadable images during extraction (listed in the report)
 * @param stopAfterBatch testing aid: stop with an error after this batch's checkpoint, or -1
 */
public record RunOptions(
    String data,
    Scenario scenario,
    int run,
    LabelLevel level,
    int imageSize,
    String backbone,
    String store,
    String out,
    double shrinkage,
    boolean plasticCov,
    boolean maskUnseen,
    boolean resume,
    boolean overwrite,
    String master,
    int testPartitions,
    int extractBatchSize,
    boolean allPredictions,
    boolean skipBadImages,
    int stopAfterBatch) {

  public RunOptions {
    require(data != null && !data.isBlank(), "--data", data, "a dataset root");
    require(scenario != null, "--scenario", null, "ni, nc, nic, nicv2_79, nicv2_196, nicv2_391");
    require(run >= 0 && run <= 9, "--run", run, "a run number from 0 to 9");
    require(level != null, "--level", null, "object or category");
    require(imageSize == 128 || imageSize == 32, "--image-size", imageSize, "128 or 32");
    require(backbone != null && !backbone.isBlank(), "--backbone", backbone, "a backbone SPEC");
    require(store != null && !store.isBlank(), "--store", store, "a feature store path");
    require(out != null && !out.isBlank(), "--out", out, "an output folder");
    require(shrinkage > 0 && shrinkage <= 1, "--shrinkage", shrinkage, "a value in (0, 1]");
    require(testPartitions >= 1, "--test-partitions", testPartitions, "a positive count");
    require(extractBatchSize >= 1, "--batch-size", extractBatchSize, "a positive count");
    if (resume && overwrite) {
      throw new BadInputException("--resume and --overwrite exclude each other: choose one");
    }
  }

  private static void require(boolean ok, String flag, Object found, String expected) {
    if (!ok) {
      throw new BadInputException(flag + ": expected " + expected + ", found " + found);
    }
  }

  /** The settings as the seed's {@code parameter_arguments.json} lists them, plus ours. */
  public Map<String, Object> asParameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("dataset_dir", data);
    p.put("scenario", scenario.cliName());
    p.put("run", run);
    p.put("label_level", level.name().toLowerCase());
    p.put("image_size", imageSize);
    p.put("backbone", backbone);
    p.put("feature_store", store);
    p.put("save_dir", out);
    p.put("shrinkage", shrinkage);
    p.put("plastic_cov", plasticCov);
    p.put("mask_unseen", maskUnseen);
    p.put("test_partitions", testPartitions);
    p.put("extract_batch_size", extractBatchSize);
    p.put("all_predictions", allPredictions);
    p.put("skip_bad_images", skipBadImages);
    return p;
  }
}
