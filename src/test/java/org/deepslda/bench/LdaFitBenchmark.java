package org.deepslda.bench;

import java.nio.FloatBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.deepslda.lda.Blas;
import org.deepslda.lda.SldaOptions;
import org.deepslda.lda.SldaWeights;
import org.deepslda.lda.StreamingLda;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the SLDA fit at the ResNet-18 size (d = 512, C = 50), every score in samples (rows)
 * per second:
 *
 * <ul>
 *   <li>{@code blockFit}: {@link StreamingLda#fit} on blocks of {@value #BLOCK} samples (plastic
 *       covariance), the product's path;
 *   <li>{@code blockFitFixedCov}: the same with a fixed covariance (means only), so the difference
 *       is the covariance update;
 *   <li>{@code perSampleFused}: the reference equations as a plain Java loop, one rank-1 update of
 *       Sigma per sample in a single pass (multiplying by 1/(t+1));
 *   <li>{@code perSampleSeedLiteral}: the reference as the seed writes it with whole-matrix
 *       operations, each a new d x d array (v v^T, its scaling, t Sigma, the sum, the division);
 *   <li>{@code gemmFloor}: one plain {@code sgemm} X^T X of the same block (n x 512), the floor for
 *       the covariance update; its GFLOP/s is samples/s x 2 d^2.
 * </ul>
 *
 * Run with {@code bench/lda.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xss4m", "-Xmx4g"})
public class LdaFitBenchmark {
  static final int DIM = 512;
  static final int CLASSES = 50;
  static final int BLOCK = 4096;
  static final int PER_SAMPLE = 32;

  private float[] x;
  private int[] y;
  private StreamingLda plastic;
  private StreamingLda fixedCov;
  private PerSampleReference reference;
  private FloatBuffer xDirect;
  private FloatBuffer gram;
  private SldaWeights weights;
  private int solves;

  @Setup
  public void setUp() {
    Random r = new Random(42);
    x = new float[BLOCK * DIM];
    y = new int[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      y[i] = r.nextInt(CLASSES);
      for (int j = 0; j < DIM; j++) {
        x[i * DIM + j] = (float) (r.nextGaussian() + y[i] % 7);
      }
    }
    plastic = new StreamingLda(SldaOptions.defaults(DIM, CLASSES));
    fixedCov = new StreamingLda(SldaOptions.defaults(DIM, CLASSES).withPlasticCov(false));
    reference = new PerSampleReference(DIM, CLASSES);
    xDirect = Blas.allocate(BLOCK * DIM);
    xDirect.put(0, x);
    gram = Blas.allocate(DIM * DIM);
    plastic.fit(x, y, BLOCK);
    weights = plastic.weights();
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public long blockFit() {
    plastic.fit(x, y, BLOCK);
    return plastic.numUpdates();
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public long blockFitFixedCov() {
    fixedCov.fit(x, y, BLOCK);
    return fixedCov.numUpdates();
  }

  @Benchmark
  @OperationsPerInvocation(PER_SAMPLE)
  public float perSampleFused() {
    for (int i = 0; i < PER_SAMPLE; i++) {
      reference.learnFused(x, i * DIM, y[i]);
    }
    return reference.sigma[1];
  }

  @Benchmark
  @OperationsPerInvocation(PER_SAMPLE)
  public float perSampleSeedLiteral() {
    for (int i = 0; i < PER_SAMPLE; i++) {
      reference.learnSeedLiteral(x, i * DIM, y[i]);
    }
    return reference.sigma[1];
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public float gemmFloor() {
    Blas.gemmTransposedA(xDirect, xDirect, BLOCK, DIM, DIM, gram);
    return gram.get(1);
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public int predict() {
    int sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += weights.predict(x, i * DIM);
    }
    return sum;
  }

  /** Alternates the shrinkage so that every call recomputes the weights. */
  @Benchmark
  public SldaWeights weightsSolve() {
    plastic.setShrinkage(++solves % 2 == 0 ? 1e-4 : 2e-4);
    return plastic.weights();
  }
}
