package org.deepslda.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The batch structure of each scenario on the default (CORe50-sized) synthetic object set. */
class SynthScenariosTest {
  private static final SynthScenarios CORE50_SIZED =
      new SynthScenarios(SynthOptions.builder("/unused").frames(1).build());

  @Test
  void ncSizes_firstBatchTakesMoreLikeCore50() {
    assertArrayEquals(new int[] {10, 5, 5, 5, 5, 5, 5, 5, 5}, SynthScenarios.ncSizes(50));
    assertArrayEquals(new int[] {2, 1, 1, 1, 1, 1, 1, 1, 1}, SynthScenarios.ncSizes(10));
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, SynthScenarios.ncSizes(9));
    assertArrayEquals(new int[] {7, 3, 3, 3, 3, 3, 3, 3, 3}, SynthScenarios.ncSizes(31));
  }

  @Test
  void everyScenarioFitsFiftyObjects() {
    for (Scenario s : Scenario.values()) {
      for (LabelLevel level : LabelLevel.values()) {
        assertNull(CORE50_SIZED.skipReason(s, level), s + " " + level);
        List<List<ImageRecord>> batches = CORE50_SIZED.batches(s, level, 3);
        assertEquals(s.batches(), batches.size(), s + " " + level);
        assertEquals(400, batches.stream().mapToInt(List::size).sum(), s + " " + level);
      }
    }
  }

  @Test
  void nicV2_firstBatchTenObjectsOfOneSessionThenEqualVideoBatches() {
    List<List<ImageRecord>> b = CORE50_SIZED.batches(Scenario.NICV2_196, LabelLevel.OBJECT, 0);
    Set<Integer> sessions = new HashSet<>();
    b.get(0).forEach(r -> sessions.add(Core50Name.parse(r.path()).session()));
    assertEquals(1, sessions.size());
    assertEquals(10, b.get(0).size());
    for (int i = 1; i < b.size(); i++) {
      assertEquals(2, b.get(i).size(), "batch " + i);
    }
    assertEquals(1, CORE50_SIZED.batches(Scenario.NICV2_391, LabelLevel.OBJECT, 0).get(5).size());
  }

  @Test
  void ni_oneTrainingSessionPerBatchWithAllClasses() {
    List<List<ImageRecord>> b = CORE50_SIZED.batches(Scenario.NI, LabelLevel.CATEGORY, 1);
    Set<Integer> seenSessions = new HashSet<>();
    for (List<ImageRecord> batch : b) {
      Set<Integer> sessions = new HashSet<>();
      Set<Integer> labels = new HashSet<>();
      batch.forEach(
          r -> {
            sessions.add(Core50Name.parse(r.path()).session());
            labels.add(r.label());
          });
      assertEquals(1, sessions.size());
      assertTrue(seenSessions.addAll(sessions));
      assertEquals(10, labels.size());
    }
    assertEquals(Set.copyOf(SynthScenarios.TRAIN_SESSIONS), seenSessions);
  }

  @Test
  void labels_objectLabelsAreCompactWhenCategoriesHoldFewerObjects() {
    SynthScenarios three =
        new SynthScenarios(
            SynthOptions.builder("/unused").categories(4).objectsPerCategory(3).frames(1).build());
    Set<Integer> objects = new HashSet<>();
    three.test(LabelLevel.OBJECT).forEach(r -> objects.add(r.label()));
    assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), objects);
    for (ImageRecord r : three.test(LabelLevel.CATEGORY)) {
      assertEquals(Core50Name.parse(r.path()).category(), r.label(), r.path());
    }
  }
}
