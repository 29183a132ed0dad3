package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.Test;

class OasTest {
  /** S = diag(0.5, 2) from 40 samples: m = 1.25, a = 1.0625, rho = 2.625 / (41 * 0.28125). */
  @Test
  void coefficient_handComputedDiagonalCase() {
    double[] s = {0.5, 0, 0, 2};

    double rho = Oas.coefficient(s, 2, 40);

    assertEquals(2.625 / (41 * 0.28125), rho, 1e-15);
  }

  @Test
  void coefficient_fewSamplesShrinksFully() {
    // n = 4: (a + m^2) / (5 (a - m^2 / 2)) = 2.625 / 1.40625 > 1, so rho = 1
    assertEquals(1.0, Oas.coefficient(new double[] {0.5, 0, 0, 2}, 2, 4));
  }

  @Test
  void coefficient_zeroMatrixIsFullShrinkage() {
    assertEquals(1.0, Oas.coefficient(new double[9], 3, 10));
  }

  @Test
  void shrink_movesTowardsScaledIdentity() {
    double rho = 0.25;

    double[] out = Oas.shrink(new double[] {0.5, 0.1, 0.1, 2}, 2, rho);

    double target = 1.25;
    assertArrayEquals(
        new double[] {0.75 * 0.5 + rho * target, 0.075, 0.075, 0.75 * 2 + rho * target},
        out,
        1e-15);
  }

  /**
   * Two classes whose centred residuals are (+-1, 0) and (0, +-2), ten times each: the base
   * covariance is the OAS estimate of S = diag(0.5, 2) with n = 40.
   */
  @Test
  void fitBase_classMeansCountsAndOasCovariance() {
    int n = 40;
    float[] x = new float[n * 2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int sign = i % 2 == 0 ? 1 : -1;
      y[i] = (i / 2) % 2;
      x[2 * i] = y[i] == 0 ? 10 + sign : -5;
      x[2 * i + 1] = y[i] == 0 ? 3 : 7 + 2 * sign;
    }
    StreamingLda m = new StreamingLda(SldaOptions.defaults(2, 3));

    m.fitBase(x, y, n);

    double rho = 2.625 / (41 * 0.28125);
    float a = (float) ((1 - rho) * 0.5 + rho * 1.25);
    float b = (float) ((1 - rho) * 2 + rho * 1.25);
    assertArrayEquals(new float[] {a, 0, 0, b}, m.covariance(), 1e-6f);
    assertArrayEquals(new float[] {10, 3, -5, 7, 0, 0}, m.means());
    assertArrayEquals(new long[] {20, 20, 0}, m.counts());
    assertEquals(40, m.numUpdates());
  }

  @Test
  void fitBase_thenFitContinuesTheStream() {
    StreamingLda m = new StreamingLda(SldaOptions.defaults(1, 1));
    m.fitBase(new float[] {1, 3}, new int[] {0, 0}, 2);
    float before = m.covariance()[0];

    m.fit(new float[] {5}, new int[] {0}, 1);

    // t = 2, v = 5 - 2 = 3: Sigma = (2 * before + 2/3 * 9) / 3
    assertEquals((2 * before + 6) / 3, m.covariance()[0], 1e-6f);
    assertEquals(3, m.numUpdates());
  }

  @Test
  void fitBase_afterFitIsRejected() {
    StreamingLda m = new StreamingLda(SldaOptions.defaults(1, 1));
    m.fit(new float[] {1}, new int[] {0}, 1);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> m.fitBase(new float[] {1}, new int[1], 1));

    assertEquals("fitBase must be the first update; this model has seen 1", e.getMessage());
  }

  @Test
  void fitBase_emptyBlockIsRejected() {
    StreamingLda m = new StreamingLda(SldaOptions.defaults(1, 1));

    BadInputException e =
        assertThrows(BadInputException.class, () -> m.fitBase(new float[0], new int[0], 0));

    assertEquals("base block: expected at least 1 sample, found 0", e.getMessage());
  }
}
