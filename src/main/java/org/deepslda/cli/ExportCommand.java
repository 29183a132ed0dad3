package org.deepslda.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.deepslda.common.NpyArray;
import org.deepslda.common.Sparks;
import org.deepslda.data.ImageRecord;
import org.deepslda.features.BackboneDescriptor;
import org.deepslda.features.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slda export}: a filelist's features and labels as numpy arrays. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes the stored features of a filelist's images as PREFIX_features.npy (N x d float32,"
          + " in filelist order) and their labels as PREFIX_labels.npy (N int64), atomically.",
      "Every image of the filelist must be in the store (fill it with slda extract)."
    })
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, paramLabel = "PATH", description = "Feature store.")
  String store;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "ROOT",
      description = "Dataset root; a relative --filelist is also looked up under it.")
  String data;

  @Option(
      names = "--filelist",
      required = true,
      paramLabel = "FILE",
      description = "'<relpath> <label>' lines; their order is the output's row order.")
  String filelist;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "PREFIX",
      description = "Output prefix (local path or Hadoop FS URI).")
  String out;

  @Option(
      names = "--image-size",
      paramLabel = "PX",
      defaultValue = "128",
      description =
          "The image folder the store must have been built from: 128 or 32. Default:"
              + " ${DEFAULT-VALUE}.")
  int imageSize;

  @Option(names = "--overwrite", description = "Replace existing output files.")
  boolean overwrite;

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
    String folder = CoreFolders.imageFolder(imageSize);
    String featuresUri = out + "_features.npy";
    String labelsUri = out + "_labels.npy";
    SparkSession spark = Sparks.getOrCreate(master, "slda export");
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    refuseOverwrite(conf, featuresUri, labelsUri);
    List<ImageRecord> records =
        SimpleFilelist.read(SimpleFilelist.resolve(filelist, data, conf), conf);
    FeatureStore fs = FeatureStore.open(spark, store);
    requireFolder(fs.descriptor(), folder);
    float[] features = fs.collectOrdered(spark, records);
    long[] labels = records.stream().mapToLong(ImageRecord::label).toArray();
    HadoopFiles.writeAtomically(
        featuresUri, conf, NpyArray.ofFloats(features, records.size(), fs.dim()).toBytes());
    HadoopFiles.writeAtomically(labelsUri, conf, NpyArray.ofLongs(labels, labels.length).toBytes());
    System.out.printf(
        "slda export: %d x %d features to %s, labels to %s%n",
        records.size(), fs.dim(), featuresUri, labelsUri);
    return 0;
  }

  private void refuseOverwrite(Configuration conf, String... uris) {
    for (String uri : uris) {
      if (!overwrite && HadoopFiles.exists(uri, conf)) {
        throw new BadInputException(uri + " exists; pass --overwrite to replace it");
      }
    }
  }

  private void requireFolder(BackboneDescriptor d, String folder) {
    if (d != null && !folder.equals(d.imageFolder())) {
      throw new BadInputException(
          "--store "
              + store
              + " holds features of "
              + d.imageFolder()
              + " images, not "
              + folder
              + "; pass the matching --image-size");
    }
  }
}
