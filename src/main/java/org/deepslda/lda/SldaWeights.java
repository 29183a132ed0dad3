package org.deepslda.lda;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The linear classifier a fitted model reduces to: {@code score_k(z) = w_k . z + b_k} with {@code
 * w_k = Lambda mu_k} and {@code b_k = -1/2 mu_k . Lambda mu_k}. Pure Java and serializable, so
 * Spark broadcasts it to executors that need no native library.
 *
 * <p>Deterministic: every score is summed in the same fixed order in float32 on every JVM, so the
 * driver and all executors agree bit for bit. Immutable: the arrays are copied in and out.
 *
 * @param dim feature dimension d
 * @param numClasses number of classes C
 * @param weights C x d row-major; row k is w_k
 * @param bias C values b_k
 * @param seen C flags: class k had at least one training sample
 * @param maskUnseen whether {@link #predict} and {@link #softmax} ignore classes not seen
 */
public record SldaWeights(
    int dim, int numClasses, float[] weights, float[] bias, boolean[] seen, boolean maskUnseen)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What {@link #predict} returns when unseen classes are masked and no class was seen. */
  public static final int NO_CLASS = -1;

  public SldaWeights {
    if (dim < 1 || numClasses < 1) {
      throw new IllegalArgumentException(
          "dim and numClasses must be positive, found " + dim + " and " + numClasses);
    }
    checkLength("weights", weights.length, (long) numClasses * dim);
    checkLength("bias", bias.length, numClasses);
    checkLength("seen", seen.length, numClasses);
    weights = weights.clone();
    bias = bias.clone();
    seen = seen.clone();
  }

  private static void checkLength(String name, int found, long expected) {
    if (found != expected) {
      throw new IllegalArgumentException(
          name + ": expected " + expected + " values, found " + found);
    }
  }

  @Override
  public float[] weights() {
    return weights.clone();
  }

  @Override
  public float[] bias() {
    return bias.clone();
  }

  @Override
  public boolean[] seen() {
    return seen.clone();
  }

  /** Whether class k may be predicted: always, unless it is unseen and unseen are masked. */
  public boolean eligible(int k) {
    return seen[k] || !maskUnseen;
  }

  /**
   * The C raw scores of the sample {@code x[offset .. offset + d)}. Unseen classes keep their raw
   * score (0 when their mean is 0) even when masked; masking acts in predict and softmax.
   */
  public float[] score(float[] x, int offset) {
    checkSample(x, offset);
    float[] out = new float[numClasses];
    for (int k = 0; k < numClasses; k++) {
      out[k] = scoreOf(k, x, offset);
    }
    return out;
  }

  /**
   * The index of the highest score among eligible classes; the lowest index wins a tie.
   *
   * @return a class in 0..C-1, or {@link #NO_CLASS} if unseen classes are masked and none was seen
   */
  public int predict(float[] x, int offset) {
    checkSample(x, offset);
    int best = NO_CLASS;
    float bestScore = 0;
    for (int k = 0; k < numClasses; k++) {
      if (!eligible(k)) {
        continue;
      }
      float s = scoreOf(k, x, offset);
      if (best == NO_CLASS || s > bestScore) {
        best = k;
        bestScore = s;
      }
    }
    return best;
  }

  /**
   * A scorer for many samples that gives exactly {@link #predict}'s answers, several times faster
   * (see {@link BlockScorer}). Build one per thread: it holds scratch space.
   */
  public BlockScorer scorer() {
    return new BlockScorer(this);
  }

  /**
   * Softmax of the scores over the eligible classes (computed in double, shifted by the maximum
   * score); masked classes get probability 0. All zeros if no class is eligible.
   */
  public float[] softmax(float[] x, int offset) {
    float[] scores = score(x, offset);
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < numClasses; k++) {
      if (eligible(k)) {
        max = Math.max(max, scores[k]);
      }
    }
    double[] e = new double[numClasses];
    double sum = 0;
    for (int k = 0; k < numClasses; k++) {
      e[k] = eligible(k) ? Math.exp(scores[k] - max) : 0;
      sum += e[k];
    }
    float[] p = new float[numClasses];
    for (int k = 0; k < numClasses && sum > 0; k++) {
      p[k] = (float) (e[k] / sum);
    }
    return p;
  }

  /** w_k . x + b_k in float32, four interleaved partial sums, fixed order. */
  private float scoreOf(int k, float[] x, int offset) {
    int row = k * dim;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int j = 0;
    for (; j + 3 < dim; j += 4) {
      s0 += weights[row + j] * x[offset + j];
      s1 += weights[row + j + 1] * x[offset + j + 1];
      s2 += weights[row + j + 2] * x[offset + j + 2];
      s3 += weights[row + j + 3] * x[offset + j + 3];
    }
    for (; j < dim; j++) {
      s0 += weights[row + j] * x[offset + j];
    }
    return ((s0 + s1) + (s2 + s3)) + bias[k];
  }

  private void checkSample(float[] x, int offset) {
    if (offset < 0 || offset > x.length - dim) {
      throw new IndexOutOfBoundsException(
          "sample at offset "
              + offset
              + " needs "
              + dim
              + " features, the array holds "
              + x.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SldaWeights w
        && dim == w.dim
        && numClasses == w.numClasses
        && maskUnseen == w.maskUnseen
        && Arrays.equals(weights, w.weights)
        && Arrays.equals(bias, w.bias)
        && Arrays.equals(seen, w.seen);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(weights) + Arrays.hashCode(bias);
  }

  @Override
  public String toString() {
    return "SldaWeights[d=" + dim + ", C=" + numClasses + ", maskUnseen=" + maskUnseen + "]";
  }
}
