package org.deepslda.lda;

import org.deepslda.common.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deep Streaming LDA (Hayes and Kanan, CVPRW 2020), trained on the driver one block of the stream
 * at a time. State: class means mu (C x d), counts c (C), shared covariance Sigma (d x d) and the
 * update count t; initially mu = 0, c = 0, Sigma = all ones, t = 0, as in the reference. Per sample
 * (z, y) in stream order the reference does
 *
 * <pre>
 *   if plastic:  v = z - mu_y;  Sigma = (t Sigma + t/(t+1) v v^T) / (t+1)
 *   mu_y += (z - mu_y) / (c_y + 1);  c_y += 1;  t += 1
 * </pre>
 *
 * with mu_y taken before this sample's update (0 for a new class) and t counting all samples.
 * {@link #fit} produces the same state from a whole block at once (see {@link BlockFit}): the means
 * bit for bit, Sigma up to float32 rounding.
 *
 * <p>Scoring goes through {@link #weights()}, computed in double precision and cached until the
 * model next changes. Not thread-safe: one stream, one thread.
 */
public final class StreamingLda {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingLda.class);

  private SldaOptions options;
  private final LdaState state;
  private final BlockFit blockFit;
  private SldaWeights cachedWeights;

  /** A model in the reference's initial state. */
  public StreamingLda(SldaOptions options) {
    this(options, LdaState.initial(options.dim(), options.numClasses()));
  }

  private StreamingLda(SldaOptions options, LdaState state) {
    this.options = options;
    this.state = state;
    this.blockFit = new BlockFit(options.dim());
  }

  /** A model with the given statistics (arrays are taken, not copied), for checkpoint loading. */
  static StreamingLda restore(
      SldaOptions options, float[] means, long[] counts, float[] sigma, long numUpdates) {
    LdaState s =
        new LdaState(options.dim(), options.numClasses(), means, counts, sigma, numUpdates);
    return new StreamingLda(options, s);
  }

  /**
   * Learns a block of n samples, in order, exactly as n per-sample reference updates would. The
   * whole block is validated before the model changes.
   *
   * @param x n x d features, row-major
   * @param y n labels in 0..C-1
   * @throws BadInputException on a wrong length, a non-finite feature or a label out of range,
   *     naming the sample; the model is then unchanged
   */
  public void fit(float[] x, int[] y, int n) {
    BlockCheck.check(x, y, n, dim(), numClasses());
    if (n == 0) {
      return;
    }
    blockFit.fit(state, x, y, n, options.plasticCov());
    cachedWeights = null;
  }

  /**
   * Optional base initialisation (Deep SLDA's {@code fit_base}) from a first block: the means and
   * counts of the classes in it, t = n, and Sigma the OAS shrinkage estimate of the class-centred
   * block (see {@link Oas}). Classes absent from the block keep mean 0 and count 0. Must be the
   * model's first update.
   *
   * @param x n x d features, row-major, n &gt;= 1
   * @param y n labels in 0..C-1
   * @throws IllegalStateException if the model has been fitted already
   * @throws BadInputException on an empty or invalid block; the model is then unchanged
   */
  public void fitBase(float[] x, int[] y, int n) {
    if (state.numUpdates != 0) {
      throw new IllegalStateException(
          "fitBase must be the first update; this model has seen " + state.numUpdates);
    }
    BlockCheck.check(x, y, n, dim(), numClasses());
    if (n == 0) {
      throw new BadInputException("base block: expected at least 1 sample, found 0");
    }
    blockFit.fitBase(state, x, y, n);
    cachedWeights = null;
  }

  /**
   * The classifier for the current state (see {@link WeightsSolver}): computed on the first call
   * after any change (fit, fitBase, a new shrinkage), otherwise the same instance again.
   *
   * @throws BadInputException if the shrunk covariance is not positive definite
   */
  public SldaWeights weights() {
    if (cachedWeights == null) {
      long start = System.nanoTime();
      cachedWeights = WeightsSolver.solve(state, options);
      LOG.debug(
          "SLDA weights for d={} C={} t={} in {} ms",
          dim(),
          numClasses(),
          state.numUpdates,
          (System.nanoTime() - start) / 1_000_000);
    }
    return cachedWeights;
  }

  /** Scores of n samples (x: n x d row-major), n x C row-major; see {@link SldaWeights#score}. */
  public float[] scores(float[] x, int n) {
    BlockCheck.checkFeatures(x, n, dim());
    SldaWeights w = weights();
    float[] out = new float[n * numClasses()];
    for (int i = 0; i < n; i++) {
      System.arraycopy(w.score(x, i * dim()), 0, out, i * numClasses(), numClasses());
    }
    return out;
  }

  /** Predicted class of each of n samples; see {@link SldaWeights#predict}. */
  public int[] predict(float[] x, int n) {
    BlockCheck.checkFeatures(x, n, dim());
    SldaWeights w = weights();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = w.predict(x, i * dim());
    }
    return out;
  }

  /** Class probabilities (softmax of the scores) of n samples, n x C row-major. */
  public float[] probabilities(float[] x, int n) {
    BlockCheck.checkFeatures(x, n, dim());
    SldaWeights w = weights();
    float[] out = new float[n * numClasses()];
    for (int i = 0; i < n; i++) {
      System.arraycopy(w.softmax(x, i * dim()), 0, out, i * numClasses(), numClasses());
    }
    return out;
  }

  /** Uses another shrinkage eps from now on (validated); the next weights() recomputes. */
  public void setShrinkage(double shrinkage) {
    options = options.withShrinkage(shrinkage);
    cachedWeights = null;
  }

  public SldaOptions options() {
    return options;
  }

  public int dim() {
    return state.dim;
  }

  public int numClasses() {
    return state.numClasses;
  }

  /** A copy of the class means mu, C x d row-major. */
  public float[] means() {
    return state.means.clone();
  }

  /** A copy of the per-class sample counts c. */
  public long[] counts() {
    return state.counts.clone();
  }

  /** A copy of the shared covariance Sigma, d x d row-major, symmetric. */
  public float[] covariance() {
    return state.sigma.clone();
  }

  /** Samples learned in all, t (including the base block). */
  public long numUpdates() {
    return state.numUpdates;
  }
}
