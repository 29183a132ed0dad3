package org.deepslda.lda;

/**
 * The Oracle Approximating Shrinkage covariance estimator (Chen, Wiesel, Eldar and Hero, IEEE TSP
 * 2010) in the form scikit-learn's {@code OAS(assume_centered=True)} computes, which the Deep SLDA
 * base initialisation uses. For the empirical covariance S (d x d) of n samples, with {@code m =
 * tr(S) / d} and {@code a = mean of S_ij^2}:
 *
 * <pre>
 *   rho = min(1, (a + m^2) / ((n + 1) (a - m^2 / d)))     (rho = 1 when the denominator is 0)
 *   Sigma = (1 - rho) S + rho m I
 * </pre>
 *
 * (the paper's eq. 23 with its 2/d terms dropped).
 */
final class Oas {
  private Oas() {}

  /** The shrinkage coefficient rho in [0, 1] for S (d x d row-major) estimated from n samples. */
  static double coefficient(double[] s, int d, long n) {
    double m = trace(s, d) / d;
    double sumSquares = 0;
    for (double v : s) {
      sumSquares += v * v;
    }
    double a = sumSquares / ((double) d * d);
    double num = a + m * m;
    double den = (n + 1) * (a - m * m / d);
    return den == 0 ? 1.0 : Math.min(num / den, 1.0);
  }

  /** {@code (1 - rho) S + rho (tr(S) / d) I}, a new d x d row-major array. */
  static double[] shrink(double[] s, int d, double rho) {
    double target = rho * trace(s, d) / d;
    double[] out = new double[d * d];
    for (int i = 0; i < out.length; i++) {
      out[i] = (1 - rho) * s[i];
    }
    for (int i = 0; i < d; i++) {
      out[i * d + i] += target;
    }
    return out;
  }

  private static double trace(double[] s, int d) {
    double t = 0;
    for (int i = 0; i < d; i++) {
      t += s[i * d + i];
    }
    return t;
  }
}
