package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad blocks are refused with a message naming the sample, and leave the model as it was. */
class StreamingLdaValidationTest {
  private StreamingLda model;
  private SldaWeights weightsBefore;

  @BeforeEach
  void fittedModel() {
    model = new StreamingLda(SldaOptions.defaults(2, 3));
    model.fit(new float[] {1, 2, 3, 4, 5, 7}, new int[] {0, 1, 0}, 3);
    weightsBefore = model.weights();
  }

  private void assertRefusedUnchanged(String message, Executable fit) {
    float[] means = model.means();
    long[] counts = model.counts();
    float[] sigma = model.covariance();

    BadInputException e = assertThrows(BadInputException.class, fit);

    assertEquals(message, e.getMessage());
    assertArrayEquals(means, model.means());
    assertArrayEquals(counts, model.counts());
    assertArrayEquals(sigma, model.covariance());
    assertEquals(3, model.numUpdates());
    assertSame(weightsBefore, model.weights());
  }

  @Test
  void fit_wrongFeatureLength() {
    assertRefusedUnchanged(
        "features: expected n x d = 2 x 2 = 4 values, found 3",
        () -> model.fit(new float[3], new int[2], 2));
  }

  @Test
  void fit_wrongLabelCount() {
    assertRefusedUnchanged(
        "labels: expected 2 values (one per sample), found 3",
        () -> model.fit(new float[4], new int[3], 2));
  }

  @Test
  void fit_negativeBlockSize() {
    assertRefusedUnchanged(
        "block size: expected n >= 0, found -1", () -> model.fit(new float[0], new int[0], -1));
  }

  @Test
  void fit_nanInLastSample_namesSampleAndColumn() {
    float[] x = {1, 1, 2, 2, 3, Float.NaN};

    assertRefusedUnchanged(
        "features of sample 2, column 1: expected a finite value, found NaN",
        () -> model.fit(x, new int[] {0, 1, 2}, 3));
  }

  @Test
  void fit_infiniteFeature() {
    float[] x = {Float.NEGATIVE_INFINITY, 1};

    assertRefusedUnchanged(
        "features of sample 0, column 0: expected a finite value, found -Infinity",
        () -> model.fit(x, new int[] {0}, 1));
  }

  @Test
  void fit_labelTooLarge_namesSampleAndValue() {
    assertRefusedUnchanged(
        "label of sample 1: expected a class in 0..2, found 3",
        () -> model.fit(new float[4], new int[] {0, 3}, 2));
  }

  @Test
  void fit_negativeLabel() {
    assertRefusedUnchanged(
        "label of sample 0: expected a class in 0..2, found -1",
        () -> model.fit(new float[4], new int[] {-1, 0}, 2));
  }

  @Test
  void fitBase_badLabelLeavesModelInitial() {
    StreamingLda fresh = new StreamingLda(SldaOptions.defaults(1, 2));

    BadInputException e =
        assertThrows(
            BadInputException.class, () -> fresh.fitBase(new float[] {1, 2}, new int[] {0, 2}, 2));

    assertEquals("label of sample 1: expected a class in 0..1, found 2", e.getMessage());
    assertEquals(0, fresh.numUpdates());
    assertArrayEquals(new float[] {1}, fresh.covariance());
  }

  @Test
  void scores_wrongLength() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> model.scores(new float[5], 2));

    assertEquals("features: expected n x d = 2 x 2 = 4 values, found 5", e.getMessage());
  }

  @Test
  void predict_nanFeature() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> model.predict(new float[] {0, Float.NaN}, 1));

    assertEquals(
        "features of sample 0, column 1: expected a finite value, found NaN", e.getMessage());
  }
}
