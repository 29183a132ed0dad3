package org.deepslda.bench;

import java.nio.FloatBuffer;
import java.util.Locale;
import java.util.Random;
import org.deepslda.lda.Blas;
import org.deepslda.lda.SldaOptions;
import org.deepslda.lda.StreamingLda;

/**
 * The SLDA fit at the size of a full CORe50 stream, for {@code bench/run-all.sh}: n samples
 * (default 120,000) of d = 512 Gaussian features in C = 50 classes, fed as NC-sized training
 * batches of {@value #BATCH} samples. Unlike {@link LdaFitBenchmark} (JMH, one 4,096-sample
 * block) it times the whole stream once per repeat, so a repeat is a full pass of the product's
 * path.
 *
 * <p>Prints one tab-separated line per measurement, {@code name samples seconds}, best of the
 * repeats (the machine is shared, so the best is the least disturbed):
 *
 * <ul>
 *   <li>{@code block_fit}: {@link StreamingLda#fit} once per batch, plastic covariance;
 *   <li>{@code gemm_floor}: one plain {@code sgemm} X^T X per batch of the same size (the
 *       covariance update's floor, 2 d^2 flops per sample);
 *   <li>{@code per_sample_fused}, {@code per_sample_seed_literal}: the reference equations one
 *       sample at a time ({@link PerSampleReference}) over the first samples of the stream only,
 *       because at ~1,000-10,000 samples/s the whole stream would take minutes.
 * </ul>
 *
 * <p>Usage: {@code FitBench [n] [fused samples] [literal samples] [repeats]}.
 */
public final class FitBench {
  static final int DIM = 512;
  static final int CLASSES = 50;
  static final int BATCH = 12_000;

  private FitBench() {}

  public static void main(String[] args) {
    int n = arg(args, 0, 120_000);
    int fused = arg(args, 1, 4_000);
    int literal = arg(args, 2, 400);
    int repeats = arg(args, 3, 2);
    float[][] xs = new float[(n + BATCH - 1) / BATCH][];
    int[][] ys = new int[xs.length][];
    draw(n, xs, ys);

    report("block_fit", n, best(repeats, () -> blockFit(xs, ys)));
    report("gemm_floor", n, best(repeats, () -> gemmFloor(xs)));
    report("per_sample_fused", fused, best(repeats, () -> perSample(xs[0], ys[0], fused, true)));
    report(
        "per_sample_seed_literal",
        literal,
        best(repeats, () -> perSample(xs[0], ys[0], literal, false)));
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }

  /** Fills the batches with features whose mean depends on the class, labels uniform. */
  private static void draw(int n, float[][] xs, int[][] ys) {
    Random r = new Random(42);
    for (int b = 0; b < xs.length; b++) {
      int rows = Math.min(BATCH, n - b * BATCH);
      xs[b] = new float[rows * DIM];
      ys[b] = new int[rows];
      for (int i = 0; i < rows; i++) {
        ys[b][i] = r.nextInt(CLASSES);
        for (int j = 0; j < DIM; j++) {
          xs[b][i * DIM + j] = (float) (r.nextGaussian() + ys[b][i] % 7);
        }
      }
    }
  }

  /** A fresh model fitted on every batch in order; returns seconds. */
  private static double blockFit(float[][] xs, int[][] ys) {
    StreamingLda lda = new StreamingLda(SldaOptions.defaults(DIM, CLASSES));
    long t0 = System.nanoTime();
    for (int b = 0; b < xs.length; b++) {
      lda.fit(xs[b], ys[b], ys[b].length);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** X^T X of each batch's rows with plain sgemm; the copy into native memory is not timed. */
  private static double gemmFloor(float[][] xs) {
    FloatBuffer a = Blas.allocate(BATCH * DIM);
    FloatBuffer gram = Blas.allocate(DIM * DIM);
    double seconds = 0;
    for (float[] x : xs) {
      a.put(0, x);
      long t0 = System.nanoTime();
      Blas.gemmTransposedA(a, a, x.length / DIM, DIM, DIM, gram);
      seconds += (System.nanoTime() - t0) / 1e9;
    }
    return seconds;
  }

  private static double perSample(float[] x, int[] y, int count, boolean fusedForm) {
    PerSampleReference ref = new PerSampleReference(DIM, CLASSES);
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      if (fusedForm) {
        ref.learnFused(x, i * DIM, y[i]);
      } else {
        ref.learnSeedLiteral(x, i * DIM, y[i]);
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Runs once untimed (JIT and native warm-up), then keeps the fastest of the repeats. */
  private static double best(int repeats, java.util.function.DoubleSupplier run) {
    run.getAsDouble();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < repeats; i++) {
      best = Math.min(best, run.getAsDouble());
    }
    return best;
  }

  private static void report(String name, int samples, double seconds) {
    System.out.printf(Locale.ROOT, "%s\t%d\t%.6f%n", name, samples, seconds);
  }
}
