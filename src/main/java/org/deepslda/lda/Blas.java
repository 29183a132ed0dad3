package org.deepslda.lda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deepslda.common.EnvironmentException;

/**
 * The two OpenBLAS level-3 calls the model relies on, through the bytedeco bindings that the ND4J
 * dependency brings ({@code org.bytedeco:openblas}). Matrices are row-major float32 in direct
 * buffers (position 0), so the native code reads them in place with no copy.
 *
 * <p>Each call here is checked against a plain Java product in {@code BlasTest}. Not every routine
 * of this OpenBLAS build is correct on every CPU: on the AVX-512 machine this was written on, the
 * double precision Cholesky ({@code LAPACKE_dpotrf}) returns wrong factors for n &gt; 32, which is
 * why {@link Cholesky} is plain Java. Add a call here only with a test.
 *
 * <p>Thread safety: stateless; OpenBLAS may be called from several threads.
 */
public final class Blas {
  private static volatile boolean loaded;

  private Blas() {}

  /**
   * Loads the native library once.
   *
   * @throws EnvironmentException if OpenBLAS cannot be loaded on this platform
   */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    try {
      Loader.load(openblas_nolapack.class);
      loaded = true;
    } catch (LinkageError | RuntimeException e) {
      throw new EnvironmentException(
          "cannot load the OpenBLAS native library (org.bytedeco:openblas for "
              + Loader.getPlatform()
              + "): "
              + e,
          e);
    }
  }

  /** A zeroed native-order direct buffer of {@code size} floats. */
  public static FloatBuffer allocate(int size) {
    return ByteBuffer.allocateDirect(Math.multiplyExact(size, Float.BYTES))
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer();
  }

  /**
   * Rank-k update of the upper triangle: {@code C <- alpha A^T A + beta C}, with A the first {@code
   * k} rows of a k x n row-major matrix and C n x n row-major. The strictly lower triangle of C is
   * neither read nor written (OpenBLAS {@code cblas_ssyrk}, upper, transposed). With {@code beta =
   * 0} C is not read.
   */
  public static void syrkUpper(
      FloatBuffer a, int k, int n, float alpha, float beta, FloatBuffer c) {
    checkSize(a, (long) k * n, "A");
    checkSize(c, (long) n * n, "C");
    ensureLoaded();
    openblas_nolapack.cblas_ssyrk(
        openblas_nolapack.CblasRowMajor,
        openblas_nolapack.CblasUpper,
        openblas_nolapack.CblasTrans,
        n,
        k,
        alpha,
        a,
        n,
        beta,
        c,
        n);
  }

  /**
   * General product {@code C <- A^T B}: A is k x m, B is k x n, C is m x n, all row-major (OpenBLAS
   * {@code cblas_sgemm}, A transposed). With A = B this is the full Gram matrix, the floor the
   * covariance update is measured against.
   */
  public static void gemmTransposedA(
      FloatBuffer a, FloatBuffer b, int k, int m, int n, FloatBuffer c) {
    checkSize(a, (long) k * m, "A");
    checkSize(b, (long) k * n, "B");
    checkSize(c, (long) m * n, "C");
    ensureLoaded();
    openblas_nolapack.cblas_sgemm(
        openblas_nolapack.CblasRowMajor,
        openblas_nolapack.CblasTrans,
        openblas_nolapack.CblasNoTrans,
        m,
        n,
        k,
        1f,
        a,
        m,
        b,
        n,
        0f,
        c,
        n);
  }

  /** Copies the upper triangle of an n x n row-major matrix onto its lower triangle. */
  public static void mirrorUpper(float[] c, int n) {
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        c[i * n + j] = c[j * n + i];
      }
    }
  }

  private static void checkSize(FloatBuffer b, long needed, String name) {
    if (!b.isDirect() || b.position() != 0 || b.capacity() < needed) {
      throw new IllegalArgumentException(
          name
              + ": expected a direct buffer at position 0 with at least "
              + needed
              + " floats, found "
              + (b.isDirect() ? "" : "a heap buffer with ")
              + b.capacity()
              + " floats at position "
              + b.position());
    }
  }
}
