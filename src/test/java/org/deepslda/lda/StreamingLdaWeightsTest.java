package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.Test;

class StreamingLdaWeightsTest {
  /** Inverse of an n x n matrix by Gauss-Jordan elimination with partial pivoting. */
  static double[] invert(double[] a, int n) {
    double[] m = a.clone();
    double[] inv = new double[n * n];
    for (int i = 0; i < n; i++) {
      inv[i * n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int p = col;
      for (int r = col + 1; r < n; r++) {
        p = Math.abs(m[r * n + col]) > Math.abs(m[p * n + col]) ? r : p;
      }
      swapRows(m, n, col, p);
      swapRows(inv, n, col, p);
      double pivot = m[col * n + col];
      for (int j = 0; j < n; j++) {
        m[col * n + j] /= pivot;
        inv[col * n + j] /= pivot;
      }
      for (int r = 0; r < n; r++) {
        double f = r == col ? 0 : m[r * n + col];
        for (int j = 0; j < n; j++) {
          m[r * n + j] -= f * m[col * n + j];
          inv[r * n + j] -= f * inv[col * n + j];
        }
      }
    }
    return inv;
  }

  private static void swapRows(double[] m, int n, int a, int b) {
    for (int j = 0; j < n; j++) {
      double t = m[a * n + j];
      m[a * n + j] = m[b * n + j];
      m[b * n + j] = t;
    }
  }

  @Test
  void weights_matchExplicitInverseInDouble() {
    for (int seed = 0; seed < 10; seed++) {
      int d = 2 + seed % 5;
      int c = 2 + seed % 3;
      double eps = seed % 2 == 0 ? 1e-4 : 0.3;
      TestStreams s = TestStreams.random(seed, 40, d, c);
      StreamingLda m = new StreamingLda(SldaOptions.defaults(d, c).withShrinkage(eps));
      m.fit(s.x, s.y, s.n);

      SldaWeights w = m.weights();

      double[] a = new double[d * d];
      float[] sigma = m.covariance();
      for (int i = 0; i < d * d; i++) {
        a[i] = (1 - eps) * sigma[i] + (i % (d + 1) == 0 ? eps : 0);
      }
      double[] lambda = invert(a, d);
      float[] mu = m.means();
      for (int k = 0; k < c; k++) {
        double quad = 0;
        for (int i = 0; i < d; i++) {
          double wi = 0;
          for (int j = 0; j < d; j++) {
            wi += lambda[i * d + j] * mu[k * d + j];
          }
          quad += mu[k * d + i] * wi;
          assertEquals(wi, w.weights()[k * d + i], 1e-5 * (1 + Math.abs(wi)), "w seed " + seed);
        }
        assertEquals(-0.5 * quad, w.bias()[k], 1e-5 * (1 + Math.abs(quad)), "b seed " + seed);
      }
    }
  }

  @Test
  void weights_cachedUntilTheModelChanges() {
    StreamingLda m = new StreamingLda(SldaOptions.defaults(2, 2));
    m.fit(new float[] {1, 0, 0, 1, 2, 1}, new int[] {0, 1, 0}, 3);
    SldaWeights first = m.weights();

    assertSame(first, m.weights());
    m.fit(new float[0], new int[0], 0);
    assertSame(first, m.weights(), "an empty block changes nothing");

    m.fit(new float[] {0, 2}, new int[] {1}, 1);
    SldaWeights afterFit = m.weights();
    assertNotSame(first, afterFit);
    assertNotEquals(first, afterFit);

    m.setShrinkage(0.5);
    SldaWeights afterShrinkage = m.weights();
    assertNotSame(afterFit, afterShrinkage);
    assertNotEquals(afterFit, afterShrinkage);
    assertEquals(0.5, m.options().shrinkage());
  }

  @Test
  void weights_invalidatedByFitBase() {
    StreamingLda m = new StreamingLda(SldaOptions.defaults(1, 2));
    SldaWeights initial = m.weights();

    m.fitBase(new float[] {1, 2, 5}, new int[] {0, 0, 1}, 3);

    assertNotEquals(initial, m.weights());
  }

  /** Two seen classes far from the origin: at x = 0 both score below the unseen class's 0. */
  private static StreamingLda twoSeenOfThree(boolean mask) {
    StreamingLda m = new StreamingLda(SldaOptions.defaults(2, 3).withMaskUnseen(mask));
    m.fit(new float[] {4, 0, 5, 1, 0, 4, 1, 5}, new int[] {0, 0, 1, 1}, 4);
    return m;
  }

  @Test
  void unseenClass_unmaskedScoresZeroAndCanWin() {
    StreamingLda m = twoSeenOfThree(false);

    float[] scores = m.scores(new float[] {0, 0}, 1);

    assertEquals(0f, scores[2], 0f);
    assertTrue(scores[0] < 0 && scores[1] < 0);
    assertArrayEquals(new int[] {2}, m.predict(new float[] {0, 0}, 1));
    assertArrayEquals(new float[] {0, 0}, slice(m.weights().weights(), 4, 6));
  }

  @Test
  void unseenClass_maskedNeverPredicted() {
    StreamingLda m = twoSeenOfThree(true);
    Random r = new Random(5);
    int n = 500;
    float[] x = new float[2 * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (8 * r.nextGaussian());
    }

    int[] predicted = m.predict(x, n);
    float[] p = m.probabilities(x, n);

    for (int i = 0; i < n; i++) {
      assertTrue(predicted[i] == 0 || predicted[i] == 1, "sample " + i);
      assertEquals(0f, p[i * 3 + 2], 0f);
      assertEquals(1.0, p[i * 3] + p[i * 3 + 1], 1e-6);
    }
    assertEquals(0f, m.scores(new float[] {0, 0}, 1)[2], 0f, "raw score stays 0");
  }

  @Test
  void scoresPredictProbabilities_agreeWithWeights() {
    TestStreams s = TestStreams.random(3, 60, 4, 3);
    StreamingLda m = new StreamingLda(SldaOptions.defaults(4, 3));
    m.fit(s.x, s.y, s.n);
    SldaWeights w = m.weights();

    float[] scores = m.scores(s.x, s.n);
    int[] predicted = m.predict(s.x, s.n);
    float[] p = m.probabilities(s.x, s.n);

    int correct = 0;
    for (int i = 0; i < s.n; i++) {
      assertArrayEquals(w.score(s.x, i * 4), slice(scores, i * 3, i * 3 + 3));
      assertEquals(w.predict(s.x, i * 4), predicted[i]);
      assertArrayEquals(w.softmax(s.x, i * 4), slice(p, i * 3, i * 3 + 3));
      correct += predicted[i] == s.y[i] ? 1 : 0;
    }
    assertTrue(correct > 50, "well separated classes are learned: " + correct + "/60");
  }

  @Test
  void weights_damagedCovarianceIsRefusedWithAHint() {
    float[] sigma = {-2, 0, 0, 1};
    StreamingLda m =
        StreamingLda.restore(SldaOptions.defaults(2, 1), new float[2], new long[1], sigma, 0);

    BadInputException e = assertThrows(BadInputException.class, m::weights);

    assertEquals(
        "--shrinkage 1.0E-4: (1 - eps) Sigma + eps I is not positive definite (Cholesky pivot 0"
            + " of 2 is not positive); Sigma is damaged or eps too small for it: try a larger"
            + " --shrinkage",
        e.getMessage());
  }

  @Test
  void weights_initialAllOnesCovarianceIsSolvable() {
    StreamingLda m = new StreamingLda(SldaOptions.defaults(3, 2).withPlasticCov(false));
    m.fit(new float[] {1, 2, 3}, new int[] {0}, 1);

    SldaWeights w = m.weights();

    // A = (1 - eps) J + eps I; A w = mu solved exactly: check A w = mu
    double eps = 1e-4;
    float[] wk = slice(w.weights(), 0, 3);
    double sum = wk[0] + wk[1] + wk[2];
    for (int i = 0; i < 3; i++) {
      assertEquals(i + 1, (1 - eps) * sum + eps * wk[i], 1e-3);
    }
  }

  static float[] slice(float[] a, int from, int to) {
    float[] out = new float[to - from];
    System.arraycopy(a, from, out, 0, out.length);
    return out;
  }
}
