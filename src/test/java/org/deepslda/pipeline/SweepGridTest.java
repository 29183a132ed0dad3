package org.deepslda.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepslda.common.BadInputException;
import org.deepslda.data.LabelLevel;
import org.deepslda.data.Scenario;
import org.junit.jupiter.api.Test;

/** Grid parsing, point names and the grid's order. */
class SweepGridTest {
  @Test
  void runs_rangesAndListsMix() {
    assertEquals(List.of(0, 1, 2, 3, 7), SweepGrid.runs(List.of("0-3,7")));
    assertEquals(List.of(5), SweepGrid.runs(List.of("5")));
  }

  @Test
  void runs_reversedRangeNamesFlagAndValue() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> SweepGrid.runs(List.of("5-2")));
    assertTrue(e.getMessage().startsWith("--runs: invalid value '5-2'"), e.getMessage());
  }

  @Test
  void name_usesCanonicalShrinkage() {
    SweepPoint a = new SweepPoint(Scenario.NC, 3, LabelLevel.OBJECT, 1e-4, true, false);
    SweepPoint b = new SweepPoint(Scenario.NICV2_79, 0, LabelLevel.OBJECT, 0.0025, false, true);
    assertEquals("nc-run3-shr1e-4-covplastic-maskoff", a.name());
    assertEquals("nicv2_79-run0-shr2.5e-3-covfixed-maskon", b.name());
    assertEquals("1e0", SweepPoint.shortNumber(1.0));
    assertEquals(List.of(1e-4), SweepGrid.shrinkages(List.of("0.0001")));
  }

  @Test
  void points_scenarioOutermostMaskInnermost() {
    SweepOptions o = new SweepOptions("d", "s", "o", List.of(Scenario.NC, Scenario.NI),
        List.of(0, 1), List.of(1e-4), List.of(true, false), List.of(false, true),
        LabelLevel.OBJECT, 128, false, null, 0);
    List<SweepPoint> points = o.points();
    assertEquals(16, points.size());
    assertEquals("nc-run0-shr1e-4-covplastic-maskoff", points.get(0).name());
    assertEquals("nc-run0-shr1e-4-covplastic-maskon", points.get(1).name());
    assertEquals("ni-run1-shr1e-4-covfixed-maskon", points.get(15).name());
  }
}
