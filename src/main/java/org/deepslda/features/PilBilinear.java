package org.deepslda.features;

/**
 * Bilinear resizing of 8-bit RGB images with the arithmetic of PIL's {@code Image.resize(size,
 * BILINEAR)} (Pillow 7 and later, which torchvision's {@code Resize} calls for PIL images), so that
 * the result is bit-identical to PIL's:
 *
 * <ul>
 *   <li>pixel centres at half-integers: output pixel {@code i} samples the input at {@code (i +
 *       0.5) * scale}, with {@code scale = in / out};
 *   <li>a triangle filter of support 1, widened by {@code scale} when downscaling (antialias: every
 *       input pixel under the output pixel contributes), not widened when upscaling;
 *   <li>weights normalised to sum 1 per output pixel, then rounded to 22-bit fixed point;
 *   <li>two passes, horizontal then vertical, each rounding and clipping to 0-255.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class PilBilinear {
  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final double FILTER_SUPPORT = 1.0;

  private PilBilinear() {}

  /** The fixed-point weights of one axis: output {@code i} reads {@code count[i]} inputs. */
  record Coefficients(int[] first, int[] count, int[] weights, int taps) {}

  /** {@code image} resized to {@code width x height}; the same image if the size is unchanged. */
  public static RgbImage resize(RgbImage image, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("target size must be positive: " + width + "x" + height);
    }
    RgbImage out = image;
    if (width != image.width()) {
      out = horizontal(out, coefficients(image.width(), width));
    }
    if (height != image.height()) {
      out = vertical(out, coefficients(image.height(), height));
    }
    return out;
  }

  /** PIL's {@code precompute_coeffs} followed by {@code normalize_coeffs_8bpc}. */
  static Coefficients coefficients(int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = FILTER_SUPPORT * filterScale;
    int taps = (int) Math.ceil(support) * 2 + 1;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    int[] weights = new int[outSize * taps];
    double[] k = new double[taps];
    for (int i = 0; i < outSize; i++) {
      double centre = (i + 0.5) * scale;
      int min = Math.max((int) (centre - support + 0.5), 0);
      int max = Math.min((int) (centre + support + 0.5), inSize) - min;
      double sum = 0;
      for (int x = 0; x < max; x++) {
        k[x] = triangle((x + min - centre + 0.5) / filterScale);
        sum += k[x];
      }
      for (int x = 0; x < max; x++) {
        double w = sum != 0.0 ? k[x] / sum : k[x];
        weights[i * taps + x] = toFixed(w);
      }
      first[i] = min;
      count[i] = max;
    }
    return new Coefficients(first, count, weights, taps);
  }

  private static double triangle(double x) {
    double a = Math.abs(x);
    return a < 1.0 ? 1.0 - a : 0.0;
  }

  private static int toFixed(double w) {
    double scaled = w * (1 << PRECISION_BITS);
    return (int) (w < 0 ? scaled - 0.5 : scaled + 0.5);
  }

  private static int clip8(int accumulator) {
    int v = accumulator >> PRECISION_BITS;
    return v < 0 ? 0 : Math.min(v, 255);
  }

  private static RgbImage horizontal(RgbImage in, Coefficients co) {
    int outW = co.first().length;
    int inW = in.width();
    byte[] src = in.rgb();
    byte[] dst = new byte[outW * in.height() * 3];
    for (int y = 0; y < in.height(); y++) {
      int rowIn = y * inW * 3;
      int rowOut = y * outW * 3;
      for (int x = 0; x < outW; x++) {
        int base = x * co.taps();
        for (int c = 0; c < 3; c++) {
          int acc = 1 << (PRECISION_BITS - 1);
          for (int t = 0; t < co.count()[x]; t++) {
            acc += (src[rowIn + (co.first()[x] + t) * 3 + c] & 0xff) * co.weights()[base + t];
          }
          dst[rowOut + x * 3 + c] = (byte) clip8(acc);
        }
      }
    }
    return new RgbImage(outW, in.height(), dst);
  }

  private static RgbImage vertical(RgbImage in, Coefficients co) {
    int outH = co.first().length;
    int w = in.width();
    byte[] src = in.rgb();
    byte[] dst = new byte[w * outH * 3];
    for (int y = 0; y < outH; y++) {
      int base = y * co.taps();
      for (int i = 0; i < w * 3; i++) {
        int acc = 1 << (PRECISION_BITS - 1);
        for (int t = 0; t < co.count()[y]; t++) {
          acc += (src[(co.first()[y] + t) * w * 3 + i] & 0xff) * co.weights()[base + t];
        }
        dst[y * w * 3 + i] = (byte) clip8(acc);
      }
    }
    return new RgbImage(w, outH, dst);
  }
}
