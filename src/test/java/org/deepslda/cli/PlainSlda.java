package org.deepslda.cli;

import java.util.Arrays;

/**
 * Deep SLDA exactly as PRODUCT.md writes it, one sample at a time, in double precision, with the
 * precision matrix from a plain Gauss-Jordan inverse: the independent reference the end-to-end
 * tests compare the distributed job with.
 */
final class PlainSlda {
  private final int d;
  private final int c;
  private final double shrinkage;
  private final double[] mu;
  private final long[] count;
  private final double[] sigma;
  private long t;

  PlainSlda(int d, int c, double shrinkage) {
    this.d = d;
    this.c = c;
    this.shrinkage = shrinkage;
    this.mu = new double[c * d];
    this.count = new long[c];
    this.sigma = new double[d * d];
    Arrays.fill(sigma, 1.0);
  }

  /** One sample: plastic covariance update with the class mean before the update, then mean. */
  void learn(float[] x, int offset, int y) {
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      v[j] = x[offset + j] - mu[y * d + j];
    }
    double tt = t;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        sigma[i * d + j] = (tt * sigma[i * d + j] + tt / (tt + 1) * v[i] * v[j]) / (tt + 1);
      }
    }
    for (int j = 0; j < d; j++) {
      mu[y * d + j] += (x[offset + j] - mu[y * d + j]) / (count[y] + 1);
    }
    count[y]++;
    t++;
  }

  /** argmax_k of z . Lambda mu_k - mu_k . Lambda mu_k / 2 for each row of {@code x}. */
  int[] predict(float[] x, int n) {
    double[] lambda = inverse(shrunk());
    double[] w = new double[c * d];
    double[] b = new double[c];
    for (int k = 0; k < c; k++) {
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += lambda[i * d + j] * mu[k * d + j];
        }
        w[k * d + i] = s;
        b[k] -= 0.5 * mu[k * d + i] * s;
      }
    }
    int[] out = new int[n];
    for (int r = 0; r < n; r++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        double s = b[k];
        for (int j = 0; j < d; j++) {
          s += w[k * d + j] * x[r * d + j];
        }
        if (s > best) {
          best = s;
          out[r] = k;
        }
      }
    }
    return out;
  }

  private double[] shrunk() {
    double[] a = new double[d * d];
    for (int i = 0; i < d * d; i++) {
      a[i] = (1 - shrinkage) * sigma[i];
    }
    for (int i = 0; i < d; i++) {
      a[i * d + i] += shrinkage;
    }
    return a;
  }

  /** Gauss-Jordan elimination with partial pivoting. */
  private double[] inverse(double[] a) {
    double[] m = a.clone();
    double[] inv = new double[d * d];
    for (int i = 0; i < d; i++) {
      inv[i * d + i] = 1;
    }
    for (int col = 0; col < d; col++) {
      int p = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(m[r * d + col]) > Math.abs(m[p * d + col])) {
          p = r;
        }
      }
      swapRows(m, p, col);
      swapRows(inv, p, col);
      double pivot = m[col * d + col];
      for (int j = 0; j < d; j++) {
        m[col * d + j] /= pivot;
        inv[col * d + j] /= pivot;
      }
      for (int r = 0; r < d; r++) {
        double f = m[r * d + col];
        if (r != col && f != 0) {
          for (int j = 0; j < d; j++) {
            m[r * d + j] -= f * m[col * d + j];
            inv[r * d + j] -= f * inv[col * d + j];
          }
        }
      }
    }
    return inv;
  }

  private void swapRows(double[] m, int a, int b) {
    if (a != b) {
      for (int j = 0; j < d; j++) {
        double tmp = m[a * d + j];
        m[a * d + j] = m[b * d + j];
        m[b * d + j] = tmp;
      }
    }
  }
}
