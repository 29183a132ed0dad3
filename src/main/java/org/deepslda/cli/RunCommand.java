package org.deepslda.cli;

import java.util.concurrent.Callable;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.LabelLevel;
import org.deepslda.data.Scenario;
import org.deepslda.pipeline.RunJob;
import org.deepslda.pipeline.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slda run}: one scenario and run, end to end. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one Deep SLDA experiment: extracts the missing features into the store (on the"
          + " executors), fits the streaming LDA batch by batch in stream order, scores the"
          + " test set after each batch, and writes the seed's result files into --out.",
      "Options may also come from a YAML file (--config); flags on the command line win."
    })
final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML file of option defaults (keys are the long option names).")
  String config;

  @Option(names = "--data", paramLabel = "ROOT",
      description = "Required. Dataset root in the CORe50 layout (local path or Hadoop FS URI).")
  String data;

  @Option(names = "--scenario", defaultValue = "nc", paramLabel = "NAME",
      description = "ni, nc, nic, nicv2_79, nicv2_196 or nicv2_391 (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--run", defaultValue = "0", paramLabel = "R",
      description = "The scenario's run, 0-9 (default: ${DEFAULT-VALUE}).")
  int run;

  @Option(names = "--level", defaultValue = "object", paramLabel = "LEVEL",
      description = "object (50 classes) or category (10 classes) (default: ${DEFAULT-VALUE}).")
  String level;

  @Option(names = "--mini", defaultValue = "false",
      description = "Use the 32 x 32 images (core50_32x32); same as --image-size 32.")
  boolean mini;

  @Option(names = "--image-size", defaultValue = "128", paramLabel = "PX",
      description = "128 (core50_128x128) or 32 (core50_32x32) (default: ${DEFAULT-VALUE}).")
  int imageSize;

  @Option(names = "--backbone", defaultValue = "random-resnet18:0", paramLabel = "SPEC",
      description = {
        "random-resnet18[:SEED] (offline, seeded random weights), a TorchScript .pt file"
            + " (path or Hadoop FS URI), or a DJL model-zoo URL djl://... "
            + "(default: ${DEFAULT-VALUE})."
      })
  String backbone;

  @Option(names = "--store", paramLabel = "PATH",
      description = "Required. Feature store (Parquet); missing features are extracted into it.")
  String store;

  @Option(names = "--out", paramLabel = "RUN_DIR",
      description = "Required. Output folder of this run.")
  String out;

  @Option(names = "--shrinkage", defaultValue = "1e-4", paramLabel = "EPS",
      description = "Shrinkage of the covariance, in (0, 1] (default: ${DEFAULT-VALUE}).")
  double shrinkage;

  @Option(names = "--plastic-cov", defaultValue = "true", arity = "1", paramLabel = "BOOL",
      description = "Update the shared covariance while streaming (default: ${DEFAULT-VALUE}).")
  boolean plasticCov;

  @Option(names = "--mask-unseen", defaultValue = "false", arity = "1", paramLabel = "BOOL",
      description = "Never predict classes not yet seen (default: ${DEFAULT-VALUE}; the"
          + " reference scores them 0).")
  boolean maskUnseen;

  @Option(names = "--resume", defaultValue = "false",
      description = "Continue an incomplete run in --out from its last batch checkpoint.")
  boolean resume;

  @Option(names = "--overwrite", defaultValue = "false",
      description = "Replace a run already in --out (only the files a run writes).")
  boolean overwrite;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: what spark-submit set, else local[*]).")
  String master;

  @Option(names = "--test-partitions", defaultValue = "8", paramLabel = "N",
      description = "Partitions of the cached test features (default: ${DEFAULT-VALUE}).")
  int testPartitions;

  @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N",
      description = "Images per forward pass during extraction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--all-predictions", defaultValue = "false",
      description = "Also keep every batch's test predictions (all_predictions.json).")
  boolean allPredictions;

  @Option(names = "--skip-bad-images", defaultValue = "false",
      description = "Skip unreadable images during extraction and list them, instead of"
          + " stopping.")
  boolean skipBadImages;

  @Option(names = "--stop-after-batch", defaultValue = "-1", hidden = true,
      description = "Testing aid: stop after this batch's checkpoint (then use --resume).")
  int stopAfterBatch;

  @Override
  public Integer call() {
    RunOptions opts = toOptions();
    new RunJob(opts, HadoopFiles.defaultConf()).execute();
    System.out.println("results: " + opts.out());
    return 0;
  }

  RunOptions toOptions() {
    return new RunOptions(
        data,
        Scenario.parse(scenario),
        run,
        LabelLevel.parse(level),
        mini ? 32 : imageSize,
        backbone,
        store,
        out,
        shrinkage,
        plasticCov,
        maskUnseen,
        resume,
        overwrite,
        master,
        testPartitions,
        batchSize,
        allPredictions,
        skipBadImages,
        stopAfterBatch);
  }
}
