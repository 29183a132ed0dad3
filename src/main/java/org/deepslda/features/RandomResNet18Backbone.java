package org.deepslda.features;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deepslda.common.EnvironmentException;

/** {@code random-resnet18:SEED}: {@link ResNet18Net} with {@link ResNet18Weights#random}. */
final class RandomResNet18Backbone implements Backbone {
  private static final Map<Long, String> SHA_BY_SEED = new ConcurrentHashMap<>();
  private static final Map<Long, SoftReference<ResNet18Weights>> WEIGHTS =
      new ConcurrentHashMap<>();

  private final NDManager manager;
  private final ResNet18Net net;

  private RandomResNet18Backbone(NDManager manager, ResNet18Net net) {
    this.manager = manager;
    this.net = net;
  }

  /** The identity recorded in the store: the seed and the generator version. */
  static String identity(long seed) {
    return BackboneSpec.RANDOM_PREFIX + ":" + seed + "/gen" + ResNet18Weights.GENERATOR_VERSION;
  }

  /** The weights' SHA-256; generated once per seed and JVM. */
  static String sha256(long seed) {
    return SHA_BY_SEED.computeIfAbsent(seed, s -> weights(s).sha256());
  }

  /**
   * The weights of {@code seed}, kept softly: with a local master the driver and the executor share
   * one JVM, and generating them takes about a second.
   */
  private static ResNet18Weights weights(long seed) {
    SoftReference<ResNet18Weights> ref = WEIGHTS.get(seed);
    ResNet18Weights w = ref == null ? null : ref.get();
    if (w == null) {
      w = ResNet18Weights.random(seed);
      WEIGHTS.put(seed, new SoftReference<>(w));
    }
    return w;
  }

  /**
   * Generates the weights and uploads them to {@code device}.
   *
   * @param expectedSha256 the checksum the driver recorded; a different one means this JVM
   *     generates other numbers, which must never mix into a store
   */
  static RandomResNet18Backbone load(long seed, Device device, String expectedSha256) {
    ResNet18Weights w = weights(seed);
    String sha = SHA_BY_SEED.computeIfAbsent(seed, s -> w.sha256());
    if (!sha.equals(expectedSha256)) {
      throw new EnvironmentException(
          "random-resnet18:"
              + seed
              + " generated weights with sha256 "
              + sha
              + " on this JVM but "
              + expectedSha256
              + " on the driver; the JVMs differ in a way that changes the numbers");
    }
    NDManager manager = NDManager.newBaseManager(device, "PyTorch");
    try {
      return new RandomResNet18Backbone(manager, ResNet18Net.create(w, manager));
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public NDArray forward(NDArray images) {
    return net.forward(images);
  }

  @Override
  public void close() {
    manager.close();
  }
}
