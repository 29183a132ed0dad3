package org.deepslda.cli;

import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.LabelLevel;
import org.deepslda.data.Scenario;
import org.deepslda.data.SynthOptions;
import org.deepslda.data.SyntheticCore50;
import org.deepslda.pipeline.RunFolder;
import org.deepslda.pipeline.RunJob;
import org.deepslda.pipeline.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slda demo}: the main job on an embedded default. Writes a small synthetic dataset in
 * the CORe50 layout (unless it is already there), then runs CORe50 NC run 0 on it with the
 * offline backbone, and prints where the outputs are.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the main job on an embedded default: generates a small synthetic CORe50-layout"
          + " dataset in DIR/core50 (if absent), fills the feature store DIR/feature-store with"
          + " the offline seeded-random ResNet-18, and runs NC run 0 (9 batches) into"
          + " DIR/runs/nc-run0."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR",
      description = "Folder for the demo's dataset, store and results (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--objects-per-category", defaultValue = "2", paramLabel = "N",
      description = "Objects per category in the generated dataset, 1-5 "
          + "(default: ${DEFAULT-VALUE}; CORe50 has 5).")
  int objectsPerCategory;

  @Option(names = "--frames", defaultValue = "2", paramLabel = "N",
      description = "Frames per object and session in the generated dataset "
          + "(default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--backbone", defaultValue = "random-resnet18:0", paramLabel = "SPEC",
      description = "Backbone SPEC, as for 'slda run' (default: ${DEFAULT-VALUE}).")
  String backbone;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: what spark-submit set, else local[*]).")
  String master;

  @Option(names = "--overwrite", defaultValue = "false",
      description = "Run again even if DIR/runs/nc-run0 already holds a complete run.")
  boolean overwrite;

  @Override
  public Integer call() {
    Configuration conf = HadoopFiles.defaultConf();
    String data = HadoopFiles.join(out, "core50");
    if (!HadoopFiles.exists(HadoopFiles.join(data, "core50_128x128"), conf)) {
      System.out.println("demo: writing a synthetic CORe50-layout dataset to " + data);
      SyntheticCore50.write(
          SynthOptions.builder(data)
              .objectsPerCategory(objectsPerCategory)
              .frames(frames)
              .runs(1)
              .build(),
          conf);
    }
    String runDir = HadoopFiles.join(out, "runs/nc-run0");
    RunFolder folder = new RunFolder(runDir, conf);
    if (!overwrite && folder.isComplete()) {
      System.out.println("demo: " + runDir + " already holds a complete run (use --overwrite"
          + " to run it again)");
    } else {
      // the demo owns its run folder: an interrupted demo run is continued, not refused
      boolean resume = !overwrite && folder.hasRunFiles();
      new RunJob(options(data, runDir, resume), conf).execute();
    }
    System.out.println("demo: dataset       " + data);
    System.out.println("demo: feature store " + HadoopFiles.join(out, "feature-store"));
    System.out.println("demo: results       " + runDir
        + " (accuracies.json, incremental_performance.png, ...)");
    return 0;
  }

  private RunOptions options(String data, String runDir, boolean resume) {
    return new RunOptions(
        data, Scenario.NC, 0, LabelLevel.OBJECT, 128, backbone,
        HadoopFiles.join(out, "feature-store"), runDir,
        1e-4, true, false, resume, overwrite, master, 4, 32, false, false, -1);
  }
}
