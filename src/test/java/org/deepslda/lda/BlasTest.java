package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every native call the model relies on, against plain Java products in double. */
class BlasTest {
  private static float[] random(Random r, int size) {
    float[] a = new float[size];
    for (int i = 0; i < size; i++) {
      a[i] = (float) r.nextGaussian();
    }
    return a;
  }

  private static FloatBuffer direct(float[] values) {
    FloatBuffer b = Blas.allocate(values.length);
    b.put(0, values);
    return b;
  }

  @Test
  void syrkUpper_matchesPlainProduct() {
    Random r = new Random(3);
    int[][] shapes = {{1, 1}, {1, 5}, {5, 1}, {7, 3}, {100, 37}, {300, 130}, {1000, 512}};
    for (int[] shape : shapes) {
      int k = shape[0];
      int n = shape[1];
      float[] a = random(r, k * n);
      float[] c0 = random(r, n * n);
      FloatBuffer c = direct(c0);

      Blas.syrkUpper(direct(a), k, n, 0.5f, 0.25f, c);

      float[] out = new float[n * n];
      c.get(0, out);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int p = 0; p < k; p++) {
            s += (double) a[p * n + i] * a[p * n + j];
          }
          double expected = j >= i ? 0.5 * s + 0.25 * c0[i * n + j] : c0[i * n + j];
          String where = "k=" + k + " n=" + n + " (" + i + "," + j + ")";
          assertEquals(expected, out[i * n + j], 1e-5 * (1 + Math.sqrt(k)), where);
        }
      }
    }
  }

  @Test
  void syrkUpper_zeroBetaIgnoresOldValues() {
    FloatBuffer c = direct(new float[] {Float.NaN, 5, 5, 5});

    Blas.syrkUpper(direct(new float[] {1, 2}), 1, 2, 1f, 0f, c);

    assertEquals(1f, c.get(0));
    assertEquals(2f, c.get(1));
    assertEquals(4f, c.get(3));
  }

  @Test
  void gemmTransposedA_matchesPlainProduct() {
    Random r = new Random(4);
    int[][] shapes = {{1, 1, 1}, {3, 2, 5}, {64, 64, 64}, {513, 100, 37}};
    for (int[] shape : shapes) {
      int k = shape[0];
      int m = shape[1];
      int n = shape[2];
      float[] a = random(r, k * m);
      float[] b = random(r, k * n);
      FloatBuffer c = Blas.allocate(m * n);

      Blas.gemmTransposedA(direct(a), direct(b), k, m, n, c);

      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int p = 0; p < k; p++) {
            s += (double) a[p * m + i] * b[p * n + j];
          }
          assertEquals(s, c.get(i * n + j), 1e-5 * (1 + Math.sqrt(k)), "k=" + k + " m=" + m);
        }
      }
    }
  }

  @Test
  void syrkUpper_rejectsHeapAndShortBuffers() {
    FloatBuffer heap = FloatBuffer.allocate(4);
    FloatBuffer small = Blas.allocate(3);

    IllegalArgumentException e1 =
        assertThrows(IllegalArgumentException.class, () -> Blas.syrkUpper(heap, 2, 2, 1, 0, small));
    IllegalArgumentException e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> Blas.syrkUpper(Blas.allocate(4), 2, 2, 1, 0, small));

    assertEquals(
        "A: expected a direct buffer at position 0 with at least 4 floats, found a heap buffer"
            + " with 4 floats at position 0",
        e1.getMessage());
    assertEquals(
        "C: expected a direct buffer at position 0 with at least 4 floats, found 3 floats at"
            + " position 0",
        e2.getMessage());
  }

  @Test
  void mirrorUpper_copiesUpperOntoLower() {
    float[] c = {1, 2, 3, 9, 4, 5, 9, 9, 6};

    Blas.mirrorUpper(c, 3);

    assertArrayEquals(new float[] {1, 2, 3, 2, 4, 5, 3, 5, 6}, c);
  }
}
