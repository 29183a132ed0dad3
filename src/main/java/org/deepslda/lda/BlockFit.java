package org.deepslda.lda;

import java.nio.FloatBuffer;

/**
 * The block form of the per-sample SLDA update. Sample i of a block (i = 0..n-1) sees t_i = t + i
 * earlier updates and {@code v_i = z_i - mu_{y_i}}, measured against the class mean just before it:
 * the prefix mean, 0 for a class not seen yet. The reference step
 *
 * <pre>
 *   Sigma_{i+1} = (t_i Sigma_i + t_i / (t_i + 1) v_i v_i^T) / (t_i + 1)
 * </pre>
 *
 * reads (t_i + 1) Sigma_{i+1} = t_i Sigma_i + w_i v_i v_i^T with w_i = t_i / (t_i + 1), and since
 * t_{i+1} = t_i + 1 these telescope over the block into one weighted outer product:
 *
 * <pre>
 *   Sigma_n = (t Sigma + V^T diag(w) V) / (t + n) = (t Sigma + U^T U) / (t + n)
 *   with row i of U = sqrt(w_i) v_i
 * </pre>
 *
 * U^T U is one {@code ssyrk}; the O(n d) work (prefix means, rows of U, mean updates) is a single
 * pass in Java. Means are updated as the reference does it in float32, {@code mu_y += (z - mu_y) /
 * (c_y + 1)}, so they match it bit for bit. Blocks longer than {@value #CHUNK_ROWS} rows are
 * applied in chunks, which is the same sum.
 *
 * <p>Holds native scratch buffers (CHUNK_ROWS x d and d x d floats); not thread-safe.
 */
final class BlockFit {
  /** Rows of U per native call; bounds the scratch memory to CHUNK_ROWS x d floats. */
  static final int CHUNK_ROWS = 2048;

  private final int dim;
  private final float[] row;
  private FloatBuffer rows;
  private FloatBuffer gram;

  BlockFit(int dim) {
    this.dim = dim;
    this.row = new float[dim];
  }

  /** Applies a validated block (x: n x d row-major, labels in 0..C-1) to the state. */
  void fit(LdaState s, float[] x, int[] y, int n, boolean plasticCov) {
    if (!plasticCov) {
      for (int i = 0; i < n; i++) {
        updateMean(s, x, i * dim, y[i], false, 0f);
      }
      s.numUpdates += n;
      return;
    }
    Blas.ensureLoaded();
    allocate(Math.min(n, CHUNK_ROWS));
    gram.put(0, s.sigma);
    for (int start = 0; start < n; start += CHUNK_ROWS) {
      int end = Math.min(n, start + CHUNK_ROWS);
      long tStart = s.numUpdates;
      for (int i = start; i < end; i++) {
        float scale = (float) Math.sqrt(s.numUpdates / (s.numUpdates + 1.0));
        updateMean(s, x, i * dim, y[i], true, scale);
        rows.put((i - start) * dim, row);
        s.numUpdates++;
      }
      float alpha = (float) (1.0 / s.numUpdates);
      float beta = (float) ((double) tStart / s.numUpdates);
      Blas.syrkUpper(rows, end - start, dim, alpha, beta, gram);
    }
    gram.get(0, s.sigma);
    Blas.mirrorUpper(s.sigma, dim);
  }

  /**
   * One sample's mean update; when {@code keepRow}, also stores {@code scale * (z - mu_y)} (mu_y
   * before the update) in {@link #row}.
   */
  private void updateMean(LdaState s, float[] x, int xo, int label, boolean keepRow, float scale) {
    int mo = label * dim;
    float[] mu = s.means;
    float denom = (float) (s.counts[label] + 1);
    if (keepRow) {
      for (int j = 0; j < dim; j++) {
        float v = x[xo + j] - mu[mo + j];
        row[j] = v * scale;
        mu[mo + j] += v / denom;
      }
    } else {
      for (int j = 0; j < dim; j++) {
        mu[mo + j] += (x[xo + j] - mu[mo + j]) / denom;
      }
    }
    s.counts[label]++;
  }

  /**
   * Base initialisation from one block (Deep SLDA's {@code fit_base}): class means and counts from
   * the block, t = n, and Sigma the {@link Oas} estimate from the class-centred rows {@code z_i -
   * mu_{y_i}}. The state must be initial and n at least 1.
   */
  void fitBase(LdaState s, float[] x, int[] y, int n) {
    Blas.ensureLoaded();
    setClassMeans(s, x, y, n);
    double[] empirical = centredGram(s, x, y, n);
    double[] shrunk = Oas.shrink(empirical, dim, Oas.coefficient(empirical, dim, n));
    for (int i = 0; i < shrunk.length; i++) {
      s.sigma[i] = (float) shrunk[i];
    }
    s.numUpdates = n;
  }

  private void setClassMeans(LdaState s, float[] x, int[] y, int n) {
    double[] sums = new double[s.numClasses * dim];
    for (int i = 0; i < n; i++) {
      int mo = y[i] * dim;
      for (int j = 0; j < dim; j++) {
        sums[mo + j] += x[i * dim + j];
      }
      s.counts[y[i]]++;
    }
    for (int k = 0; k < s.numClasses; k++) {
      for (int j = 0; j < dim && s.counts[k] > 0; j++) {
        s.means[k * dim + j] = (float) (sums[k * dim + j] / s.counts[k]);
      }
    }
  }

  /** The empirical covariance (1/n) sum_i r_i r_i^T of r_i = z_i - mu_{y_i}, full, in double. */
  private double[] centredGram(LdaState s, float[] x, int[] y, int n) {
    allocate(Math.min(n, CHUNK_ROWS));
    for (int start = 0; start < n; start += CHUNK_ROWS) {
      int end = Math.min(n, start + CHUNK_ROWS);
      for (int i = start; i < end; i++) {
        int mo = y[i] * dim;
        for (int j = 0; j < dim; j++) {
          row[j] = x[i * dim + j] - s.means[mo + j];
        }
        rows.put((i - start) * dim, row);
      }
      Blas.syrkUpper(rows, end - start, dim, (float) (1.0 / n), start == 0 ? 0f : 1f, gram);
    }
    float[] upper = new float[dim * dim];
    gram.get(0, upper);
    Blas.mirrorUpper(upper, dim);
    double[] out = new double[upper.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = upper[i];
    }
    return out;
  }

  private void allocate(int chunkRows) {
    if (gram == null) {
      gram = Blas.allocate(dim * dim);
    }
    if (rows == null || rows.capacity() < chunkRows * dim) {
      rows = Blas.allocate(Math.max(chunkRows, 1) * dim);
    }
  }
}
