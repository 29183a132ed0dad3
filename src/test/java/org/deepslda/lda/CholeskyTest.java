package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CholeskyTest {
  /** G G^T + I for a random G: symmetric positive definite. */
  static double[] randomSpd(Random r, int n) {
    double[] g = new double[n * n];
    for (int i = 0; i < g.length; i++) {
      g[i] = r.nextGaussian();
    }
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = i == j ? 1 : 0;
        for (int k = 0; k < n; k++) {
          s += g[i * n + k] * g[j * n + k];
        }
        a[i * n + j] = s;
      }
    }
    return a;
  }

  @Test
  void solve_matchesProductWithA() {
    Random r = new Random(11);
    for (int n : new int[] {1, 2, 3, 7, 33, 64, 130}) {
      double[] a = randomSpd(r, n);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextGaussian();
      }
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = Cholesky.dot(a, i * n, x, 0, n);
      }

      Cholesky f = Cholesky.factor(a, n, new int[1]);
      assertNotNull(f, "n=" + n);
      f.solveInPlace(b);

      for (int i = 0; i < n; i++) {
        assertEquals(x[i], b[i], 1e-9 * (1 + Math.abs(x[i])), "n=" + n + " i=" + i);
      }
    }
  }

  @Test
  void factor_readsOnlyTheLowerTriangle() {
    double[] a = {4, 999, 2, 5};
    double[] b = {6, 9};

    Cholesky.factor(a, 2, new int[1]).solveInPlace(b);

    // [[4, 2], [2, 5]] x = (6, 9) -> x = (0.75, 1.5)
    assertEquals(0.75, b[0], 1e-15);
    assertEquals(1.5, b[1], 1e-15);
  }

  @Test
  void factor_notPositiveDefiniteNamesThePivot() {
    int[] pivot = new int[1];
    double[] a = {1, 0, 0, 0, 1, 0, 0, 0, -1};

    assertNull(Cholesky.factor(a, 3, pivot));
    assertEquals(2, pivot[0]);
  }

  @Test
  void dot_sumsAllTermsForEveryLength() {
    for (int len = 0; len < 10; len++) {
      double[] x = new double[len + 2];
      double[] y = new double[len + 3];
      for (int i = 0; i < len; i++) {
        x[i + 2] = i + 1;
        y[i + 3] = 2;
      }
      assertEquals(len * (len + 1), Cholesky.dot(x, 2, y, 3, len), 0, "len=" + len);
    }
  }
}
