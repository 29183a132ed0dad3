package org.deepslda.lda;

import java.util.Random;

/** Random labelled feature streams for tests; deterministic per seed. */
final class TestStreams {
  final float[] x;
  final int[] y;
  final int n;

  private TestStreams(float[] x, int[] y, int n) {
    this.x = x;
    this.y = y;
    this.n = n;
  }

  /**
   * n samples of dimension d over C classes. Classes enter the stream one after another at random
   * points (so new classes arrive in the middle of blocks), each around its own centre.
   */
  static TestStreams random(long seed, int n, int dim, int numClasses) {
    Random r = new Random(seed);
    float[] centres = new float[numClasses * dim];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) (3 * r.nextGaussian());
    }
    float[] x = new float[n * dim];
    int[] y = new int[n];
    int open = 1;
    for (int i = 0; i < n; i++) {
      if (open < numClasses && r.nextInt(4) == 0) {
        open++;
      }
      y[i] = r.nextInt(open);
      for (int j = 0; j < dim; j++) {
        x[i * dim + j] = centres[y[i] * dim + j] + (float) r.nextGaussian();
      }
    }
    return new TestStreams(x, y, n);
  }

  float[] rows(int from, int to, int dim) {
    float[] out = new float[(to - from) * dim];
    System.arraycopy(x, from * dim, out, 0, out.length);
    return out;
  }

  int[] labels(int from, int to) {
    int[] out = new int[to - from];
    System.arraycopy(y, from, out, 0, out.length);
    return out;
  }
}
