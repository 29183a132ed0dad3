package org.deepslda.features;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The seed's torchvision transform, {@code Compose([Resize((S, S)), ToTensor(), Normalize(mean,
 * std)])} applied to {@code Image.open(path).convert("RGB")}: decode to 8-bit RGB ({@link
 * ImageDecoder}), resize to {@code S x S} with PIL's bilinear filter ({@link PilBilinear},
 * antialias when downscaling), scale to [0, 1] by {@code / 255}, subtract the channel mean and
 * divide by the channel std, all in float32 as torch does. The result is a CHW float array of
 * {@code 3 * S * S} values: channel {@code c}, row {@code y}, column {@code x} at {@code (c * S +
 * y) * S + x}.
 *
 * <p>No augmentation: the output is a pure function of the image bytes. Immutable, serializable (it
 * travels to the executors) and thread-safe.
 */
public final class ImagePreprocessor implements Serializable {
  private static final long serialVersionUID = 1L;

  /** ImageNet channel means (R, G, B) of the [0, 1] scaled pixels. */
  public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};

  /** ImageNet channel standard deviations (R, G, B). */
  public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

  /** The name of the resize method, as recorded in a store's {@code _backbone.json}. */
  public static final String RESIZE = "pil-bilinear-antialias";

  private final int size;
  private final float[] mean;
  private final float[] std;
  private transient volatile float[][] lut;

  /**
   * @param size the square side S the images are resized to (224 for ResNet-18 as the seed uses it)
   * @param mean the three channel means (R, G, B) of the [0, 1] scaled pixels
   * @param std the three channel standard deviations, all positive
   */
  public ImagePreprocessor(int size, float[] mean, float[] std) {
    if (size < 1 || mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException(
          "need size >= 1 and 3 means and stds, got "
              + size
              + ", "
              + Arrays.toString(mean)
              + ", "
              + Arrays.toString(std));
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("std must be positive: " + Arrays.toString(std));
      }
    }
    this.size = size;
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /** The seed's transform: 224 x 224, ImageNet mean and std. */
  public static ImagePreprocessor imagenet224() {
    return new ImagePreprocessor(224, IMAGENET_MEAN, IMAGENET_STD);
  }

  public int size() {
    return size;
  }

  /** Values per image: {@code 3 * size * size}. */
  public int valuesPerImage() {
    return 3 * size * size;
  }

  /**
   * Decodes and transforms one image.
   *
   * @param source the image's path or URI, named in errors
   * @throws org.deepslda.common.BadInputException if the bytes are not a complete image
   */
  public float[] preprocess(byte[] bytes, String source) {
    return toTensor(ImageDecoder.decode(bytes, source));
  }

  /** Resizes, scales and normalises an already decoded image. */
  public float[] toTensor(RgbImage image) {
    RgbImage resized = PilBilinear.resize(image, size, size);
    float[][] lut = lookupTable();
    byte[] rgb = resized.rgb();
    float[] chw = new float[valuesPerImage()];
    int plane = size * size;
    for (int i = 0; i < plane; i++) {
      chw[i] = lut[0][rgb[i * 3] & 0xff];
      chw[plane + i] = lut[1][rgb[i * 3 + 1] & 0xff];
      chw[2 * plane + i] = lut[2][rgb[i * 3 + 2] & 0xff];
    }
    return chw;
  }

  /**
   * The normalised value of every 8-bit sample per channel: the transform's output depends only on
   * the resized 8-bit sample, so a table gives exactly the same floats as computing each.
   */
  private float[][] lookupTable() {
    float[][] t = lut;
    if (t == null) {
      t = new float[3][256];
      for (int c = 0; c < 3; c++) {
        for (int v = 0; v < 256; v++) {
          t[c][v] = normalised(v, c);
        }
      }
      lut = t;
    }
    return t;
  }

  /** The normalised value of an 8-bit sample {@code v} of channel {@code c}, as torch gives it. */
  public float normalised(int v, int c) {
    return (v / 255f - mean[c]) / std[c];
  }

  public float[] mean() {
    return mean.clone();
  }

  public float[] std() {
    return std.clone();
  }
}
