package org.deepslda.lda;

import java.util.Arrays;

/**
 * The per-sample SLDA loop written straight from the paper's equations, for tests: Sigma and the
 * means in double precision, and the means a second time in float32 exactly as the reference code
 * computes them.
 */
final class ReferenceSlda {
  final int dim;
  final int numClasses;
  final boolean plasticCov;
  final double[] means;
  final float[] meansFloat32;
  final long[] counts;
  final double[] sigma;
  long t;

  ReferenceSlda(int dim, int numClasses, boolean plasticCov) {
    this.dim = dim;
    this.numClasses = numClasses;
    this.plasticCov = plasticCov;
    this.means = new double[numClasses * dim];
    this.meansFloat32 = new float[numClasses * dim];
    this.counts = new long[numClasses];
    this.sigma = new double[dim * dim];
    Arrays.fill(sigma, 1.0);
  }

  /** Learns samples 0..n-1 of x (n x d) one at a time. */
  void learnAll(float[] x, int[] y, int n) {
    for (int i = 0; i < n; i++) {
      learn(x, i * dim, y[i]);
    }
  }

  void learn(float[] x, int offset, int y) {
    int m = y * dim;
    if (plasticCov) {
      double[] v = new double[dim];
      for (int j = 0; j < dim; j++) {
        v[j] = x[offset + j] - means[m + j];
      }
      double tt = t;
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          double delta = v[i] * v[j] * tt / (tt + 1);
          sigma[i * dim + j] = (tt * sigma[i * dim + j] + delta) / (tt + 1);
        }
      }
    }
    for (int j = 0; j < dim; j++) {
      means[m + j] += (x[offset + j] - means[m + j]) / (counts[y] + 1);
      meansFloat32[m + j] += (x[offset + j] - meansFloat32[m + j]) / (float) (counts[y] + 1);
    }
    counts[y]++;
    t++;
  }
}
