package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class SldaWeightsTest {
  /** d = 2, C = 3: w_0 = (1, 0), w_1 = (0, 1), w_2 = (1, 1); b = (0, 0, -1). */
  private static SldaWeights weights(boolean[] seen, boolean mask) {
    return new SldaWeights(
        2, 3, new float[] {1, 0, 0, 1, 1, 1}, new float[] {0, 0, -1}, seen, mask);
  }

  private static final boolean[] ALL = {true, true, true};

  @Test
  void score_isDotPlusBiasAtTheOffset() {
    float[] x = {99, 2, 3};

    assertArrayEquals(new float[] {2, 3, 4}, weights(ALL, false).score(x, 1));
  }

  @Test
  void score_sumsEveryFeatureForAnyDimension() {
    for (int d = 1; d < 11; d++) {
      float[] w = new float[d];
      float[] x = new float[d];
      for (int j = 0; j < d; j++) {
        w[j] = j + 1;
        x[j] = 1;
      }
      SldaWeights sw = new SldaWeights(d, 1, w, new float[] {0.5f}, new boolean[] {true}, false);

      assertEquals(d * (d + 1) / 2f + 0.5f, sw.score(x, 0)[0], 0f, "d=" + d);
    }
  }

  @Test
  void predict_firstMaximumWinsTies() {
    // x = (1, 1): scores (1, 1, 1)
    assertEquals(0, weights(ALL, false).predict(new float[] {1, 1}, 0));
    // x = (0, 1): scores (0, 1, 0)
    assertEquals(1, weights(ALL, false).predict(new float[] {0, 1}, 0));
  }

  @Test
  void predict_maskSkipsUnseenOnlyWhenMasking() {
    boolean[] seen = {true, false, true};
    float[] x = {0, 5};

    assertEquals(1, weights(seen, false).predict(x, 0));
    assertEquals(2, weights(seen, true).predict(x, 0));
  }

  @Test
  void predict_noClassWhenAllMaskedAway() {
    SldaWeights w = weights(new boolean[3], true);

    assertEquals(SldaWeights.NO_CLASS, w.predict(new float[] {1, 2}, 0));
    assertArrayEquals(new float[3], w.softmax(new float[] {1, 2}, 0));
  }

  @Test
  void softmax_isNormalisedExponentialOfScores() {
    float[] p = weights(ALL, false).softmax(new float[] {0, 1}, 0);

    double z = 1 + Math.E + 1;
    assertArrayEquals(new float[] {(float) (1 / z), (float) (Math.E / z), (float) (1 / z)}, p);
  }

  @Test
  void softmax_largeScoresDoNotOverflow() {
    SldaWeights w =
        new SldaWeights(
            1, 2, new float[] {1000, 999}, new float[2], new boolean[] {true, true}, false);

    float[] p = w.softmax(new float[] {10}, 0);

    assertEquals(1 / (1 + Math.exp(-10)), p[0], 1e-6);
  }

  @Test
  void score_sampleOutsideArrayIsRefused() {
    IndexOutOfBoundsException e =
        assertThrows(
            IndexOutOfBoundsException.class, () -> weights(ALL, false).score(new float[3], 2));

    assertEquals("sample at offset 2 needs 2 features, the array holds 3", e.getMessage());
  }

  @Test
  void arrays_areCopiedInAndOut() {
    float[] w = {1, 0, 0, 1, 1, 1};
    SldaWeights sw = new SldaWeights(2, 3, w, new float[3], ALL, false);

    w[0] = 100;
    sw.weights()[1] = 100;

    assertArrayEquals(new float[] {1, 0, 0, 1, 1, 1}, sw.weights());
  }

  @Test
  void wrongLengthsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SldaWeights(2, 3, new float[5], new float[3], ALL, false));

    assertEquals("weights: expected 6 values, found 5", e.getMessage());
  }

  @Test
  void javaSerialization_roundTripsToEqualWeights() throws Exception {
    SldaWeights w = weights(new boolean[] {true, false, true}, true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(w);
    }

    Object back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = in.readObject();
    }

    assertEquals(w, back);
    assertEquals(2, ((SldaWeights) back).predict(new float[] {0, 5}, 0));
  }
}
