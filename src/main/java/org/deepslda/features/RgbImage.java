package org.deepslda.features;

/**
 * An 8-bit RGB image held as interleaved bytes, row-major: the sample of channel {@code c} (0 =
 * red, 1 = green, 2 = blue) at column {@code x}, row {@code y} is {@code rgb[(y * width + x) * 3 +
 * c] & 0xff}. The array is not copied: callers must not change it after construction.
 *
 * @param width columns, at least 1
 * @param height rows, at least 1
 * @param rgb {@code width * height * 3} bytes
 */
public record RgbImage(int width, int height, byte[] rgb) {
  public RgbImage {
    if (width < 1 || height < 1 || rgb.length != (long) width * height * 3) {
      throw new IllegalArgumentException(
          "RGB image "
              + width
              + "x"
              + height
              + " needs "
              + (long) width * height * 3
              + " bytes, got "
              + rgb.length);
    }
  }

  /** The 8-bit sample of channel {@code c} at ({@code x}, {@code y}), 0-255. */
  public int sample(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xff;
  }
}
