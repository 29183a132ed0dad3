package org.deepslda.cli;

import java.awt.image.BufferedImage;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.Core50Source;
import org.deepslda.data.Core50Streams;
import org.deepslda.data.ImageStream;
import org.deepslda.data.LabelLevel;
import org.deepslda.data.SamplePreview;
import org.deepslda.data.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slda preview}: a PNG grid of sample images of one training batch, with labels. */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write a PNG grid of images of one training batch of a CORe50 scenario, each with its"
          + " label (and session/object) written under it; images are taken evenly across the"
          + " batch in stream order."
    })
final class PreviewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "ROOT",
      description = "CORe50 dataset root (local path or Hadoop FS URI).")
  String data;

  @Option(
      names = "--scenario",
      defaultValue = "nc",
      paramLabel = "NAME",
      description = "ni, nc, nic, nicv2_79, nicv2_196 or nicv2_391. Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(
      names = "--run",
      defaultValue = "0",
      paramLabel = "R",
      description = "Run 0-9. Default: ${DEFAULT-VALUE}.")
  int run;

  @Option(
      names = "--batch",
      defaultValue = "0",
      paramLabel = "B",
      description = "Training batch, 0-based. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(
      names = "--level",
      defaultValue = "object",
      paramLabel = "LEVEL",
      description = "Label level: object or category. Default: ${DEFAULT-VALUE}.")
  String level;

  @Option(
      names = "--image-size",
      defaultValue = "128",
      paramLabel = "PX",
      description = "Image folder to read: 128 or 32. Default: ${DEFAULT-VALUE}.")
  int imageSize;

  @Option(
      names = "--count",
      defaultValue = "16",
      paramLabel = "N",
      description = "Images to show. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(
      names = "--tile",
      defaultValue = "128",
      paramLabel = "PX",
      description = "Side of each image's tile in the grid. Default: ${DEFAULT-VALUE}.")
  int tile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.png",
      description = "PNG file to write (local path or Hadoop FS URI).")
  String out;

  @Option(
      names = "--overwrite",
      defaultValue = "false",
      description = "Replace FILE.png if it exists. Default: ${DEFAULT-VALUE}.")
  boolean overwrite;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file of option defaults (keys: long option names).")
  String config;

  @Override
  public Integer call() {
    Configuration conf = HadoopFiles.defaultConf();
    SamplePreview.checkWritable(out, overwrite, conf);
    Core50Source src = new Core50Source(data, imageSize);
    ImageStream stream =
        Core50Streams.load(src, Scenario.parse(scenario), run, LabelLevel.parse(level), conf);
    BufferedImage sheet = SamplePreview.render(stream, batch, count, tile, conf);
    SamplePreview.write(sheet, out, overwrite, conf);
    spec.commandLine()
        .getOut()
        .println(
            "preview: "
                + sheet.getWidth()
                + "x"
                + sheet.getHeight()
                + " grid of batch "
                + batch
                + " of "
                + stream.name()
                + " written to "
                + out);
    return 0;
  }
}
