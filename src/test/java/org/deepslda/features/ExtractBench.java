package org.deepslda.features;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Helpers for {@code bench/extract.sh}: {@code images ROOT N} writes N CORe50-shaped 128 x 128
 * PNGs; {@code forward SPEC BATCHES BATCH} times the forward pass alone (preprocessed input already
 * in memory, one warm-up batch) and prints images per second.
 */
public final class ExtractBench {
  private ExtractBench() {}

  public static void main(String[] args) {
    switch (args[0]) {
      case "images" -> {
        int n = Integer.parseInt(args[2]);
        Core50Fixture.write(Path.of(args[1]), n);
        System.out.println("wrote " + n + " images under " + args[1]);
      }
      case "forward" -> forward(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "compare" -> {
        for (int round = 0; round < Integer.parseInt(args[3]); round++) {
          forward(args[1], Integer.parseInt(args[4]), 32);
          forward(args[2], Integer.parseInt(args[4]), 32);
        }
      }
      case "endtoend" -> endToEnd(args[1], args[2], Integer.parseInt(args[3]), args[4]);
      default -> throw new IllegalArgumentException("usage: images ROOT N | forward SPEC B N");
    }
  }

  private static double forward(String spec, int batches, int batch) {
    BackboneLoader loader =
        BackboneLoader.describe(BackboneSpec.parse(spec), new Configuration(), "bench");
    try (FeatureExtractor fx = FeatureExtractor.open(loader, Device.cpu())) {
      ImagePreprocessor pre = fx.preprocessor();
      float[] input = new float[batch * pre.valuesPerImage()];
      for (int i = 0; i < batch; i++) {
        float[] t = pre.toTensor(rgb(TestImages.noise(128, 128, i)));
        System.arraycopy(t, 0, input, i * t.length, t.length);
      }
      fx.extract(input, batch);
      long start = System.nanoTime();
      long cpu = cpuNanos();
      for (int b = 0; b < batches; b++) {
        fx.extract(input, batch);
      }
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "forward %s: %d images in %.2f s = %.1f img/s, %.1f ms CPU per image%n",
          spec,
          batches * batch,
          s,
          batches * batch / s,
          (cpuNanos() - cpu) / 1e6 / (batches * batch));
      return batches * batch / s;
    }
  }

  /**
   * Alternates, for {@code rounds} rounds, the forward pass alone over N images and {@code
   * FeatureStore.ensure} of the N images of {@code root} into a fresh store, in one JVM, so that
   * both see the same machine load; prints each and their ratio.
   */
  private static void endToEnd(String spec, String root, int rounds, String master) {
    org.apache.spark.sql.SparkSession spark =
        org.deepslda.common.Sparks.getOrCreate(master, "bench");
    java.util.List<String> paths =
        ImageFolders.list(Path.of(root, Core50Fixture.FOLDER).toString(), new Configuration());
    for (int r = 0; r < rounds; r++) {
      double fwd = forward(spec, paths.size() / 32, 32);
      FeatureStore store = FeatureStore.open(spark, root + "/store-" + System.nanoTime());
      long cpu = cpuNanos();
      ExtractReport rep =
          store.ensure(
              spark,
              Path.of(root, Core50Fixture.FOLDER).toString(),
              paths,
              BackboneSpec.parse(spec),
              ExtractOptions.defaults());
      System.out.printf(
          Locale.ROOT,
          "ensure %s on %s: %s, %.1f ms CPU per image -> %.0f%% of the forward pass%n",
          spec,
          master,
          rep.summary(),
          (cpuNanos() - cpu) / 1e6 / paths.size(),
          100 * rep.imagesPerSecond() / fwd);
    }
  }

  /** CPU time of the whole JVM (all threads: Spark tasks, libtorch's pool, the driver). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static RgbImage rgb(java.awt.image.BufferedImage img) {
    return ImageDecoder.decode(TestImages.png(img), "bench");
  }
}
