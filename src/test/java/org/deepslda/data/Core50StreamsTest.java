package org.deepslda.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the streams of a synthetic set with 10 categories of 1 object (10 classes). */
class Core50StreamsTest {
  private static final Configuration CONF = new Configuration();
  @TempDir static Path shared;
  private static Core50Source src;

  @BeforeAll
  static void writeDataset() {
    SyntheticCore50.write(
        SynthOptions.builder(shared.toString()).objectsPerCategory(1).frames(2).runs(2).build(),
        CONF);
    src = new Core50Source(shared.toString(), 128);
  }

  private static ImageStream load(Scenario s, int run, LabelLevel level) {
    return Core50Streams.load(src, s, run, level, CONF);
  }

  @Test
  void load_batchCountPerScenario() {
    for (Scenario s : List.of(Scenario.NI, Scenario.NC, Scenario.NIC, Scenario.NICV2_79)) {
      for (LabelLevel level : LabelLevel.values()) {
        ImageStream stream = load(s, 1, level);
        assertEquals(s.batches(), stream.numBatches(), s + " " + level);
        assertEquals(8 * 10 * 2, stream.trainSize(), s + " " + level);
        stream.trainBatches().forEach(b -> assertFalse(b.isEmpty()));
      }
    }
  }

  @Test
  void load_testListOnlyFromTestSessionsAndDisjointFromTraining() {
    for (Scenario s : List.of(Scenario.NI, Scenario.NC, Scenario.NICV2_79)) {
      ImageStream stream = load(s, 0, LabelLevel.OBJECT);
      Set<String> train = new HashSet<>();
      stream.allTraining().forEach(r -> train.add(r.path()));
      assertEquals(3 * 10 * 2, stream.test().size());
      for (ImageRecord r : stream.test()) {
        assertTrue(Set.of(3, 7, 10).contains(Core50Name.parse(r.path()).session()), r.path());
        assertFalse(train.contains(r.path()), r.path());
      }
      for (String p : train) {
        assertFalse(Set.of(3, 7, 10).contains(Core50Name.parse(p).session()), p);
      }
    }
  }

  @Test
  void load_recordsAndOrderAreTheFilelistLines() throws IOException {
    ImageStream stream = load(Scenario.NC, 1, LabelLevel.CATEGORY);
    Path dir = shared.resolve("batches_filelists/NC_inc_cat/run1");
    for (int b = 0; b < 9; b++) {
      List<String> lines = Files.readAllLines(dir.resolve(FilelistFixture.batch(b)));
      List<ImageRecord> batch = stream.trainBatches().get(b);
      assertEquals(lines.size(), batch.size());
      for (int i = 0; i < lines.size(); i++) {
        ImageRecord r = batch.get(i);
        assertEquals(lines.get(i), r.path() + " " + r.label());
      }
    }
    assertEquals(shared + "/core50_128x128", stream.imageRoot());
  }

  @Test
  void load_labelComesFromTheLineNotThePath(@TempDir Path dir) throws IOException {
    FilelistFixture f = new FilelistFixture(dir);
    f.write(FilelistFixture.batch(3), "s5/o1/C_05_01_000.png 42\n");
    ImageStream stream = Core50Streams.load(f.source(), Scenario.NI, 0, LabelLevel.OBJECT, CONF);
    assertEquals(42, stream.trainBatches().get(3).get(0).label());
    assertEquals(43, stream.numClasses());
  }

  @Test
  void load_ncBatchesAreDisjointClassSetsCoveringAllClasses() {
    for (LabelLevel level : LabelLevel.values()) {
      ImageStream stream = load(Scenario.NC, 0, level);
      Set<Integer> seen = new TreeSet<>();
      for (List<ImageRecord> batch : stream.trainBatches()) {
        Set<Integer> classes = new TreeSet<>();
        batch.forEach(r -> classes.add(r.label()));
        for (int c : classes) {
          assertTrue(seen.add(c), "class " + c + " in two NC batches at " + level);
        }
      }
      assertEquals(10, seen.size());
      assertEquals(2, labels(stream.trainBatches().get(0)).size(), "first NC batch is larger");
    }
  }

  @Test
  void load_categoryLevelHasTenClasses() {
    ImageStream stream = load(Scenario.NI, 0, LabelLevel.CATEGORY);
    assertEquals(10, stream.numClasses());
    assertEquals(10, labels(stream.trainBatches().get(0)).size(), "NI batches hold every class");
  }

  @Test
  void load_runsGiveDifferentOrders() {
    List<ImageRecord> run0 = load(Scenario.NC, 0, LabelLevel.OBJECT).trainBatches().get(0);
    List<ImageRecord> run1 = load(Scenario.NC, 1, LabelLevel.OBJECT).trainBatches().get(0);
    assertNotEquals(run0, run1);
  }

  @Test
  void load_scenarioTheSetCannotHoldIsAnErrorNamingTheFolder() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> load(Scenario.NICV2_196, 0, LabelLevel.OBJECT));
    assertTrue(e.getMessage().contains("NIC_v2_196/run0 does not exist"), e.getMessage());
  }

  @Test
  void load_runOutOfRangeNamesTheFlag() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> load(Scenario.NI, 10, LabelLevel.OBJECT));
    assertTrue(e.getMessage().startsWith("--run"), e.getMessage());
  }

  @Test
  void load_doesNotNeedSpark() {
    // other test classes in this JVM may have a session already: loading must not create one
    var active = org.apache.spark.sql.SparkSession.getActiveSession();
    var fallback = org.apache.spark.sql.SparkSession.getDefaultSession();
    load(Scenario.NI, 0, LabelLevel.OBJECT);
    assertEquals(active, org.apache.spark.sql.SparkSession.getActiveSession());
    assertEquals(fallback, org.apache.spark.sql.SparkSession.getDefaultSession());
  }

  @Test
  void validateImagesExist_passesWhenAllExistAndCountsMissingOnes(@TempDir Path dir)
      throws IOException {
    ImageStream stream = load(Scenario.NI, 0, LabelLevel.OBJECT);
    Core50Streams.validateImagesExist(stream, CONF);
    SyntheticCore50.write(
        SynthOptions.builder(dir.toString())
            .categories(1)
            .objectsPerCategory(2)
            .frames(1)
            .runs(1)
            .build(),
        CONF);
    Files.delete(dir.resolve("core50_128x128/s1/o2/C_01_02_000.png"));
    Files.delete(dir.resolve("core50_128x128/s7/o1/C_07_01_000.png"));
    ImageStream small =
        Core50Streams.load(
            new Core50Source(dir.toString(), 128), Scenario.NI, 0, LabelLevel.OBJECT, CONF);
    BadInputException e =
        assertThrows(BadInputException.class, () -> Core50Streams.validateImagesExist(small, CONF));
    assertTrue(e.getMessage().startsWith("2 of 22 images"), e.getMessage());
    assertTrue(e.getMessage().contains("s1/o2/C_01_02_000.png"), e.getMessage());
    assertTrue(e.getMessage().contains("s7/o1/C_07_01_000.png"), e.getMessage());
  }

  private static Set<Integer> labels(List<ImageRecord> batch) {
    Set<Integer> out = new TreeSet<>();
    batch.forEach(r -> out.add(r.label()));
    return out;
  }
}
