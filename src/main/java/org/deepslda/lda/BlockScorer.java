package org.deepslda.lda;

import java.util.Arrays;

/**
 * The fast path of {@link SldaWeights#predict} for many samples: the same scores, bit for bit,
 * computed with loops that the JIT turns into SIMD code (about 10x the scalar rate at d = 512,
 * C = 50; see BENCHMARKS.md).
 *
 * <p>{@link SldaWeights} sums {@code w_k . x} as four interleaved float32 partial sums (feature j
 * goes to partial {@code j mod 4}, the tail of {@code d mod 4} to partial 0), each in increasing
 * j, then adds {@code ((s0 + s1) + (s2 + s3)) + b_k}. Here a block of up to {@value #BLOCK}
 * samples is transposed ({@code x[j][b]}), and for each class k and feature j the update {@code
 * s[k][j mod 4][b] += w_kj * x[j][b]} runs over all samples b of the block at once: an
 * element-wise loop over arrays indexed alike, which C2 vectorises, while every partial sum of
 * every sample still takes its terms in the same order. Java never fuses a multiply and an add,
 * so every JVM gives the same floats as the scalar code, wherever it runs.
 *
 * <p>Holds about {@code 4 * BLOCK * (d + 4 C)} bytes of scratch space (1.4 MB at d = 512, C =
 * 50): not thread-safe, build one per thread (Spark task) with {@link SldaWeights#scorer()}.
 */
public final class BlockScorer {
  /** Samples scored together: the length of the vectorised loop. */
  static final int BLOCK = 512;

  private final int dim;
  private final int numClasses;
  private final float[] weights;
  private final float[] bias;
  private final boolean[] eligible;
  private final float[][] columns;
  private final float[][] partial;

  BlockScorer(SldaWeights w) {
    this.dim = w.dim();
    this.numClasses = w.numClasses();
    this.weights = w.weights();
    this.bias = w.bias();
    this.eligible = new boolean[numClasses];
    for (int k = 0; k < numClasses; k++) {
      eligible[k] = w.eligible(k);
    }
    this.columns = new float[dim][BLOCK];
    this.partial = new float[4 * numClasses][BLOCK];
  }

  public int dim() {
    return dim;
  }

  public int numClasses() {
    return numClasses;
  }

  /**
   * Predictions for the rows {@code rows[i]} of a row-major matrix of d-vectors (row r at {@code
   * r * d}), exactly as {@link SldaWeights#predict} gives them, including {@link
   * SldaWeights#NO_CLASS}.
   *
   * @throws IndexOutOfBoundsException if a row lies outside the matrix
   */
  public int[] predictRows(float[] matrix, int[] rows) {
    int[] out = new int[rows.length];
    for (int from = 0; from < rows.length; from += BLOCK) {
      int n = Math.min(BLOCK, rows.length - from);
      scoreBlock(matrix, rows, from, n);
      for (int b = 0; b < n; b++) {
        out[from + b] = pick(b);
      }
    }
    return out;
  }

  /** Predictions for the n consecutive samples of {@code x} (n x d row-major). */
  public int[] predictAll(float[] x, int n) {
    return predictRows(x, consecutive(n));
  }

  /** Raw scores of the rows, {@code rows.length x C} row-major, as {@link SldaWeights#score}. */
  public float[] scoreRows(float[] matrix, int[] rows) {
    float[] out = new float[rows.length * numClasses];
    for (int from = 0; from < rows.length; from += BLOCK) {
      int n = Math.min(BLOCK, rows.length - from);
      scoreBlock(matrix, rows, from, n);
      for (int b = 0; b < n; b++) {
        for (int k = 0; k < numClasses; k++) {
          out[(from + b) * numClasses + k] = total(k, b);
        }
      }
    }
    return out;
  }

  private static int[] consecutive(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /** The eligible class of highest score for block sample b; the lowest index wins a tie. */
  private int pick(int b) {
    int best = SldaWeights.NO_CLASS;
    float bestScore = 0;
    for (int k = 0; k < numClasses; k++) {
      if (!eligible[k]) {
        continue;
      }
      float s = total(k, b);
      if (best == SldaWeights.NO_CLASS || s > bestScore) {
        best = k;
        bestScore = s;
      }
    }
    return best;
  }

  private float total(int k, int b) {
    int p = 4 * k;
    return ((partial[p][b] + partial[p + 1][b]) + (partial[p + 2][b] + partial[p + 3][b]))
        + bias[k];
  }

  /** Fills the partial sums of every class for samples {@code rows[from .. from + n)}. */
  private void scoreBlock(float[] matrix, int[] rows, int from, int n) {
    transpose(matrix, rows, from, n);
    for (float[] p : partial) {
      Arrays.fill(p, 0, n, 0f);
    }
    for (int k = 0; k < numClasses; k++) {
      accumulateClass(k, n);
    }
  }

  private void accumulateClass(int k, int n) {
    float[] s0 = partial[4 * k];
    float[] s1 = partial[4 * k + 1];
    float[] s2 = partial[4 * k + 2];
    float[] s3 = partial[4 * k + 3];
    int row = k * dim;
    int j = 0;
    for (; j + 3 < dim; j += 4) {
      axpy(s0, weights[row + j], columns[j], n);
      axpy(s1, weights[row + j + 1], columns[j + 1], n);
      axpy(s2, weights[row + j + 2], columns[j + 2], n);
      axpy(s3, weights[row + j + 3], columns[j + 3], n);
    }
    for (; j < dim; j++) {
      axpy(s0, weights[row + j], columns[j], n);
    }
  }

  /** {@code s[b] += w * x[b]} for b below n; the loop C2 vectorises. */
  private static void axpy(float[] s, float w, float[] x, int n) {
    for (int b = 0; b < n; b++) {
      s[b] += w * x[b];
    }
  }

  private void transpose(float[] matrix, int[] rows, int from, int n) {
    for (int b = 0; b < n; b++) {
      int r = rows[from + b];
      long offset = (long) r * dim;
      if (r < 0 || offset + dim > matrix.length) {
        throw new IndexOutOfBoundsException(
            "row " + r + " of a matrix of " + matrix.length / dim + " rows of " + dim);
      }
      for (int j = 0; j < dim; j++) {
        columns[j][b] = matrix[(int) offset + j];
      }
    }
  }
}
