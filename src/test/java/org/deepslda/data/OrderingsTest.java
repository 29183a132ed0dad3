package org.deepslda.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four orderings over an image folder of empty files named as CORe50 names them: categories 0
 * and 1 (objects 1-5 and 6-10), 11 sessions, 4 frames per video.
 */
class OrderingsTest {
  private static final Configuration CONF = new Configuration();
  private static final int FRAMES = 4;
  @TempDir static Path root;
  private static Core50Source src;

  @BeforeAll
  static void writeImages() throws IOException {
    for (int s = 1; s <= 11; s++) {
      for (int o = 1; o <= 10; o++) {
        Path dir = root.resolve(String.format("core50_128x128/s%d/o%d", s, o));
        Files.createDirectories(dir);
        for (int f = 0; f < FRAMES; f++) {
          Files.createFile(dir.resolve(String.format("C_%02d_%02d_%03d.png", s, o, f)));
        }
      }
    }
    Files.writeString(root.resolve("core50_128x128/s1/notes.txt"), "not an image");
    Files.createFile(root.resolve("core50_128x128/s1/o1/.C_01_01_009.png.tmp"));
    src = new Core50Source(root.toString(), 128);
  }

  private static ImageStream build(Ordering o, LabelLevel level, long seed, int k) {
    return Orderings.build(src, o, level, seed, k, CONF);
  }

  @Test
  void build_isDeterministicBySeed() {
    for (Ordering o : Ordering.values()) {
      int k = o.byClass() ? 2 : 25;
      assertEquals(build(o, LabelLevel.OBJECT, 7, k), build(o, LabelLevel.OBJECT, 7, k), o.name());
      assertNotEquals(
          build(o, LabelLevel.OBJECT, 7, k).trainBatches(),
          build(o, LabelLevel.OBJECT, 8, k).trainBatches(),
          o.name());
    }
  }

  @Test
  void build_everyTrainingImageOnceAndTestFromSessions3And7And10() {
    for (Ordering o : Ordering.values()) {
      ImageStream s = build(o, LabelLevel.OBJECT, 1, o.byClass() ? 3 : 40);
      List<ImageRecord> train = s.allTraining();
      assertEquals(8 * 10 * FRAMES, train.size(), o.name());
      assertEquals(train.size(), new HashSet<>(train).size(), o.name());
      assertEquals(3 * 10 * FRAMES, s.test().size(), o.name());
      for (ImageRecord r : s.test()) {
        assertTrue(Orderings.TEST_SESSIONS.contains(Core50Name.parse(r.path()).session()));
      }
      for (ImageRecord r : train) {
        assertFalse(Orderings.TEST_SESSIONS.contains(Core50Name.parse(r.path()).session()));
      }
    }
  }

  @Test
  void build_labelsAreObjectOrCategoryRanks() {
    ImageStream objects = build(Ordering.IID, LabelLevel.OBJECT, 1, 100);
    for (ImageRecord r : objects.allTraining()) {
      assertEquals(Core50Name.parse(r.path()).object() - 1, r.label(), r.path());
    }
    assertEquals(10, objects.numClasses());
    ImageStream categories = build(Ordering.IID, LabelLevel.CATEGORY, 1, 100);
    for (ImageRecord r : categories.test()) {
      assertEquals(Core50Name.parse(r.path()).category(), r.label(), r.path());
    }
    assertEquals(2, categories.numClasses());
  }

  @Test
  void iid_batchesOfNImagesMixingClasses() {
    ImageStream s = build(Ordering.IID, LabelLevel.OBJECT, 3, 50);
    assertEquals(7, s.numBatches());
    assertEquals(50, s.trainBatches().get(0).size());
    assertEquals(20, s.trainBatches().get(6).size());
    assertTrue(labels(s.trainBatches().get(0)).size() > 5);
  }

  @Test
  void classIid_batchesOfKWholeClassesDisjoint() {
    ImageStream s = build(Ordering.CLASS_IID, LabelLevel.OBJECT, 3, 3);
    assertEquals(4, s.numBatches());
    Set<Integer> seen = new HashSet<>();
    for (int b = 0; b < 4; b++) {
      Set<Integer> classes = labels(s.trainBatches().get(b));
      assertEquals(b < 3 ? 3 : 1, classes.size());
      assertEquals(classes.size() * 8 * FRAMES, s.trainBatches().get(b).size());
      classes.forEach(c -> assertTrue(seen.add(c), "class " + c + " twice"));
    }
    assertFalse(isVideoOrdered(s.trainBatches().get(0)), "class_iid shuffles images");
  }

  @Test
  void instance_videosContiguousAndTemporallyOrdered() {
    ImageStream s = build(Ordering.INSTANCE, LabelLevel.OBJECT, 3, 30);
    assertEquals(30, s.trainBatches().get(0).size());
    assertTrue(isVideoOrdered(s.allTraining()));
    assertTrue(labels(s.trainBatches().get(0)).size() > 1, "videos of several objects");
  }

  @Test
  void classInstance_wholeClassesWithOrderedVideos() {
    ImageStream s = build(Ordering.CLASS_INSTANCE, LabelLevel.CATEGORY, 5, 1);
    assertEquals(2, s.numBatches());
    for (List<ImageRecord> batch : s.trainBatches()) {
      assertEquals(1, labels(batch).size());
      assertEquals(5 * 8 * FRAMES, batch.size());
      assertTrue(isVideoOrdered(batch));
    }
  }

  @Test
  void build_kBelowOneIsAnError() {
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> build(Ordering.CLASS_IID, LabelLevel.OBJECT, 1, 0));
    assertTrue(e.getMessage().contains("classes per batch must be at least 1"), e.getMessage());
  }

  @Test
  void build_folderWithoutCore50ImagesIsAnError(@TempDir Path empty) throws IOException {
    Files.createDirectories(empty.resolve("core50_32x32/s1"));
    Core50Source none = new Core50Source(empty.toString(), 32);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> Orderings.build(none, Ordering.IID, LabelLevel.OBJECT, 0, 10, CONF));
    assertTrue(e.getMessage().contains("no CORe50 images"), e.getMessage());
  }

  @Test
  void parse_acceptsCliNames() {
    assertEquals(Ordering.CLASS_INSTANCE, Ordering.parse("class_instance"));
    BadInputException e = assertThrows(BadInputException.class, () -> Ordering.parse("random"));
    assertTrue(e.getMessage().contains("iid, class_iid, instance, class_instance"));
  }

  /** True if each video's frames are contiguous and increasing (videos never interleave). */
  private static boolean isVideoOrdered(List<ImageRecord> records) {
    Set<String> finished = new HashSet<>();
    String current = null;
    int lastFrame = -1;
    for (ImageRecord r : records) {
      Core50Name n = Core50Name.parse(r.path());
      String video = n.session() + "/" + n.object();
      if (!video.equals(current)) {
        if (!finished.add(video)) {
          return false;
        }
        current = video;
        lastFrame = -1;
      }
      if (n.frame() <= lastFrame) {
        return false;
      }
      lastFrame = n.frame();
    }
    return true;
  }

  private static Set<Integer> labels(List<ImageRecord> batch) {
    return new TreeSet<>(new ArrayList<>(batch.stream().map(ImageRecord::label).toList()));
  }
}
