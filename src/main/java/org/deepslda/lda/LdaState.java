package org.deepslda.lda;

import java.util.Arrays;

/**
 * The mutable statistics of a streaming LDA model, shared by the classes of this package that
 * update or read them. Not thread-safe.
 */
final class LdaState {
  final int dim;
  final int numClasses;

  /** Class means mu_k, C x d row-major. */
  final float[] means;

  /** Samples seen per class, c_k. */
  final long[] counts;

  /** Shared covariance Sigma, d x d row-major, kept exactly symmetric. */
  final float[] sigma;

  /** Samples seen in all, t (the reference's num_updates). */
  long numUpdates;

  LdaState(int dim, int numClasses, float[] means, long[] counts, float[] sigma, long t) {
    this.dim = dim;
    this.numClasses = numClasses;
    this.means = means;
    this.counts = counts;
    this.sigma = sigma;
    this.numUpdates = t;
  }

  /** The reference's starting point: mu = 0, c = 0, Sigma = all ones (not I), t = 0. */
  static LdaState initial(int dim, int numClasses) {
    float[] sigma = new float[dim * dim];
    Arrays.fill(sigma, 1f);
    return new LdaState(
        dim, numClasses, new float[numClasses * dim], new long[numClasses], sigma, 0);
  }
}
