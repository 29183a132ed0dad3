package org.deepslda.features;

import java.io.Serializable;
import java.util.Locale;
import org.deepslda.common.BadInputException;

/**
 * Which network turns images into features, as the {@code --backbone} flag names it:
 *
 * <ul>
 *   <li>{@code random-resnet18[:SEED]}: a ResNet-18 with seeded random weights ({@link
 *       ResNet18Weights}), built in Java; needs no network and no file. SEED defaults to 0.
 *   <li>a TorchScript file ending in {@code .pt}, as a local path or any Hadoop FS URI ({@code
 *       hdfs://}, {@code s3a://}, {@code file:}). The module must map {@code [N, 3, 224, 224]}
 *       normalised images to {@code [N, d]} features or to {@code [N, d, h, w]} maps (which are
 *       average-pooled), e.g. torchvision's {@code resnet18} with {@code fc = Identity()}, traced.
 *   <li>a DJL model-zoo URL {@code djl://GROUP/ARTIFACT[...]} with the same contract; DJL downloads
 *       it, so this needs network access and DJL's offline mode turned off.
 * </ul>
 *
 * @param kind which of the three forms
 * @param location the file path or URI for {@link Kind#TORCHSCRIPT}, the URL for {@link
 *     Kind#MODEL_ZOO}, empty for {@link Kind#RANDOM_RESNET18}
 * @param seed the weight seed for {@link Kind#RANDOM_RESNET18}, else 0
 */
public record BackboneSpec(Kind kind, String location, long seed) implements Serializable {
  /** The forms a backbone spec takes. */
  public enum Kind {
    RANDOM_RESNET18,
    TORCHSCRIPT,
    MODEL_ZOO
  }

  static final String RANDOM_PREFIX = "random-resnet18";

  static final String ACCEPTED =
      "random-resnet18[:SEED] (offline, seeded random weights), a TorchScript file ending in .pt"
          + " (local path or Hadoop FS URI such as hdfs://nn/models/r18.pt), or a DJL model-zoo"
          + " URL djl://GROUP/ARTIFACT";

  public BackboneSpec {
    if (kind == null || location == null) {
      throw new IllegalArgumentException("kind and location are required");
    }
  }

  /**
   * Parses a {@code --backbone} value.
   *
   * @throws BadInputException naming {@code --backbone}, the value and the accepted forms
   */
  public static BackboneSpec parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    if (s.equals(RANDOM_PREFIX)) {
      return new BackboneSpec(Kind.RANDOM_RESNET18, "", 0);
    }
    if (s.startsWith(RANDOM_PREFIX + ":")) {
      return new BackboneSpec(Kind.RANDOM_RESNET18, "", parseSeed(spec, s));
    }
    if (s.startsWith("djl://") && s.length() > "djl://".length()) {
      return new BackboneSpec(Kind.MODEL_ZOO, s, 0);
    }
    if (s.toLowerCase(Locale.ROOT).endsWith(".pt") && s.length() > 3 && !s.endsWith("/.pt")) {
      return new BackboneSpec(Kind.TORCHSCRIPT, s, 0);
    }
    throw bad(spec, "expected " + ACCEPTED);
  }

  private static long parseSeed(String spec, String s) {
    String digits = s.substring(RANDOM_PREFIX.length() + 1);
    try {
      long seed = Long.parseLong(digits);
      if (seed < 0) {
        throw bad(spec, "the seed must be a non-negative integer, found " + digits);
      }
      return seed;
    } catch (NumberFormatException e) {
      throw bad(spec, "the seed must be a non-negative integer, found '" + digits + "'");
    }
  }

  private static BadInputException bad(String spec, String why) {
    return new BadInputException("--backbone '" + spec + "': " + why);
  }

  /** Random weights: the Java-built network. */
  public static BackboneSpec randomResNet18(long seed) {
    return new BackboneSpec(Kind.RANDOM_RESNET18, "", seed);
  }

  /** Whether the weights are the seeded random ones (offline; not ImageNet-pretrained). */
  public boolean isRandom() {
    return kind == Kind.RANDOM_RESNET18;
  }

  /** The spec in the form {@link #parse} reads. */
  @Override
  public String toString() {
    return kind == Kind.RANDOM_RESNET18 ? RANDOM_PREFIX + ":" + seed : location;
  }
}
