package org.deepslda.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.deepslda.common.NpyArray;

/** Image files damaged or re-encoded in place, and the features {@code slda export} gives. */
final class Images {
  /** Changes one image file in place. */
  @FunctionalInterface
  interface Damage {
    void apply(Path png) throws IOException;
  }

  private Images() {}

  /**
   * The first {@code n} images of the NC run 0 training stream, one per batch from batch 1 on
   * (batch 0 is the largest), so that leaving them out empties no batch.
   */
  static List<String> trainingImages(Path data, int n) throws IOException {
    List<String> out = new ArrayList<>();
    for (int b = 1; out.size() < n; b++) {
      Path list = data.resolve(Shared.NC_RUN0).resolve(String.format(
          "train_batch_%02d_filelist.txt", b));
      out.add(Files.readAllLines(list).get(0).trim().split("\\s+")[0]);
    }
    return out;
  }

  static Path file(Path data, String image) {
    return data.resolve(Shared.IMAGES).resolve(image);
  }

  /** Overwrites the middle third of the compressed pixel data with a fixed pattern. */
  static void corrupt(Path png) throws IOException {
    byte[] b = Files.readAllBytes(png);
    for (int i = b.length / 3; i < 2 * b.length / 3; i++) {
      b[i] = (byte) (i * 31);
    }
    Files.write(png, b);
  }

  /** Keeps the first half of the file, as an interrupted copy would. */
  static void truncate(Path png) throws IOException {
    byte[] b = Files.readAllBytes(png);
    Files.write(png, Arrays.copyOf(b, b.length / 2));
  }

  /** Re-encodes as 8-bit grayscale (the green channel's samples, no colour conversion). */
  static void toGray8(Path png) throws IOException {
    BufferedImage rgb = ImageIO.read(png.toFile());
    BufferedImage gray =
        new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < rgb.getHeight(); y++) {
      for (int x = 0; x < rgb.getWidth(); x++) {
        gray.getRaster().setSample(x, y, 0, rgb.getRaster().getSample(x, y, 1));
      }
    }
    write(gray, png);
  }

  /** Re-encodes as 16-bit RGB, each 8-bit sample v as v * 257 (its high byte is v again). */
  static void toRgb16(Path png) throws IOException {
    BufferedImage rgb = ImageIO.read(png.toFile());
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    WritableRaster r =
        Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, w, h, 3, null);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          r.setSample(x, y, c, rgb.getRaster().getSample(x, y, c) * 257);
        }
      }
    }
    ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
        false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    write(new BufferedImage(cm, r, false, null), png);
  }

  /** Re-encodes at {@code w x h} pixels. */
  static void resize(Path png, int w, int h) throws IOException {
    BufferedImage src = ImageIO.read(png.toFile());
    BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = dst.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    write(dst, png);
  }

  private static void write(BufferedImage img, Path png) throws IOException {
    if (!ImageIO.write(img, "png", png.toFile())) {
      throw new IOException("no PNG writer for " + img);
    }
  }

  /** The stored features of {@code images} via {@code slda export}, one row per image. */
  static float[][] export(Path data, Path store, List<String> images, Path work)
      throws IOException {
    Files.createDirectories(work);
    Path list = work.resolve("list.txt");
    Files.write(list, images.stream().map(p -> p + " 0").toList());
    Path prefix = work.resolve("x");
    UserCli.run("export", "--store", store.toString(), "--data", data.toString(),
        "--filelist", list.toString(), "--out", prefix.toString()).assertSucceeded();
    NpyArray x = NpyArray.parse(Files.readAllBytes(Path.of(prefix + "_features.npy")), "x");
    assertEquals(images.size(), x.shape()[0]);
    int d = (int) x.shape()[1];
    float[] all = x.toFloats();
    float[][] rows = new float[images.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = Arrays.copyOfRange(all, i * d, (i + 1) * d);
    }
    return rows;
  }
}
