package org.deepslda.features;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepslda.common.NpyArray;

/**
 * Seeded random weights for a torchvision-style ResNet-18, named as in torchvision's {@code
 * state_dict} ({@code conv1.weight}, {@code layer2.0.downsample.1.running_var}, ...; no {@code
 * fc}), so that the same numbers can be loaded into {@code torchvision.models.resnet18()} for
 * reference.
 *
 * <p>Convolution weights are Kaiming-normal with fan-out, as torchvision initialises them: {@code
 * N(0, 2 / (out_channels * k * k))}. Batch-norm layers have {@code gamma = 1}, {@code beta = 0},
 * {@code running_mean = 0} and a {@code running_var} chosen so that, for inputs of the assumed
 * second moment, every normalised channel has unit variance: {@code var_c = q * sum(w_c^2)} where
 * {@code q} is the input's second moment, propagated analytically (1 for the normalised image, 1/2
 * after a ReLU, {@code (1 + q_identity) / 2} after a residual add and ReLU). The activations thus
 * stay near unit scale through all 8 blocks, with no data involved.
 *
 * <p>The numbers are the same on every machine and JVM: a SplitMix64 generator and Box-Muller with
 * {@link StrictMath}, so the SHA-256 of the weights identifies the backbone across a cluster.
 * Immutable once built.
 */
public final class ResNet18Weights {
  /** Channels of the four stages. */
  static final int[] WIDTHS = {64, 128, 256, 512};

  /** Batch-norm epsilon, as torchvision's. */
  public static final double BN_EPS = 1e-5;

  /** Bumped whenever the generator changes; part of the backbone identity. */
  public static final int GENERATOR_VERSION = 1;

  private final Map<String, float[]> values = new LinkedHashMap<>();
  private final Map<String, long[]> shapes = new LinkedHashMap<>();

  private ResNet18Weights() {}

  /** The weights of {@code random-resnet18:seed}. Takes about a second: cache the result. */
  public static ResNet18Weights random(long seed) {
    ResNet18Weights w = new ResNet18Weights();
    Gaussian rng = new Gaussian(seed);
    w.convBn("conv1", "bn1", 3, 64, 7, 1.0, rng);
    double q = 0.5; // the ReLU halves the second moment; max-pooling is ignored
    int in = 64;
    for (int stage = 0; stage < 4; stage++) {
      for (int block = 0; block < 2; block++) {
        int out = WIDTHS[stage];
        String p = "layer" + (stage + 1) + "." + block + ".";
        w.convBn(p + "conv1", p + "bn1", in, out, 3, q, rng);
        w.convBn(p + "conv2", p + "bn2", out, out, 3, 0.5, rng);
        double identity = q;
        if (in != out) {
          identity = w.convBn(p + "downsample.0", p + "downsample.1", in, out, 1, q, rng);
        }
        q = (1.0 + identity) / 2.0;
        in = out;
      }
    }
    return w;
  }

  /** Adds a convolution and its batch norm; returns the second moment after the norm (1). */
  private double convBn(
      String conv, String bn, int in, int out, int k, double inputMoment, Gaussian rng) {
    int fanIn = in * k * k;
    double std = Math.sqrt(2.0 / (out * k * k));
    float[] weight = new float[out * fanIn];
    float[] var = new float[out];
    for (int o = 0; o < out; o++) {
      double squares = 0;
      for (int i = 0; i < fanIn; i++) {
        float v = (float) (rng.next() * std);
        weight[o * fanIn + i] = v;
        squares += (double) v * v;
      }
      var[o] = (float) (inputMoment * squares);
    }
    put(conv + ".weight", weight, out, in, k, k);
    put(bn + ".weight", filled(out, 1f), out);
    put(bn + ".bias", new float[out], out);
    put(bn + ".running_mean", new float[out], out);
    put(bn + ".running_var", var, out);
    return 1.0;
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  private void put(String name, float[] data, long... shape) {
    values.put(name, data);
    shapes.put(name, shape);
  }

  /** The tensor called {@code name} (not copied: do not modify). */
  public float[] get(String name) {
    float[] v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no weight called " + name);
    }
    return v;
  }

  public long[] shape(String name) {
    return shapes.get(name).clone();
  }

  /** Names in canonical (torchvision definition) order. */
  public Iterable<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /**
   * The weights as numpy arrays named like torchvision's {@code state_dict}, for {@code
   * Npz.toBytes}: {@code torchvision.models.resnet18().load_state_dict(..., strict=False)} takes
   * them (with {@code fc} left out), which is how the tests check this trunk against torchvision.
   */
  public Map<String, NpyArray> toNpyArrays() {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    values.forEach((name, v) -> arrays.put(name, NpyArray.ofFloats(v, shapes.get(name))));
    return arrays;
  }

  /** Hex SHA-256 over every tensor's name, shape and little-endian float32 bytes, in order. */
  public String sha256() {
    MessageDigest md = sha256Digest();
    for (Map.Entry<String, float[]> e : values.entrySet()) {
      md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      for (long s : shapes.get(e.getKey())) {
        md.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(s).array());
      }
      ByteBuffer b = ByteBuffer.allocate(e.getValue().length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(e.getValue());
      md.update(b.array());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }

  /** Standard normal numbers from SplitMix64 and Box-Muller; identical on every JVM. */
  static final class Gaussian {
    private long state;
    private double spare;
    private boolean hasSpare;

    Gaussian(long seed) {
      this.state = seed;
    }

    private long nextLong() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** Uniform in (0, 1]: never 0, so the logarithm is finite. */
    private double uniform() {
      return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    double next() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      double r = StrictMath.sqrt(-2.0 * StrictMath.log(uniform()));
      double theta = 2.0 * StrictMath.PI * uniform();
      spare = r * StrictMath.sin(theta);
      hasSpare = true;
      return r * StrictMath.cos(theta);
    }
  }
}
