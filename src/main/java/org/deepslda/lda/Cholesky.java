package org.deepslda.lda;

/**
 * Cholesky factorisation {@code A = L L^T} of a symmetric positive definite n x n matrix and solves
 * with it, in double precision, in plain Java.
 *
 * <p>Plain Java on purpose: the OpenBLAS build that ND4J brings returns wrong double factors
 * ({@code LAPACKE_dpotrf}, n &gt; 32) on AVX-512 CPUs, and the model needs this once per {@link
 * StreamingLda#weights()} call, where n^3/3 flops for n = 512 take tens of milliseconds.
 * Deterministic: the summation order is fixed.
 */
final class Cholesky {
  private final int n;

  /** Lower factor, n x n row-major; the strictly upper triangle is zero. */
  private final double[] lower;

  private Cholesky(int n, double[] lower) {
    this.n = n;
    this.lower = lower;
  }

  /**
   * Factors {@code a} (n x n row-major; only the lower triangle is read).
   *
   * @return the factor, or {@code null} with {@code failedPivot[0]} set to the 0-based index of the
   *     first pivot that is not positive (or not finite) when A is not positive definite
   */
  static Cholesky factor(double[] a, int n, int[] failedPivot) {
    double[] l = new double[n * n];
    for (int j = 0; j < n; j++) {
      double pivot = a[j * n + j] - dot(l, j * n, l, j * n, j);
      if (!(pivot > 0) || Double.isInfinite(pivot)) {
        failedPivot[0] = j;
        return null;
      }
      double diag = Math.sqrt(pivot);
      l[j * n + j] = diag;
      for (int i = j + 1; i < n; i++) {
        l[i * n + j] = (a[i * n + j] - dot(l, i * n, l, j * n, j)) / diag;
      }
    }
    return new Cholesky(n, l);
  }

  /** Solves {@code A x = b} for one right-hand side of length n, in place. */
  void solveInPlace(double[] b) {
    // forward: L y = b
    for (int i = 0; i < n; i++) {
      b[i] = (b[i] - dot(lower, i * n, b, 0, i)) / lower[i * n + i];
    }
    // backward: L^T x = y, walking the rows of L so every access is contiguous
    for (int i = n - 1; i >= 0; i--) {
      double xi = b[i] / lower[i * n + i];
      b[i] = xi;
      int row = i * n;
      for (int k = 0; k < i; k++) {
        b[k] -= lower[row + k] * xi;
      }
    }
  }

  /** Sum of {@code x[xo + k] * y[yo + k]} for k in [0, len), four partial sums. */
  static double dot(double[] x, int xo, double[] y, int yo, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < len; k += 4) {
      s0 += x[xo + k] * y[yo + k];
      s1 += x[xo + k + 1] * y[yo + k + 1];
      s2 += x[xo + k + 2] * y[yo + k + 2];
      s3 += x[xo + k + 3] * y[yo + k + 3];
    }
    for (; k < len; k++) {
      s0 += x[xo + k] * y[yo + k];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
