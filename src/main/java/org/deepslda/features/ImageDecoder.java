package org.deepslda.features;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.deepslda.common.BadInputException;

/**
 * Decodes image bytes (PNG, JPEG, BMP, GIF: whatever {@link ImageIO} reads) to 8-bit RGB, as PIL's
 * {@code Image.convert("RGB")} does for the usual cases: grayscale is copied to the three channels,
 * palette images are expanded, alpha is dropped (not composited), 1/2/4-bit samples are stretched
 * to 0-255. The raw samples are used, never a colour-managed conversion (Java's {@code getRGB}
 * would pass grayscale through a gamma curve; PIL does not) and channels are always in R, G, B
 * order whatever the decoder's memory layout.
 *
 * <p>16-bit samples keep their high byte ({@code v >> 8}); this is what PIL does for 16-bit RGB
 * PNGs. For 16-bit grayscale PIL clips values above 255 (a nearly white image); we keep the high
 * byte there too, so a 16-bit image gives the same features as its 8-bit version.
 *
 * <p>A file that is empty, is not an image, or that the decoder reports as damaged or truncated
 * (even if it could return a partial picture) is a {@link BadInputException} naming the source.
 * Stateless and thread-safe.
 */
public final class ImageDecoder {
  private ImageDecoder() {}

  /**
   * Decodes {@code bytes} to RGB.
   *
   * @param source the image's path or URI, for error messages
   * @throws BadInputException if the bytes are not a complete, readable image
   */
  public static RgbImage decode(byte[] bytes, String source) {
    if (bytes.length == 0) {
      throw new BadInputException(source + ": not an image (the file is empty, 0 bytes)");
    }
    BufferedImage img = read(bytes, source);
    return toRgb(img, source);
  }

  private static BufferedImage read(byte[] bytes, String source) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new BadInputException(
            source
                + ": not an image (no PNG/JPEG/BMP/GIF signature in its "
                + bytes.length
                + " bytes)");
      }
      ImageReader reader = readers.next();
      List<String> warnings = new ArrayList<>();
      reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
      try {
        reader.setInput(in, true, true);
        BufferedImage img = reader.read(0);
        if (!warnings.isEmpty()) {
          throw new BadInputException(
              source + ": damaged or truncated image (decoder warning: " + warnings.get(0) + ")");
        }
        return img;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadInputException) {
        throw (BadInputException) e;
      }
      throw new BadInputException(
          source + ": damaged, truncated or unsupported image (" + e.getMessage() + ")", e);
    }
  }

  private static RgbImage toRgb(BufferedImage img, String source) {
    int w = img.getWidth();
    int h = img.getHeight();
    Raster raster = img.getRaster();
    ColorModel cm = img.getColorModel();
    byte[] rgb = new byte[w * h * 3];
    if (cm instanceof IndexColorModel) {
      expandPalette((IndexColorModel) cm, raster, rgb);
      return new RgbImage(w, h, rgb);
    }
    int colours = cm.getNumColorComponents();
    if (colours != 1 && colours != 3) {
      throw new BadInputException(
          source
              + ": unsupported colour model with "
              + colours
              + " colour components (expected grayscale or RGB)");
    }
    int bits = cm.getComponentSize(0);
    int[] row = new int[w];
    for (int c = 0; c < 3; c++) {
      int band = colours == 1 ? 0 : c;
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, band, row);
        for (int x = 0; x < w; x++) {
          rgb[(y * w + x) * 3 + c] = (byte) to8Bit(row[x], bits);
        }
      }
    }
    return new RgbImage(w, h, rgb);
  }

  private static void expandPalette(IndexColorModel cm, Raster raster, byte[] rgb) {
    int w = raster.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < raster.getHeight(); y++) {
      raster.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        rgb[i] = (byte) cm.getRed(row[x]);
        rgb[i + 1] = (byte) cm.getGreen(row[x]);
        rgb[i + 2] = (byte) cm.getBlue(row[x]);
      }
    }
  }

  /** An 8-bit value for a sample of {@code bits} bits: high byte of 16, stretched below 8. */
  static int to8Bit(int sample, int bits) {
    if (bits == 8) {
      return sample;
    }
    if (bits > 8) {
      return sample >>> (bits - 8);
    }
    return sample * 255 / ((1 << bits) - 1);
  }
}
