package org.deepslda.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.LabelLevel;
import org.deepslda.pipeline.SweepGrid;
import org.deepslda.pipeline.SweepJob;
import org.deepslda.pipeline.SweepOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slda sweep}: a grid of scenarios, runs and hyper-parameters over one feature store. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs every point of the grid scenarios x runs x shrinkage x plastic-cov x mask-unseen"
          + " as its own streaming LDA experiment, one Spark task per point, over features"
          + " already in the store (it never extracts: run 'slda extract' first). Each point"
          + " gets the files of 'slda run' in SWEEP_DIR/points/<point>/; SWEEP_DIR gets"
          + " summary.csv, summary.json and curves_<scenario>.png.",
      "Started again, it skips the points already complete and rebuilds the summary.",
      "Options may also come from a YAML file (--config; lists for the grid flags); flags on"
          + " the command line win."
    })
final class SweepCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML file of option defaults (keys are the long option names).")
  String config;

  @Option(names = "--data", paramLabel = "ROOT",
      description = "Required. Dataset root in the CORe50 layout (local path or Hadoop FS URI).")
  String data;

  @Option(names = "--store", paramLabel = "PATH",
      description = "Required. Feature store (Parquet) holding every image the grid needs.")
  String store;

  @Option(names = "--out", paramLabel = "SWEEP_DIR",
      description = "Required. Output folder of the sweep.")
  String out;

  @Option(names = "--scenarios", defaultValue = "nc", split = ",", paramLabel = "NAMES",
      description = "Scenarios: ni, nc, nic, nicv2_79, nicv2_196, nicv2_391, comma separated"
          + " (default: ${DEFAULT-VALUE}).")
  List<String> scenarios;

  @Option(names = "--runs", defaultValue = "0-9", split = ",", paramLabel = "RUNS",
      description = "Runs 0-9 as a range (0-9) or a list (0,1,2) (default: ${DEFAULT-VALUE}).")
  List<String> runs;

  @Option(names = "--shrinkage", defaultValue = "1e-4", split = ",", paramLabel = "EPS",
      description = "Shrinkage values in (0, 1], comma separated (default: ${DEFAULT-VALUE}).")
  List<String> shrinkage;

  @Option(names = "--plastic-cov", defaultValue = "true", split = ",", paramLabel = "BOOLS",
      description = "Covariance modes: true (plastic), false (fixed), or true,false"
          + " (default: ${DEFAULT-VALUE}).")
  List<String> plasticCov;

  @Option(names = "--mask-unseen", defaultValue = "false", split = ",", paramLabel = "BOOLS",
      description = "Mask classes not yet seen: false, true, or false,true"
          + " (default: ${DEFAULT-VALUE}).")
  List<String> maskUnseen;

  @Option(names = "--level", defaultValue = "object", paramLabel = "LEVEL",
      description = "object (50 classes) or category (10 classes) (default: ${DEFAULT-VALUE}).")
  String level;

  @Option(names = "--image-size", defaultValue = "128", paramLabel = "PX",
      description = "128 (core50_128x128) or 32 (core50_32x32) (default: ${DEFAULT-VALUE}).")
  int imageSize;

  @Option(names = "--checkpoints", defaultValue = "false",
      description = "Also write each point's per-batch and final .npz checkpoints.")
  boolean checkpoints;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: what spark-submit set, else local[*]).")
  String master;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
      description = "Spark tasks for the points; 0 = one task per point"
          + " (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() throws Exception {
    SweepOptions opts = toOptions();
    List<?> rows = new SweepJob(opts, HadoopFiles.defaultConf()).execute();
    System.out.println("sweep: " + rows.size() + " points in " + opts.out() + "/summary.csv");
    return 0;
  }

  SweepOptions toOptions() {
    return new SweepOptions(
        data,
        store,
        out,
        SweepGrid.scenarios(scenarios),
        SweepGrid.runs(runs),
        SweepGrid.shrinkages(shrinkage),
        SweepGrid.booleans("--plastic-cov", plasticCov),
        SweepGrid.booleans("--mask-unseen", maskUnseen),
        LabelLevel.parse(level),
        imageSize,
        checkpoints,
        master,
        partitions);
  }
}
