package org.deepslda.features;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Small fixture images, generated with java.awt from a seed. */
final class TestImages {
  private TestImages() {}

  /** Smooth colour gradients plus seeded noise: a picture with structure at every scale. */
  static BufferedImage noise(int w, int h, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = clamp(255 * x / w + rnd.nextInt(-40, 41));
        int g = clamp(255 * y / h + rnd.nextInt(-40, 41));
        int b = clamp((int) (128 + 100 * Math.sin((x + y) / 7.0)) + rnd.nextInt(-20, 21));
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }

  static BufferedImage solid(int w, int h, int r, int g, int b) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }

  /** An 8-bit grayscale image whose samples are the red channel of {@code rgb}. */
  static BufferedImage gray8(BufferedImage rgb) {
    BufferedImage g =
        new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    forEach(rgb, (x, y) -> g.getRaster().setSample(x, y, 0, (rgb.getRGB(x, y) >> 16) & 0xff));
    return g;
  }

  /** The same picture as {@code rgb} with the same gray level on all three channels. */
  static BufferedImage grayAsRgb(BufferedImage rgb) {
    BufferedImage out =
        new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
    forEach(
        rgb,
        (x, y) -> {
          int v = (rgb.getRGB(x, y) >> 16) & 0xff;
          out.setRGB(x, y, (v << 16) | (v << 8) | v);
        });
    return out;
  }

  /** 16-bit grayscale: each 8-bit red sample v becomes v * 256 + (noise in the low byte). */
  static BufferedImage gray16(BufferedImage rgb) {
    BufferedImage g =
        new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
    forEach(
        rgb,
        (x, y) ->
            g.getRaster()
                .setSample(x, y, 0, ((rgb.getRGB(x, y) >> 16) & 0xff) * 256 + (x * 37 + y) % 256));
    return g;
  }

  /** 16-bit RGB with the 8-bit samples of {@code rgb} in the high bytes and junk below. */
  static BufferedImage rgb16(BufferedImage rgb) {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    WritableRaster raster = cm.createCompatibleWritableRaster(rgb.getWidth(), rgb.getHeight());
    forEach(
        rgb,
        (x, y) -> {
          int p = rgb.getRGB(x, y);
          for (int c = 0; c < 3; c++) {
            raster.setSample(x, y, c, ((p >> (16 - 8 * c)) & 0xff) * 256 + (x + 3 * y + c) % 256);
          }
        });
    return new BufferedImage(cm, raster, false, null);
  }

  /** {@code rgb} with a varying alpha channel, which decoding must drop. */
  static BufferedImage withAlpha(BufferedImage rgb) {
    BufferedImage out =
        new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_ARGB);
    forEach(
        rgb, (x, y) -> out.setRGB(x, y, (((x * 13) % 256) << 24) | (rgb.getRGB(x, y) & 0xffffff)));
    return out;
  }

  static byte[] png(BufferedImage img) {
    return encode(img, "png");
  }

  static byte[] encode(BufferedImage img, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code fraction} of a valid PNG: a truncated download. */
  static byte[] truncated(byte[] png, double fraction) {
    return Arrays.copyOf(png, (int) (png.length * fraction));
  }

  /** A valid PNG with bytes in the middle of its image data overwritten. */
  static byte[] corrupted(byte[] png) {
    byte[] c = png.clone();
    for (int i = c.length / 2; i < c.length / 2 + 64 && i < c.length - 16; i++) {
      c[i] = (byte) (c[i] ^ 0x5a);
    }
    return c;
  }

  private interface PixelVisitor {
    void visit(int x, int y);
  }

  private static void forEach(BufferedImage img, PixelVisitor v) {
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        v.visit(x, y);
      }
    }
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
