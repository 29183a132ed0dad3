package org.deepslda.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.Test;

class Core50SourceTest {
  @Test
  void imageFolder_namesTheSizeVariant() {
    assertEquals("/d/core50_128x128", new Core50Source("/d", 128).imageFolder());
    assertEquals("hdfs://nn/d/core50_32x32", new Core50Source("hdfs://nn/d/", 32).imageFolder());
  }

  @Test
  void constructor_otherSizeIsAnErrorNamingTheFlag() {
    BadInputException e = assertThrows(BadInputException.class, () -> new Core50Source("/d", 64));
    assertTrue(e.getMessage().startsWith("--image-size"), e.getMessage());
    assertTrue(e.getMessage().contains("64"), e.getMessage());
  }

  @Test
  void filelistLocations_followCore50Layout() {
    Core50Source src = new Core50Source("/d", 128);
    assertEquals(
        "/d/batches_filelists/NC_inc_cat/run3/train_batch_07_filelist.txt",
        src.batchFilelist(Scenario.NC, LabelLevel.CATEGORY, 3, 7));
    assertEquals(
        "/d/NIC_v2_391/run9/train_batch_390_filelist.txt",
        src.batchFilelist(Scenario.NICV2_391, LabelLevel.OBJECT, 9, 390));
    assertEquals(
        "/d/NIC_v2_79/run0/test_filelist.txt",
        src.testFilelist(Scenario.NICV2_79, LabelLevel.OBJECT, 0));
  }

  @Test
  void runFolder_runOutside0To9IsAnErrorNamingTheFlag() {
    Core50Source src = new Core50Source("/d", 128);
    for (int run : new int[] {-1, 10}) {
      BadInputException e =
          assertThrows(
              BadInputException.class, () -> src.runFolder(Scenario.NI, LabelLevel.OBJECT, run));
      assertTrue(e.getMessage().startsWith("--run"), e.getMessage());
    }
  }
}
