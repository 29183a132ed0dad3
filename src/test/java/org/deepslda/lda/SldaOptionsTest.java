package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.Test;

class SldaOptionsTest {
  @Test
  void defaults_matchTheReference() {
    SldaOptions o = SldaOptions.defaults(512, 50);

    assertEquals(new SldaOptions(512, 50, 1e-4, true, false), o);
    assertTrue(o.plasticCov());
    assertFalse(o.maskUnseen());
  }

  private static String refused(double shrinkage) {
    return assertThrows(
            BadInputException.class, () -> new SldaOptions(4, 2, shrinkage, true, false))
        .getMessage();
  }

  @Test
  void shrinkage_outsideUnitIntervalNamesTheFlag() {
    assertEquals("--shrinkage: expected a value in (0, 1], found 0", refused(0));
    assertEquals("--shrinkage: expected a value in (0, 1], found -0.5", refused(-0.5));
    assertEquals("--shrinkage: expected a value in (0, 1], found 1.5", refused(1.5));
    assertEquals("--shrinkage: expected a value in (0, 1], found NaN", refused(Double.NaN));
  }

  @Test
  void shrinkage_oneIsAllowed() {
    assertEquals(1.0, new SldaOptions(4, 2, 1.0, true, false).shrinkage());
  }

  @Test
  void dimensions_mustBePositive() {
    BadInputException dim = assertThrows(BadInputException.class, () -> SldaOptions.defaults(0, 2));
    BadInputException classes =
        assertThrows(BadInputException.class, () -> SldaOptions.defaults(4, 0));

    assertEquals("feature dimension: expected a value in 1..46340, found 0", dim.getMessage());
    assertEquals(
        "number of classes: expected a value in 1..536870911 for dimension 4, found 0",
        classes.getMessage());
  }

  @Test
  void with_changesOneSettingAndValidates() {
    SldaOptions o = SldaOptions.defaults(4, 2);

    assertEquals(0.5, o.withShrinkage(0.5).shrinkage());
    assertFalse(o.withPlasticCov(false).plasticCov());
    assertTrue(o.withMaskUnseen(true).maskUnseen());
    assertThrows(BadInputException.class, () -> o.withShrinkage(2));
  }
}
