package org.deepslda.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.deepslda.common.BadInputException;
import org.deepslda.common.Json;

/**
 * What produced a feature store's vectors, kept beside them as {@code _backbone.json}: two stores
 * (or a store and a backbone) are interchangeable only if every field but {@code formatVersion} is
 * equal. The weight checksum is what makes the comparison safe: the identity alone does not change
 * when a file is overwritten with other weights.
 *
 * @param identity a stable name: {@code random-resnet18:SEED/gen1}, {@code torchscript:FILE.pt}
 *     (file name only, so a moved file still matches), or the {@code djl://} URL
 * @param weightsSha256 hex SHA-256 of the weights (the TorchScript file's bytes; the generated
 *     tensors for the random backbone)
 * @param dim feature length d (512 for ResNet-18)
 * @param inputSize the side S of the square network input, in pixels (224)
 * @param resize the resize method ({@link ImagePreprocessor#RESIZE})
 * @param mean the channel means of the normalisation (R, G, B)
 * @param std the channel standard deviations of the normalisation
 * @param imageFolder the image folder's name under the dataset root ({@code core50_128x128}); the
 *     store's paths are relative to it
 * @param formatVersion the store layout version, {@link #FORMAT_VERSION}
 */
public record BackboneDescriptor(
    String identity,
    String weightsSha256,
    int dim,
    int inputSize,
    String resize,
    float[] mean,
    float[] std,
    String imageFolder,
    int formatVersion)
    implements Serializable {
  /** The store layout this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** A copy naming another image folder. */
  public BackboneDescriptor withImageFolder(String folder) {
    return new BackboneDescriptor(
        identity, weightsSha256, dim, inputSize, resize, mean, std, folder, formatVersion);
  }

  /** The preprocessing these features were computed with. */
  public ImagePreprocessor preprocessor() {
    return new ImagePreprocessor(inputSize, mean, std);
  }

  /**
   * Refuses to mix features: {@code requested} must describe the same backbone, preprocessing and
   * image folder as this (the store's) descriptor.
   *
   * @param store the store's URI, named in the error
   * @throws BadInputException naming both backbones, if any field differs
   */
  public void requireSame(BackboneDescriptor requested, String store) {
    if (sameExceptVersion(requested)) {
      return;
    }
    throw new BadInputException(
        "feature store "
            + store
            + " holds features of backbone "
            + summary()
            + ", but backbone "
            + requested.summary()
            + " was requested; a store is never used with another backbone: use another --store,"
            + " or the backbone the store was built with");
  }

  private boolean sameExceptVersion(BackboneDescriptor o) {
    return identity.equals(o.identity)
        && weightsSha256.equals(o.weightsSha256)
        && dim == o.dim
        && inputSize == o.inputSize
        && resize.equals(o.resize)
        && Arrays.equals(mean, o.mean)
        && Arrays.equals(std, o.std)
        && Objects.equals(imageFolder, o.imageFolder);
  }

  /** {@code identity (sha256 12 chars..., d=512, 224 px, folder)}: enough to tell two apart. */
  public String summary() {
    return identity
        + " (sha256 "
        + weightsSha256.substring(0, Math.min(12, weightsSha256.length()))
        + "..., d="
        + dim
        + ", "
        + inputSize
        + " px, "
        + resize
        + ", mean "
        + Arrays.toString(mean)
        + ", std "
        + Arrays.toString(std)
        + ", images "
        + imageFolder
        + ")";
  }

  public String toJson() {
    return Json.write(this);
  }

  /**
   * Reads a {@code _backbone.json}.
   *
   * @param source the file's URI, named in errors
   * @throws BadInputException if the JSON is malformed, incomplete or of a newer format
   */
  public static BackboneDescriptor fromJson(String json, String source) {
    BackboneDescriptor d;
    try {
      d =
          Json.mapper()
              .readerFor(BackboneDescriptor.class)
              .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
              .readValue(json);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          source + ": not a valid backbone descriptor (" + e.getOriginalMessage() + ")", e);
    }
    if (d.identity == null
        || d.weightsSha256 == null
        || d.resize == null
        || d.mean == null
        || d.std == null
        || d.mean.length != 3
        || d.std.length != 3
        || d.dim < 1) {
      throw new BadInputException(source + ": incomplete backbone descriptor: " + json.strip());
    }
    if (d.formatVersion > FORMAT_VERSION) {
      throw new BadInputException(
          source
              + ": store format version "
              + d.formatVersion
              + " is newer than this program's ("
              + FORMAT_VERSION
              + "); use a newer slda");
    }
    return d;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackboneDescriptor d
        && sameExceptVersion(d)
        && formatVersion == d.formatVersion;
  }

  @Override
  public int hashCode() {
    return Objects.hash(identity, weightsSha256, dim, imageFolder);
  }

  @Override
  public String toString() {
    return "BackboneDescriptor[" + summary() + ", format " + formatVersion + "]";
  }
}
