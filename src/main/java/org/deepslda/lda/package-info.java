/**
 * Deep Streaming LDA, the classifier of the pipeline: {@link org.deepslda.lda.StreamingLda}
 * learns class means and one shared covariance from a stream of feature vectors on the driver,
 * {@link org.deepslda.lda.SldaWeights} is what it reduces to for scoring (pure Java,
 * serializable, broadcast to executors), {@link org.deepslda.lda.SldaOptions} configures it and
 * {@link org.deepslda.lda.SldaCheckpoint} stores it as a numpy-readable {@code .npz}.
 *
 * <p>Contract: fitting a stream block by block gives the state of the reference's per-sample
 * loop (Hayes and Kanan, CVPRW 2020, including its initial Sigma of all ones and its t that
 * counts every update): the means and counts exactly, Sigma up to float32 rounding. Scores are
 * bit-identical on every JVM. Only the covariance update calls native code (OpenBLAS {@code
 * ssyrk}, see {@link org.deepslda.lda.Blas}); the precision is solved in plain Java double.
 * Inputs are validated before any state changes; bad input raises {@link
 * org.deepslda.common.BadInputException} naming the sample, array or flag.
 *
 * <p>This package depends only on {@code org.deepslda.common}.
 */
package org.deepslda.lda;
