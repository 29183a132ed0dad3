package org.deepslda.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.deepslda.common.HadoopFiles;
import org.deepslda.common.Sparks;
import org.deepslda.data.ImageRecord;
import org.deepslda.features.BackboneSpec;
import org.deepslda.features.BadImage;
import org.deepslda.features.ExtractOptions;
import org.deepslda.features.ExtractReport;
import org.deepslda.features.FeatureStore;
import org.deepslda.features.ImageFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slda extract}: fills a feature store with the features of a dataset's images. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Computes the backbone features of images on the Spark executors into a Parquet feature"
          + " store, incrementally: images already in the store are not computed again.",
      "Images: those of --filelist, else every image under ROOT/core50_<size>x<size>."
    })
final class ExtractCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "ROOT",
      description = "Dataset root (local path or Hadoop FS URI) holding core50_128x128/.")
  String data;

  @Option(
      names = "--backbone",
      required = true,
      paramLabel = "SPEC",
      description =
          "random-resnet18[:SEED] (offline, seeded random weights), a TorchScript .pt"
              + " file (path or Hadoop FS URI), or a DJL model-zoo URL djl://...")
  String backbone;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "PATH",
      description = "Feature store folder (local path or Hadoop FS URI); created if missing.")
  String store;

  @Option(
      names = "--filelist",
      paramLabel = "FILE",
      description =
          "Only the images of this filelist ('<relpath> <label>' lines); a relative"
              + " FILE is also looked up under ROOT.")
  String filelist;

  @Option(
      names = "--image-size",
      paramLabel = "PX",
      defaultValue = "128",
      description =
          "Which image folder: 128 (core50_128x128) or 32 (core50_32x32). Default:"
              + " ${DEFAULT-VALUE}.")
  int imageSize;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "32",
      description = "Images per forward pass on an executor. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Spark tasks to split the images into; 0 = Spark's default parallelism, with"
              + " at most 4096 images per task."
              + " Never changes the features. Default: ${DEFAULT-VALUE}.")
  int partitions;

  @Option(
      names = "--skip-bad-images",
      description = "Leave out (and list) images that cannot be read instead of failing.")
  boolean skipBadImages;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master; default: the one spark-submit set, else local[*].")
  String master;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file of option defaults (keys: option names without dashes).")
  String config;

  @Override
  public Integer call() {
    BackboneSpec spec = BackboneSpec.parse(backbone);
    String folder = HadoopFiles.join(data, CoreFolders.imageFolder(imageSize));
    ExtractOptions opts = new ExtractOptions(batchSize, partitions, skipBadImages);
    SparkSession spark = Sparks.getOrCreate(master, "slda extract");
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> paths =
        filelist == null
            ? ImageFolders.list(folder, conf)
            : SimpleFilelist.read(SimpleFilelist.resolve(filelist, data, conf), conf).stream()
                .map(ImageRecord::path)
                .toList();
    ExtractReport r = FeatureStore.open(spark, store).ensure(spark, folder, paths, spec, opts);
    System.out.println("slda extract: " + r.summary());
    for (BadImage b : r.badImages()) {
      System.out.println("  skipped " + b.reason());
    }
    return 0;
  }
}
