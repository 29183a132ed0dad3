package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The block scorer gives SldaWeights' scores and predictions bit for bit. */
class BlockScorerTest {
  private static SldaWeights weights(int d, int c, boolean mask, long seed) {
    Random r = new Random(seed);
    float[] w = new float[c * d];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian();
    }
    float[] b = new float[c];
    boolean[] seen = new boolean[c];
    for (int k = 0; k < c; k++) {
      b[k] = (float) r.nextGaussian() * 10;
      seen[k] = k % 3 != 1;
    }
    return new SldaWeights(d, c, w, b, seen, mask);
  }

  private static float[] samples(int n, int d, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextGaussian() * 3);
    }
    return x;
  }

  @Test
  void scoreRows_equalScalarScoresBitForBit() {
    for (int d : new int[] {1, 3, 4, 37, 512}) {
      SldaWeights w = weights(d, 7, false, d);
      int n = 1100;
      float[] x = samples(n, d, 100 + d);
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) {
        rows[i] = (i * 7919) % n;
      }
      float[] fast = w.scorer().scoreRows(x, rows);
      for (int i = 0; i < n; i++) {
        float[] slow = w.score(x, rows[i] * d);
        for (int k = 0; k < 7; k++) {
          assertEquals(Float.floatToIntBits(slow[k]), Float.floatToIntBits(fast[i * 7 + k]),
              "d=" + d + " sample " + i + " class " + k);
        }
      }
    }
  }

  @Test
  void predictAll_equalsScalarPredictWithAndWithoutMask() {
    for (boolean mask : new boolean[] {false, true}) {
      SldaWeights w = weights(37, 50, mask, 5);
      int n = 1300;
      float[] x = samples(n, 37, 6);
      int[] slow = new int[n];
      for (int i = 0; i < n; i++) {
        slow[i] = w.predict(x, i * 37);
      }
      assertArrayEquals(slow, w.scorer().predictAll(x, n), "mask " + mask);
    }
  }

  @Test
  void predictRows_rejectsRowsOutsideTheMatrix() {
    SldaWeights w = weights(4, 3, false, 1);
    float[] x = samples(2, 4, 2);
    assertThrows(IndexOutOfBoundsException.class, () -> w.scorer().predictRows(x, new int[] {2}));
    assertThrows(IndexOutOfBoundsException.class,
        () -> w.scorer().predictRows(x, new int[] {-1}));
  }
}
