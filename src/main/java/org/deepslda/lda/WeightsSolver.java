package org.deepslda.lda;

import org.deepslda.common.BadInputException;

/**
 * Reduces the model's statistics to the linear classifier, in double precision:
 *
 * <pre>
 *   A = (1 - eps) Sigma + eps I,   w_k = A^-1 mu_k,   b_k = -1/2 mu_k . w_k
 * </pre>
 *
 * A^-1 is never formed: A is factored once (Cholesky, {@code A = L L^T}) and each w_k is one
 * forward and one backward substitution. This is the exact inverse the reference's pseudo-inverse
 * computes whenever A is positive definite, which it is for eps in (0, 1] and a positive
 * semi-definite Sigma. Classes whose mean is exactly 0 get w_k = 0 and b_k = 0 without a solve.
 */
final class WeightsSolver {
  private WeightsSolver() {}

  /**
   * @throws BadInputException if A is not positive definite in floating point (a Sigma with
   *     negative eigenvalues from a damaged checkpoint, or an eps too small for the rounding of a
   *     huge Sigma); the message names the shrinkage and the pivot
   */
  static SldaWeights solve(LdaState s, SldaOptions options) {
    int d = s.dim;
    Cholesky factor = factorShrunk(s, options.shrinkage());
    float[] weights = new float[s.numClasses * d];
    float[] bias = new float[s.numClasses];
    boolean[] seen = new boolean[s.numClasses];
    double[] mu = new double[d];
    double[] w = new double[d];
    for (int k = 0; k < s.numClasses; k++) {
      seen[k] = s.counts[k] > 0;
      if (!loadMean(s, k, mu)) {
        continue;
      }
      System.arraycopy(mu, 0, w, 0, d);
      factor.solveInPlace(w);
      bias[k] = (float) (-0.5 * Cholesky.dot(mu, 0, w, 0, d));
      for (int j = 0; j < d; j++) {
        weights[k * d + j] = (float) w[j];
      }
    }
    return new SldaWeights(d, s.numClasses, weights, bias, seen, options.maskUnseen());
  }

  private static Cholesky factorShrunk(LdaState s, double eps) {
    int d = s.dim;
    double[] a = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        a[i * d + j] = (1 - eps) * s.sigma[i * d + j];
      }
      a[i * d + i] += eps;
    }
    int[] pivot = new int[1];
    Cholesky factor = Cholesky.factor(a, d, pivot);
    if (factor == null) {
      throw new BadInputException(
          "--shrinkage "
              + eps
              + ": (1 - eps) Sigma + eps I is not positive definite (Cholesky pivot "
              + pivot[0]
              + " of "
              + d
              + " is not positive); Sigma is damaged or eps too small for it: try a larger"
              + " --shrinkage");
    }
    return factor;
  }

  /** Copies mu_k into {@code mu}; returns whether any entry is non-zero. */
  private static boolean loadMean(LdaState s, int k, double[] mu) {
    boolean nonZero = false;
    for (int j = 0; j < s.dim; j++) {
      mu[j] = s.means[k * s.dim + j];
      nonZero |= mu[j] != 0;
    }
    return nonZero;
  }
}
