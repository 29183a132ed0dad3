package org.deepslda.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.SynthOptions;
import org.deepslda.data.SyntheticCore50;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slda synth}: writes a synthetic data set in the CORe50 layout. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write a synthetic data set in exactly the CORe50 layout (images, filelists of every"
          + " scenario the object count allows, runs, object and category level).",
      "Shape = category, colour and texture = object, background, light and position ="
          + " session. Deterministic from --seed."
    })
final class SynthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "ROOT",
      description = "Dataset root to write (local path or Hadoop FS URI).")
  String out;

  @Option(
      names = "--seed",
      defaultValue = "0",
      paramLabel = "N",
      description = "Seed of everything drawn; run r uses seed + r. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--categories",
      defaultValue = "10",
      paramLabel = "N",
      description = "Categories (shapes), 1-10. Default: ${DEFAULT-VALUE}.")
  int categories;

  @Option(
      names = "--objects-per-category",
      defaultValue = "5",
      paramLabel = "N",
      description = "Objects per category, 1-5. Default: ${DEFAULT-VALUE}.")
  int objectsPerCategory;

  @Option(
      names = "--frames",
      defaultValue = "3",
      paramLabel = "N",
      description = "Frames per (object, session) video, 1-300. Default: ${DEFAULT-VALUE}.")
  int frames;

  @Option(
      names = "--image-size",
      defaultValue = "128",
      split = ",",
      paramLabel = "PX",
      description =
          "Image folders to write: 128 and/or 32, comma separated." + " Default: ${DEFAULT-VALUE}.")
  List<Integer> imageSizes;

  @Option(
      names = "--runs",
      defaultValue = "10",
      paramLabel = "N",
      description = "Runs of filelists to write (run0 ..), 1-10. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(
      names = "--overwrite",
      defaultValue = "false",
      description =
          "Write into a non-empty ROOT, replacing only files synth writes."
              + " Default: ${DEFAULT-VALUE}.")
  boolean overwrite;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file of option defaults (keys: long option names).")
  String config;

  @Override
  public Integer call() {
    SynthOptions opts =
        SynthOptions.builder(out)
            .seed(seed)
            .categories(categories)
            .objectsPerCategory(objectsPerCategory)
            .frames(frames)
            .imageSizes(imageSizes)
            .runs(runs)
            .overwrite(overwrite)
            .build();
    SyntheticCore50.write(opts, HadoopFiles.defaultConf());
    spec.commandLine()
        .getOut()
        .println(
            "synth: wrote "
                + opts.objects()
                + " objects x 11 sessions x "
                + frames
                + " frames to "
                + out
                + " (see README.txt there)");
    return 0;
  }
}
