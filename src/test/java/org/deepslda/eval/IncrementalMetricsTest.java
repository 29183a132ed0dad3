package org.deepslda.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics on small hand-made confusion matrices whose answers are worked out by hand. */
class IncrementalMetricsTest {
  /** Rows are the true class, columns the prediction; 3 classes. */
  private static final Confusion AFTER_1 =
      Confusion.of(new long[][] {{4, 0, 0}, {4, 0, 0}, {2, 0, 0}});

  private static final Confusion AFTER_2 =
      Confusion.of(new long[][] {{2, 2, 0}, {1, 3, 0}, {0, 2, 0}});

  private static final Confusion AFTER_3 =
      Confusion.of(new long[][] {{1, 1, 2}, {0, 3, 1}, {0, 0, 2}});

  @Test
  void confusion_accuracyAndPerClassAccuracy() {
    assertEquals(10, AFTER_2.total());
    assertEquals(5, AFTER_2.correct());
    assertEquals(0.5, AFTER_2.accuracy(), 1e-12);
    assertArrayEquals(new double[] {0.5, 0.75, 0.0}, AFTER_2.perClassAccuracy(), 1e-12);
  }

  @Test
  void confusion_classWithoutTestSamplesHasNoAccuracy() {
    Confusion c = Confusion.of(new long[][] {{1, 0}, {0, 0}});
    assertTrue(Double.isNaN(c.perClassAccuracy()[1]));
    assertEquals(1.0, c.accuracy(), 1e-12);
  }

  @Test
  void confusion_mergeAddsCountsWhateverTheSplit() {
    Confusion a = new Confusion(3);
    a.add(0, 0);
    a.add(1, 1);
    Confusion b = new Confusion(3);
    b.add(0, 0);
    b.add(2, 1);
    Confusion whole = new Confusion(3);
    whole.add(0, 0);
    whole.add(0, 0);
    whole.add(1, 1);
    whole.add(2, 1);
    assertEquals(whole, a.merge(b));
    assertThrows(IllegalArgumentException.class, () -> a.merge(new Confusion(2)));
  }

  @Test
  void metrics_accuraciesAndMeanIncrementalAccuracy() {
    IncrementalMetrics m = new IncrementalMetrics(List.of(AFTER_1, AFTER_2, AFTER_3));
    assertEquals(List.of(0.4, 0.5, 0.6), m.accuracies());
    assertEquals(0.5, m.meanIncrementalAccuracy(), 1e-12);
  }

  @Test
  void metrics_forgettingIsBestEarlierMinusFinal() {
    IncrementalMetrics m = new IncrementalMetrics(List.of(AFTER_1, AFTER_2, AFTER_3));
    // class 0: best before the last 1.0 (batch 1), final 0.25 -> 0.75
    // class 1: best before the last 0.75 (batch 2), final 0.75 -> 0
    // class 2: best before the last 0.0, final 1.0 -> -1 (learned late: negative forgetting)
    assertArrayEquals(new double[] {0.75, 0.0, -1.0}, m.forgetting(), 1e-12);
    assertEquals((0.75 + 0.0 - 1.0) / 3, m.meanForgetting(), 1e-12);
  }

  @Test
  void metrics_forgettingUndefinedForOneBatch() {
    IncrementalMetrics m = new IncrementalMetrics(List.of(AFTER_2));
    assertTrue(Double.isNaN(m.forgetting()[0]));
    assertTrue(Double.isNaN(m.meanForgetting()));
  }

  @Test
  void metrics_needAtLeastOneBatch() {
    assertThrows(IllegalArgumentException.class, () -> new IncrementalMetrics(List.of()));
  }
}
