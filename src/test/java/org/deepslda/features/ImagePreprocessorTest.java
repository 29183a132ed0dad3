package org.deepslda.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePreprocessorTest {
  private final ImagePreprocessor pre = ImagePreprocessor.imagenet224();

  @TempDir Path dir;

  @Test
  void solidColour_givesExactNormalisedValues() {
    float[] t = pre.preprocess(TestImages.png(TestImages.solid(128, 128, 10, 128, 250)), "solid");
    int[] rgb = {10, 128, 250};
    double[] mean = {0.485, 0.456, 0.406};
    double[] std = {0.229, 0.224, 0.225};
    int plane = 224 * 224;
    for (int c = 0; c < 3; c++) {
      double expected = (rgb[c] / 255.0 - mean[c]) / std[c];
      for (int i = 0; i < plane; i++) {
        assertEquals(expected, t[c * plane + i], 1e-6, "channel " + c);
      }
    }
  }

  @Test
  void matchesPilAndTorchvision_upDownAndNonSquare() throws Exception {
    PythonReference.assumeAvailable();
    int[][] sizes = {{128, 128}, {32, 32}, {300, 260}, {224, 224}, {97, 451}};
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      BufferedImage img = TestImages.noise(sizes[i][0], sizes[i][1], i);
      files.add(TestImages.write(dir.resolve("img" + i + ".png"), TestImages.png(img)));
    }
    files.add(
        TestImages.write(
            dir.resolve("q.jpg"), TestImages.encode(TestImages.noise(150, 90, 9), "jpg")));
    PythonReference.reference(
        dir,
        "--images",
        PythonReference.writeList(dir.resolve("list"), files).toString(),
        "--out",
        dir.toString());
    float[] expected = PythonReference.load(dir.resolve("tensors.npy")).toFloats();
    int per = pre.valuesPerImage();
    for (int i = 0; i < files.size(); i++) {
      float[] actual = pre.preprocess(Files.readAllBytes(files.get(i)), files.get(i).toString());
      for (int j = 0; j < per; j++) {
        assertEquals(expected[i * per + j], actual[j], 1e-6, files.get(i) + " value " + j);
      }
    }
  }

  @Test
  void grayscale_equalsRgbWithSameLevels() {
    BufferedImage rgb = TestImages.noise(100, 80, 3);
    float[] gray = pre.preprocess(TestImages.png(TestImages.gray8(rgb)), "gray");
    float[] asRgb = pre.preprocess(TestImages.png(TestImages.grayAsRgb(rgb)), "rgb");
    assertArrayEquals(asRgb, gray);
  }

  @Test
  void sixteenBitGray_usesHighByte() {
    BufferedImage rgb = TestImages.noise(90, 70, 4);
    float[] deep = pre.preprocess(TestImages.png(TestImages.gray16(rgb)), "gray16");
    float[] eight = pre.preprocess(TestImages.png(TestImages.gray8(rgb)), "gray8");
    assertArrayEquals(eight, deep);
  }

  @Test
  void sixteenBitRgb_usesHighByte() {
    BufferedImage rgb = TestImages.noise(64, 96, 5);
    float[] deep = pre.preprocess(TestImages.png(TestImages.rgb16(rgb)), "rgb16");
    assertArrayEquals(pre.preprocess(TestImages.png(rgb), "rgb8"), deep);
  }

  @Test
  void alpha_isDropped() {
    BufferedImage rgb = TestImages.noise(50, 50, 6);
    float[] withAlpha = pre.preprocess(TestImages.png(TestImages.withAlpha(rgb)), "rgba");
    assertArrayEquals(pre.preprocess(TestImages.png(rgb), "rgb"), withAlpha);
  }

  @Test
  void channelOrder_isRgbForJpegAndBmpToo() {
    BufferedImage red = TestImages.solid(40, 40, 250, 0, 0);
    for (String format : new String[] {"bmp", "jpg"}) {
      float[] t = pre.preprocess(TestImages.encode(red, format), format);
      assertTrue(t[0] > 1.5f && t[224 * 224 * 2] < -1.0f, format + " decoded as BGR");
    }
  }

  @Test
  void zeroByteFile_isRejectedNamingThePath() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> pre.preprocess(new byte[0], "s1/o1/empty.png"));
    assertTrue(e.getMessage().contains("s1/o1/empty.png"), e.getMessage());
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void nonImage_isRejectedNamingThePath() {
    byte[] text = "just some text, not a picture".getBytes();
    BadInputException e =
        assertThrows(BadInputException.class, () -> pre.preprocess(text, "notes.png"));
    assertTrue(e.getMessage().startsWith("notes.png: not an image"), e.getMessage());
  }

  @Test
  void truncatedPng_isRejectedNamingThePath() {
    byte[] png = TestImages.png(TestImages.noise(128, 128, 7));
    for (double f : new double[] {0.05, 0.5, 0.95}) {
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () -> pre.preprocess(TestImages.truncated(png, f), "cut.png"),
              "fraction " + f);
      assertTrue(e.getMessage().startsWith("cut.png: "), e.getMessage());
    }
  }

  @Test
  void corruptPng_isRejectedNamingThePath() {
    byte[] png = TestImages.png(TestImages.noise(128, 128, 8));
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> pre.preprocess(TestImages.corrupted(png), "bad.png"));
    assertTrue(e.getMessage().startsWith("bad.png: "), e.getMessage());
  }

  @Test
  void pilCoefficients_sumToOneAndWidenWhenDownscaling() {
    PilBilinear.Coefficients up = PilBilinear.coefficients(128, 224);
    PilBilinear.Coefficients down = PilBilinear.coefficients(448, 224);
    assertTrue(up.count()[100] == 2, "upscaling reads 2 pixels");
    assertTrue(down.count()[100] == 4, "halving reads 4 pixels (support widened x2)");
    for (PilBilinear.Coefficients co : List.of(up, down)) {
      for (int i = 0; i < 224; i++) {
        int sum = 0;
        for (int t = 0; t < co.count()[i]; t++) {
          sum += co.weights()[i * co.taps() + t];
        }
        assertEquals(1 << 22, sum, 4);
      }
    }
  }
}
