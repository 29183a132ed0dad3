package org.deepslda.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a filelist folder can be wrong, on a hand-made NI folder with one broken file. */
class Core50StreamsErrorsTest {
  private static final Configuration CONF = new Configuration();
  @TempDir Path dir;
  private FilelistFixture f;

  @BeforeEach
  void writeFixture() throws IOException {
    f = new FilelistFixture(dir);
  }

  private ImageStream load(LabelLevel level) {
    return Core50Streams.load(f.source(), Scenario.NI, 0, level, CONF);
  }

  private String failure(LabelLevel level) {
    return assertThrows(BadInputException.class, () -> load(level)).getMessage();
  }

  @Test
  void fixture_loads() {
    ImageStream s = load(LabelLevel.OBJECT);
    assertEquals(8, s.numBatches());
    assertEquals(1, s.numClasses());
  }

  @Test
  void missingBatchFilelist_namesTheFile() throws IOException {
    Files.delete(f.run.resolve(FilelistFixture.batch(3)));
    String m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("run0/train_batch_03_filelist.txt: filelist not found"), m);
  }

  @Test
  void missingTestFilelist_namesTheFile() throws IOException {
    Files.delete(f.run.resolve("test_filelist.txt"));
    String m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("run0/test_filelist.txt: filelist not found"), m);
  }

  @Test
  void malformedLine_namesFileAndLine() throws IOException {
    f.write(FilelistFixture.batch(2), "s4/o1/C_04_01_000.png 0\ns4/o1/C_04_01_001.png\n");
    String m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("train_batch_02_filelist.txt:2: malformed line"), m);
    f.write(FilelistFixture.batch(2), "s4/o1/C_04_01_000.png zero\n");
    m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("train_batch_02_filelist.txt:1: malformed line"), m);
  }

  @Test
  void labelOutOfRange_namesFileLineValueAndRange() throws IOException {
    f.write("test_filelist.txt", "s3/o1/C_03_01_000.png 0\ns3/o1/C_03_01_001.png 50\n");
    String m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("test_filelist.txt:2: label 50 is out of range"), m);
    assertTrue(m.contains("0 to 49"), m);
    f.write(FilelistFixture.batch(0), "s1/o1/C_01_01_000.png -1\n");
    m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("train_batch_00_filelist.txt:1: label -1"), m);
  }

  @Test
  void labelOutOfRange_categoryLevelAllowsTenClasses() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> FilelistParser.parse("cat.txt", List.of("s1/o1/a.png 10"), LabelLevel.CATEGORY));
    assertTrue(e.getMessage().startsWith("cat.txt:1: label 10"), e.getMessage());
    assertTrue(e.getMessage().contains("0 to 9"), e.getMessage());
    assertEquals(
        9,
        FilelistParser.parse("cat.txt", List.of("s1/o1/a.png 9"), LabelLevel.CATEGORY)
            .get(0)
            .label());
  }

  @Test
  void pathLeavingTheImageFolder_namesFileAndLine() throws IOException {
    for (String bad :
        List.of(
            "../s1/o1/x.png",
            "s1/../../x.png",
            "/etc/passwd",
            "hdfs://nn/x.png",
            "C:/x.png",
            "s1\\o1\\x.png")) {
      f.write(FilelistFixture.batch(5), "s6/o1/C_06_01_000.png 0\n" + bad + " 0\n");
      String m = failure(LabelLevel.OBJECT);
      assertTrue(m.contains("train_batch_05_filelist.txt:2: path '" + bad + "'"), m);
      assertTrue(m.contains("leaves the image folder"), m);
    }
  }

  @Test
  void duplicatePathInAList_namesBothLines() throws IOException {
    f.write(
        FilelistFixture.batch(1),
        "s2/o1/C_02_01_000.png 0\ns2/o1/C_02_01_001.png 0\ns2/o1/C_02_01_000.png 0\n");
    String m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("train_batch_01_filelist.txt:3: duplicate path"), m);
    assertTrue(m.contains("line 1"), m);
  }

  @Test
  void emptyBatchFile_isAnError() throws IOException {
    f.write(FilelistFixture.batch(7), "\n  \n");
    String m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("train_batch_07_filelist.txt: the filelist is empty"), m);
  }

  @Test
  void blankLinesAreSkippedAndLineNumbersStayTrue() throws IOException {
    f.write(FilelistFixture.batch(4), "\ns5/o1/C_05_01_000.png 0\n\ns5/o1/C_05_01_000.png 0\n");
    String m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("train_batch_04_filelist.txt:4: duplicate path"), m);
    assertTrue(m.contains("line 2"), m);
  }

  @Test
  void testImageAlsoInTraining_isAWarningWithTheCount() throws IOException {
    f.write("test_filelist.txt", "s1/o1/C_01_01_000.png 0\ns3/o1/C_03_01_000.png 0\n");
    try (LogCapture log = LogCapture.of(Core50Streams.class)) {
      load(LabelLevel.OBJECT);
      List<String> warnings = log.messages().stream().filter(m -> m.startsWith("WARN")).toList();
      assertEquals(1, warnings.size(), log.messages().toString());
      assertTrue(warnings.get(0).contains("1 of 2 test images"), warnings.get(0));
    }
  }

  @Test
  void threeDigitBatchNamesAreAccepted() throws IOException {
    for (int b = 0; b < 8; b++) {
      Path from = f.run.resolve(FilelistFixture.batch(b));
      Files.move(from, f.run.resolve(String.format("train_batch_%03d_filelist.txt", b)));
    }
    assertEquals(8, load(LabelLevel.OBJECT).numBatches());
  }

  @Test
  void twoFilesForOneBatch_isAnError() throws IOException {
    Files.copy(
        f.run.resolve(FilelistFixture.batch(0)), f.run.resolve("train_batch_000_filelist.txt"));
    String m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("two filelists for one batch"), m);
  }

  @Test
  void batchBeyondTheScenario_isAnError() throws IOException {
    f.write(FilelistFixture.batch(8), "s1/o1/C_01_01_002.png 0\n");
    String m = failure(LabelLevel.OBJECT);
    assertTrue(m.contains("unexpected train_batch_08_filelist.txt"), m);
  }
}
