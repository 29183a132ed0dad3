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
import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five classes (cat, dog, eel, fox, gnu) of 10 images each, one in a sub-folder. */
class ImageFolderStreamsTest {
  private static final List<String> CLASSES = List.of("gnu", "cat", "fox", "dog", "eel");
  @TempDir Path root;

  @BeforeEach
  void writeImages() throws IOException {
    for (String c : CLASSES) {
      Files.createDirectories(root.resolve(c + "/more"));
      for (int i = 0; i < 9; i++) {
        Files.createFile(root.resolve(c + "/img" + i + ".JPG"));
      }
      Files.createFile(root.resolve(c + "/more/deep.png"));
      Files.writeString(root.resolve(c + "/labels.csv"), "not an image");
    }
    Files.createDirectories(root.resolve(".cache"));
    Files.createFile(root.resolve(".cache/x.png"));
  }

  private ImageStream build(ImageFolderOptions.Builder b) {
    return ImageFolderStreams.build(root.toString(), b.build());
  }

  @Test
  void classIncremental_labelsAreSortedClassIndexesAndBatchesHoldKClasses() {
    ImageStream s = build(ImageFolderOptions.builder().classesPerBatch(2).testFraction(0.2));
    assertEquals(5, s.numClasses());
    assertEquals(3, s.numBatches());
    Set<Integer> seen = new HashSet<>();
    for (int b = 0; b < 3; b++) {
      Set<Integer> classes = new HashSet<>();
      s.trainBatches().get(b).forEach(r -> classes.add(r.label()));
      assertEquals(b < 2 ? 2 : 1, classes.size());
      classes.forEach(c -> assertTrue(seen.add(c)));
    }
    for (ImageRecord r : s.allTraining()) {
      String cls = r.path().substring(0, r.path().indexOf('/'));
      assertEquals(List.of("cat", "dog", "eel", "fox", "gnu").indexOf(cls), r.label(), r.path());
    }
    assertEquals(root.toString(), s.imageRoot());
  }

  @Test
  void testFraction_heldOutPerClassAndDisjoint() {
    ImageStream s = build(ImageFolderOptions.builder().testFraction(0.3));
    assertEquals(5 * 3, s.test().size());
    assertEquals(5 * 7, s.trainSize());
    Set<String> train = new HashSet<>();
    s.allTraining().forEach(r -> train.add(r.path()));
    s.test().forEach(r -> assertFalse(train.contains(r.path()), r.path()));
    assertTrue(
        train.contains("cat/more/deep.png")
            || s.test().contains(new ImageRecord("cat/more/deep.png", 0)));
  }

  @Test
  void instanceIncremental_batchesOfNAcrossClasses() {
    ImageStream s =
        build(
            ImageFolderOptions.builder()
                .mode(ImageFolderOptions.Mode.INSTANCE_INCREMENTAL)
                .imagesPerBatch(8)
                .testFraction(0));
    assertEquals(50, s.trainSize());
    assertEquals(7, s.numBatches());
    assertEquals(8, s.trainBatches().get(0).size());
    assertEquals(2, s.trainBatches().get(6).size());
    assertTrue(s.test().isEmpty());
  }

  @Test
  void build_deterministicBySeed() {
    ImageFolderOptions.Builder a = ImageFolderOptions.builder().seed(4);
    assertEquals(build(a), build(a));
    assertNotEquals(
        build(a).trainBatches(), build(ImageFolderOptions.builder().seed(5)).trainBatches());
  }

  @Test
  void build_noClassFoldersIsAnError(@TempDir Path empty) {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ImageFolderStreams.build(empty.toString(), ImageFolderOptions.builder().build()));
    assertTrue(e.getMessage().contains("no class folders with images"), e.getMessage());
  }

  @Test
  void options_outOfRangeValuesAreErrors() {
    assertThrows(
        BadInputException.class, () -> ImageFolderOptions.builder().testFraction(1).build());
    assertThrows(
        BadInputException.class, () -> ImageFolderOptions.builder().classesPerBatch(0).build());
  }
}
