package org.deepslda.bench;

import java.util.Arrays;

/**
 * The reference SLDA update written plainly, one sample at a time in float32, as the baseline of
 * {@link LdaFitBenchmark}. Two forms of the same equations: a fused single pass over Sigma, and the
 * seed's whole-matrix operations, each producing a new d x d array.
 */
final class PerSampleReference {
  private final int dim;
  final float[] means;
  final float[] counts;
  float[] sigma;
  private final float[] v;
  private long t;

  PerSampleReference(int dim, int numClasses) {
    this.dim = dim;
    this.means = new float[numClasses * dim];
    this.counts = new float[numClasses];
    this.sigma = new float[dim * dim];
    Arrays.fill(sigma, 1f);
    this.v = new float[dim];
  }

  /** Sigma = (t Sigma + t/(t+1) v v^T) / (t+1) in one pass, then the mean update. */
  void learnFused(float[] x, int offset, int y) {
    difference(x, offset, y);
    float tt = t;
    float weight = tt / (tt + 1);
    float inv = 1 / (tt + 1);
    for (int i = 0; i < dim; i++) {
      float a = weight * v[i];
      int row = i * dim;
      for (int j = 0; j < dim; j++) {
        sigma[row + j] = (tt * sigma[row + j] + a * v[j]) * inv;
      }
    }
    updateMean(x, offset, y);
  }

  /** The seed's steps: mult = v v^T; delta = mult t/(t+1); Sigma = (t Sigma + delta)/(t+1). */
  void learnSeedLiteral(float[] x, int offset, int y) {
    difference(x, offset, y);
    float tt = t;
    float[] mult = new float[dim * dim];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        mult[i * dim + j] = v[i] * v[j];
      }
    }
    float[] delta = scale(mult, tt / (tt + 1));
    float[] scaled = scale(sigma, tt);
    float[] sum = new float[dim * dim];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = scaled[i] + delta[i];
    }
    float[] next = new float[dim * dim];
    for (int i = 0; i < next.length; i++) {
      next[i] = sum[i] / (tt + 1);
    }
    sigma = next;
    updateMean(x, offset, y);
  }

  private static float[] scale(float[] a, float f) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] * f;
    }
    return out;
  }

  private void difference(float[] x, int offset, int y) {
    for (int j = 0; j < dim; j++) {
      v[j] = x[offset + j] - means[y * dim + j];
    }
  }

  private void updateMean(float[] x, int offset, int y) {
    for (int j = 0; j < dim; j++) {
      means[y * dim + j] += (x[offset + j] - means[y * dim + j]) / (counts[y] + 1);
    }
    counts[y]++;
    t++;
  }
}
