package org.deepslda.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.Test;

class ScenarioTest {
  @Test
  void parse_acceptsEveryCliNameInAnyCase() {
    assertEquals(Scenario.NI, Scenario.parse("ni"));
    assertEquals(Scenario.NC, Scenario.parse("NC"));
    assertEquals(Scenario.NIC, Scenario.parse("Nic"));
    assertEquals(Scenario.NICV2_79, Scenario.parse("nicv2_79"));
    assertEquals(Scenario.NICV2_196, Scenario.parse("NICv2_196"));
    assertEquals(Scenario.NICV2_391, Scenario.parse("nicv2_391"));
  }

  @Test
  void parse_unknownNameListsTheAllowedValues() {
    BadInputException e = assertThrows(BadInputException.class, () -> Scenario.parse("nicv3"));
    assertTrue(e.getMessage().startsWith("--scenario"), e.getMessage());
    assertTrue(e.getMessage().contains("'nicv3'"), e.getMessage());
    assertTrue(
        e.getMessage().contains("ni, nc, nic, nicv2_79, nicv2_196, nicv2_391"), e.getMessage());
  }

  @Test
  void batches_matchCore50() {
    int[] expected = {8, 9, 79, 79, 196, 391};
    for (Scenario s : Scenario.values()) {
      assertEquals(expected[s.ordinal()], s.batches(), s.name());
      assertEquals(s, Scenario.parse(s.cliName()));
    }
  }

  @Test
  void filelistFolder_nicV2AtTheRootOthersInBatchesFilelists() {
    assertEquals("batches_filelists/NC_inc", Scenario.NC.filelistFolder(LabelLevel.OBJECT));
    assertEquals("batches_filelists/NI_inc_cat", Scenario.NI.filelistFolder(LabelLevel.CATEGORY));
    assertEquals("NIC_v2_79", Scenario.NICV2_79.filelistFolder(LabelLevel.OBJECT));
    assertEquals("NIC_v2_391_cat", Scenario.NICV2_391.filelistFolder(LabelLevel.CATEGORY));
    assertEquals("NIC_inc_cat", Scenario.NIC.folderName(LabelLevel.CATEGORY));
  }

  @Test
  void labelLevel_classCountsAndParse() {
    assertEquals(50, LabelLevel.OBJECT.numClasses());
    assertEquals(10, LabelLevel.CATEGORY.numClasses());
    assertEquals(LabelLevel.CATEGORY, LabelLevel.parse("Category"));
    BadInputException e = assertThrows(BadInputException.class, () -> LabelLevel.parse("obj"));
    assertTrue(e.getMessage().startsWith("--level"), e.getMessage());
  }
}
