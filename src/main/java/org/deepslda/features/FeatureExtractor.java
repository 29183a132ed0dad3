package org.deepslda.features;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deepslda.common.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executor-side feature computation: a loaded backbone on one device, fed batches of preprocessed
 * images. One instance per backbone and device lives in each executor JVM ({@link #shared}), so the
 * model is loaded once however many tasks the executor runs; tasks on the same executor share it
 * concurrently. Each batch's native arrays live in a sub-manager closed right after the batch.
 *
 * <p>Forward passes on one extractor run one at a time: the engine already spreads one pass over
 * all cores (or fills the GPU), and two passes at once on a CPU oversubscribe its threads and run
 * slower than one after the other. Meanwhile the other tasks of the executor decode and resize
 * their next batch, so preprocessing overlaps inference.
 *
 * <p>Thread-safe. {@link #close()} frees the model; the shared instances are closed by {@link
 * #closeAll()} (called by a JVM shutdown hook).
 */
public final class FeatureExtractor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeatureExtractor.class);
  private static final Map<String, FeatureExtractor> SHARED = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(FeatureExtractor::closeAll, "close-backbones"));
  }

  private final BackboneDescriptor descriptor;
  private final Device device;
  private final Backbone backbone;
  private final NDManager manager;
  private volatile boolean closed;

  private FeatureExtractor(BackboneDescriptor descriptor, Device device, Backbone backbone) {
    this.descriptor = descriptor;
    this.device = device;
    this.backbone = backbone;
    this.manager = NDManager.newBaseManager(device, "PyTorch");
  }

  /** A private extractor on {@code device}; the caller closes it. */
  public static FeatureExtractor open(BackboneLoader loader, Device device) {
    return new FeatureExtractor(loader.descriptor(), device, loader.load(device));
  }

  /**
   * The executor's extractor for {@code loader}'s backbone on the device of the current task
   * ({@link DeviceChoice#forCurrentTask}), loaded on first use. Logs the device once per JVM.
   * Callers must not close it.
   */
  public static FeatureExtractor shared(BackboneLoader loader) {
    DeviceChoice choice = DeviceChoice.forCurrentTask();
    String key = loader.key() + "@" + choice.device();
    return SHARED.computeIfAbsent(
        key,
        k -> {
          logChoice(loader, choice);
          return open(loader, choice.device());
        });
  }

  private static void logChoice(BackboneLoader loader, DeviceChoice choice) {
    if (choice.degraded()) {
      LOG.warn(
          "feature extraction with {} on {}: {}",
          loader.descriptor().identity(),
          choice.device(),
          choice.note());
    } else {
      LOG.info(
          "feature extraction with {} on {}: {}",
          loader.descriptor().identity(),
          choice.device(),
          choice.note());
    }
  }

  /** Closes every shared extractor of this JVM. */
  public static void closeAll() {
    SHARED.values().forEach(FeatureExtractor::close);
    SHARED.clear();
  }

  public Device device() {
    return device;
  }

  /** Feature length d. */
  public int dim() {
    return descriptor.dim();
  }

  public ImagePreprocessor preprocessor() {
    return descriptor.preprocessor();
  }

  /**
   * Features of {@code n} preprocessed images.
   *
   * @param images {@code n * 3 * S * S} values, image after image, each as {@link
   *     ImagePreprocessor} makes it
   * @return {@code n * d} values, row-major: image {@code i}'s features at {@code [i * d, (i + 1) *
   *     d)}
   */
  public float[] extract(float[] images, int n) {
    int size = descriptor.inputSize();
    if (closed) {
      throw new IllegalStateException(
          "feature extractor for " + descriptor.identity() + " is closed");
    }
    if (n < 1 || images.length != (long) n * 3 * size * size) {
      throw new IllegalArgumentException(
          images.length + " values do not hold " + n + " images of 3 x " + size + " x " + size);
    }
    try (NDManager batch = manager.newSubManager()) {
      NDArray x = batch.create(images, new Shape(n, 3, size, size));
      float[] out;
      synchronized (backbone) {
        out = backbone.forward(x).toFloatArray();
      }
      if (out.length != (long) n * dim()) {
        throw new BadInputException(
            "backbone "
                + descriptor.identity()
                + " returned "
                + out.length / n
                + " values per image, but its descriptor says d = "
                + dim());
      }
      return out;
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      backbone.close();
      manager.close();
    }
  }
}
