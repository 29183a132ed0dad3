package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sigma is compared within float32 rounding: the block update weights rows by sqrt(w_i). */
class StreamingLdaFitTest {
  private static StreamingLda model(int d, int c, boolean plastic) {
    return new StreamingLda(SldaOptions.defaults(d, c).withPlasticCov(plastic));
  }

  @Test
  void initialState_isReferenceStart() {
    StreamingLda m = model(3, 2, true);

    assertArrayEquals(new float[6], m.means());
    assertArrayEquals(new long[2], m.counts());
    float[] ones = new float[9];
    Arrays.fill(ones, 1f);
    assertArrayEquals(ones, m.covariance());
    assertEquals(0, m.numUpdates());
  }

  @Test
  void fit_firstSampleEverZeroesTheAllOnesCovariance() {
    StreamingLda m = model(2, 2, true);

    m.fit(new float[] {5, -3}, new int[] {1}, 1);

    // t = 0: Sigma <- (0 * ones + 0 * v v^T) / 1
    assertArrayEquals(new float[4], m.covariance());
    assertArrayEquals(new float[] {0, 0, 5, -3}, m.means());
  }

  @Test
  void fit_newClassUsesZeroMean() {
    StreamingLda m = model(2, 2, true);

    m.fit(new float[] {1, 1, 2, 0}, new int[] {0, 1}, 2);

    // sample 1 (class 1, new): v = (2,0) - 0, w = 1/2, Sigma = (1 * 0 + v v^T / 2) / 2
    assertArrayEquals(new float[] {1, 0, 0, 0}, m.covariance(), 1e-6f);
  }

  @Test
  void fit_twoSamplesTwoClasses_handComputedCovariance() {
    StreamingLda m = model(2, 2, true);

    m.fit(new float[] {1, 2}, new int[] {0}, 1);
    m.fit(new float[] {3, -1}, new int[] {1}, 1);

    // v = (3, -1), t = 1: Sigma = (0 + 1/2 v v^T) / 2 = v v^T / 4
    assertArrayEquals(new float[] {2.25f, -0.75f, -0.75f, 0.25f}, m.covariance(), 1e-6f);
    assertArrayEquals(new float[] {1, 2, 3, -1}, m.means());
    assertArrayEquals(new long[] {1, 1}, m.counts());
    assertEquals(2, m.numUpdates());
  }

  @Test
  void fit_countsAllUpdatesNotPerClass() {
    StreamingLda m = model(2, 2, true);

    m.fit(new float[] {1, 0, 0, 2, 3, 0}, new int[] {0, 1, 0}, 3);

    // third sample: v = (3,0) - mu_0 = (2,0) with t = 2 (not class 0's count 1):
    // Sigma = (2 * diag(0, 1) + 2/3 v v^T) / 3 = diag(8/9, 2/3)
    float[] s = m.covariance();
    assertEquals(8.0 / 9, s[0], 1e-6);
    assertEquals(2.0 / 3, s[3], 1e-6);
    assertEquals(0, s[1]);
    assertArrayEquals(new float[] {2, 0, 0, 2}, m.means());
  }

  @Test
  void fit_usesMeanBeforeThisSamplesUpdate() {
    StreamingLda m = model(1, 1, true);

    m.fit(new float[] {0, 4}, new int[] {0, 0}, 2);

    // v = 4 - mu_0(before) = 4 - 0 = 4; with the updated mean (2) it would be 2 -> 1, not 4
    assertEquals(4f, m.covariance()[0], 1e-6f);
  }

  @Test
  void fit_fixedCovLeavesSigmaUnchanged() {
    StreamingLda m = model(3, 2, false);
    TestStreams s = TestStreams.random(7, 50, 3, 2);

    m.fit(s.x, s.y, s.n);

    float[] ones = new float[9];
    Arrays.fill(ones, 1f);
    assertArrayEquals(ones, m.covariance());
    assertEquals(50, m.numUpdates());
    assertEquals(50, Arrays.stream(m.counts()).sum());
  }

  @Test
  void fit_emptyBlockChangesNothing() {
    StreamingLda m = model(2, 2, true);
    m.fit(new float[] {1, 2, 3, 4}, new int[] {0, 1}, 2);
    float[] before = m.covariance();

    m.fit(new float[0], new int[0], 0);

    assertArrayEquals(before, m.covariance());
    assertEquals(2, m.numUpdates());
  }

  @Test
  void fit_randomStreamsMatchPerSampleReference() {
    Random r = new Random(2024);
    for (int seed = 0; seed < 80; seed++) {
      int d = 1 + r.nextInt(6);
      int c = 1 + r.nextInt(5);
      boolean plastic = seed % 4 != 3;
      int n = 1 + r.nextInt(120);
      TestStreams s = TestStreams.random(seed, n, d, c);
      StreamingLda m = model(d, c, plastic);
      ReferenceSlda ref = new ReferenceSlda(d, c, plastic);
      for (int from = 0; from < n; ) {
        int to = Math.min(n, from + blockSize(r, seed));
        m.fit(s.rows(from, to, d), s.labels(from, to), to - from);
        from = to;
      }
      ref.learnAll(s.x, s.y, n);
      assertMatches(ref, m, "seed " + seed + " d=" + d + " C=" + c + " n=" + n);
    }
  }

  /** Blocks of 1, blocks of all, and random sizes in between. */
  private static int blockSize(Random r, int seed) {
    switch (seed % 3) {
      case 0:
        return 1;
      case 1:
        return Integer.MAX_VALUE / 2;
      default:
        return 1 + r.nextInt(40);
    }
  }

  @Test
  void fit_blockLongerThanOneChunkMatchesReference() {
    int d = 3;
    int n = 2 * BlockFit.CHUNK_ROWS + 37;
    TestStreams s = TestStreams.random(99, n, d, 4);
    StreamingLda m = model(d, 4, true);
    ReferenceSlda ref = new ReferenceSlda(d, 4, true);

    m.fit(s.rows(0, 5, d), s.labels(0, 5), 5);
    m.fit(s.rows(5, n, d), s.labels(5, n), n - 5);
    ref.learnAll(s.x, s.y, n);

    assertMatches(ref, m, "chunked block");
  }

  static void assertMatches(ReferenceSlda ref, StreamingLda m, String what) {
    assertArrayEquals(ref.counts, m.counts(), what + ": counts");
    assertEquals(ref.t, m.numUpdates(), what + ": t");
    assertArrayEquals(ref.meansFloat32, m.means(), what + ": means (bit for bit)");
    float[] sigma = m.covariance();
    double scale = 1;
    for (double v : ref.sigma) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < sigma.length; i++) {
      assertEquals(ref.sigma[i], sigma[i], 2e-5 * scale, what + ": Sigma[" + i + "]");
    }
    int d = m.dim();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertEquals(sigma[i * d + j], sigma[j * d + i], 0f, what + ": Sigma symmetric");
      }
    }
    assertTrue(ref.t > 0);
  }
}
