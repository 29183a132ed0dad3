package org.deepslda.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepslda.common.Npz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResNet18NetTest {
  private static ResNet18Weights weights;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    weights = ResNet18Weights.random(0);
  }

  @Test
  void weights_areDeterministicPerSeed() {
    assertEquals(weights.sha256(), ResNet18Weights.random(0).sha256());
    assertNotEquals(weights.sha256(), ResNet18Weights.random(1).sha256());
  }

  @Test
  void features_matchTorchvisionWithSameWeights() throws Exception {
    PythonReference.assumeAvailable();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] png = TestImages.png(TestImages.noise(128, 128, 100 + i));
      files.add(TestImages.write(dir.resolve("i" + i + ".png"), png));
    }
    Path npz = dir.resolve("w.npz");
    Files.write(npz, Npz.toBytes(weights.toNpyArrays()));
    PythonReference.reference(
        dir,
        "--images",
        PythonReference.writeList(dir.resolve("list"), files).toString(),
        "--out",
        dir.toString(),
        "--weights",
        npz.toString());
    float[] expected = PythonReference.load(dir.resolve("features.npy")).toFloats();
    float[] actual = forward(files);
    assertClose(expected, actual, ResNet18Net.DIM, 1e-4);
  }

  @Test
  void features_doNotDependOnBatchComposition() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] png = TestImages.png(TestImages.noise(64, 64, 200 + i));
      files.add(TestImages.write(dir.resolve("b" + i + ".png"), png));
    }
    float[] all = forward(files);
    float[] last = forward(files.subList(3, 5));
    assertArrayEquals(Arrays.copyOfRange(all, 3 * 512, 5 * 512), last);
  }

  /** max |a - e| over each row, relative to the row's largest |e|, at most {@code tol}. */
  static void assertClose(float[] expected, float[] actual, int dim, double tol) {
    assertEquals(expected.length, actual.length);
    for (int r = 0; r < expected.length / dim; r++) {
      double scale = 0;
      double diff = 0;
      for (int j = r * dim; j < (r + 1) * dim; j++) {
        scale = Math.max(scale, Math.abs(expected[j]));
        diff = Math.max(diff, Math.abs(expected[j] - actual[j]));
      }
      assertTrue(scale > 0, "row " + r + " is all zero");
      assertTrue(diff <= tol * scale, "row " + r + ": max diff " + diff + " vs scale " + scale);
    }
  }

  private float[] forward(List<Path> files) throws Exception {
    ImagePreprocessor pre = ImagePreprocessor.imagenet224();
    float[] batch = new float[files.size() * pre.valuesPerImage()];
    for (int i = 0; i < files.size(); i++) {
      float[] t = pre.preprocess(Files.readAllBytes(files.get(i)), files.get(i).toString());
      System.arraycopy(t, 0, batch, i * t.length, t.length);
    }
    DjlEnvironment.pytorch();
    try (NDManager m = NDManager.newBaseManager()) {
      ResNet18Net net = ResNet18Net.create(weights, m);
      NDArray x = m.create(batch, new Shape(files.size(), 3, 224, 224));
      NDArray out = net.forward(x);
      assertEquals(new Shape(files.size(), ResNet18Net.DIM), out.getShape());
      return out.toFloatArray();
    }
  }
}
