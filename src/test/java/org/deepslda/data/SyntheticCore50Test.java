package org.deepslda.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCore50Test {
  private static final Configuration CONF = new Configuration();

  @TempDir Path dir;

  private static SynthOptions.Builder small(Path root) {
    return SynthOptions.builder(root.toString()).categories(2).frames(2).runs(1);
  }

  @Test
  void write_defaultSetIsFastAndComplete() throws IOException {
    Path root = dir.resolve("core50");
    long start = System.nanoTime();
    SyntheticCore50.write(SynthOptions.builder(root.toString()).build(), CONF);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 40, "default synth took " + seconds + " s");
    try (Stream<Path> files = Files.walk(root.resolve("core50_128x128"))) {
      assertEquals(50 * 11 * 3, files.filter(p -> p.toString().endsWith(".png")).count());
    }
    for (int run = 0; run < 10; run++) {
      assertTrue(
          Files.exists(root.resolve("NIC_v2_391_cat/run" + run + "/train_batch_390_filelist.txt")));
    }
    assertFalse(Files.exists(root.resolve("core50_32x32")));
    assertTrue(Files.readString(root.resolve("README.txt")).contains("Every scenario was written"));
  }

  @Test
  void write_imagePathsFollowCore50Naming() throws IOException {
    Path root = dir.resolve("d");
    SyntheticCore50.write(small(root).imageSizes(List.of(128, 32)).build(), CONF);
    Path img = root.resolve("core50_128x128/s11/o7/C_11_07_001.png");
    BufferedImage big = ImageIO.read(img.toFile());
    assertEquals(128, big.getWidth());
    assertEquals(128, big.getHeight());
    BufferedImage tiny = ImageIO.read(root.resolve("core50_32x32/s3/o2/C_03_02_000.png").toFile());
    assertEquals(32, tiny.getWidth());
    // category 1 of 2 holds objects 6-10; there is no object 11
    assertFalse(Files.exists(root.resolve("core50_128x128/s1/o11")));
    assertTrue(Files.exists(root.resolve(SyntheticCore50.MANIFEST)));
  }

  @Test
  void write_isDeterministicBySeed() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    SyntheticCore50.write(small(a).seed(5).build(), CONF);
    SyntheticCore50.write(small(b).seed(5).build(), CONF);
    SyntheticCore50.write(small(c).seed(6).build(), CONF);
    String img = "core50_128x128/s2/o3/C_02_03_001.png";
    String list = "batches_filelists/NC_inc/run0/train_batch_00_filelist.txt";
    assertArrayEquals(Files.readAllBytes(a.resolve(img)), Files.readAllBytes(b.resolve(img)));
    assertArrayEquals(Files.readAllBytes(a.resolve(list)), Files.readAllBytes(b.resolve(list)));
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(a.resolve(img)), Files.readAllBytes(c.resolve(img))));
  }

  @Test
  void write_imagesDifferBetweenObjectsSessionsAndFrames() throws IOException {
    Path root = dir.resolve("d");
    SyntheticCore50.write(small(root).build(), CONF);
    BufferedImage base = read(root, "s1/o1/C_01_01_000.png");
    assertNotEquals(0, distance(base, read(root, "s1/o2/C_01_02_000.png")));
    assertNotEquals(0, distance(base, read(root, "s2/o1/C_02_01_000.png")));
    assertNotEquals(0, distance(base, read(root, "s1/o1/C_01_01_001.png")));
    // frames of one video move a little: closer than another object's view in another session
    assertTrue(
        distance(base, read(root, "s1/o1/C_01_01_001.png"))
            < distance(base, read(root, "s2/o6/C_02_06_000.png")));
  }

  @Test
  void write_smallSetSkipsScenariosItCannotMakeAndSaysSo() throws IOException {
    Path root = dir.resolve("d");
    try (LogCapture log = LogCapture.of(SyntheticCore50.class)) {
      SyntheticCore50.write(small(root).build(), CONF);
      assertEquals(
          1,
          log.messages().stream().filter(m -> m.contains("skipped")).count(),
          log.messages().toString());
    }
    String readme = Files.readString(root.resolve("README.txt"));
    assertTrue(readme.contains("NIC_v2_391"), readme);
    assertTrue(readme.contains("NC_inc_cat"), readme);
    assertFalse(Files.exists(root.resolve("NIC_v2_196")));
    assertFalse(Files.exists(root.resolve("batches_filelists/NC_inc_cat")));
    assertTrue(Files.exists(root.resolve("NIC_v2_79/run0/train_batch_78_filelist.txt")));
    assertTrue(Files.exists(root.resolve("batches_filelists/NC_inc/run0/test_filelist.txt")));
  }

  @Test
  void write_refusesNonEmptyRootWithoutOverwrite() throws IOException {
    Path root = dir.resolve("d");
    Files.createDirectories(root);
    Files.writeString(root.resolve("mine.txt"), "keep me");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> SyntheticCore50.write(small(root).build(), CONF));
    assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
    assertTrue(e.getMessage().contains("mine.txt"), e.getMessage());
    SyntheticCore50.write(small(root).overwrite(true).build(), CONF);
    assertEquals("keep me", Files.readString(root.resolve("mine.txt")));
  }

  @Test
  void write_overwriteDeletesOnlyFilesAnEarlierSynthWrote() throws IOException {
    Path root = dir.resolve("d");
    SyntheticCore50.write(small(root).imageSizes(List.of(128, 32)).build(), CONF);
    Path mine = root.resolve("core50_32x32/notes.txt");
    Files.writeString(mine, "user file");
    SyntheticCore50.write(small(root).overwrite(true).build(), CONF);
    assertFalse(Files.exists(root.resolve("core50_32x32/s1/o1/C_01_01_000.png")));
    assertTrue(Files.exists(mine));
    assertTrue(Files.exists(root.resolve("core50_128x128/s1/o1/C_01_01_000.png")));
  }

  @Test
  void write_otherSizesAndObjectCountsLoadToo() {
    Path root = dir.resolve("other");
    SyntheticCore50.write(
        SynthOptions.builder(root.toString())
            .seed(9)
            .categories(4)
            .objectsPerCategory(3)
            .frames(1)
            .runs(2)
            .imageSizes(List.of(32))
            .build(),
        CONF);
    Core50Source src = new Core50Source(root.toString(), 32);
    ImageStream nc = Core50Streams.load(src, Scenario.NC, 1, LabelLevel.OBJECT, CONF);
    Core50Streams.validateImagesExist(nc, CONF);
    assertEquals(12, nc.numClasses());
    ImageStream iid = Orderings.build(src, Ordering.CLASS_IID, LabelLevel.CATEGORY, 1, 2, CONF);
    assertEquals(4, iid.numClasses());
    assertEquals(2, iid.numBatches());
  }

  @Test
  void options_rejectOutOfRangeValuesNamingTheFlag() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> small(dir).categories(11).build());
    assertTrue(e.getMessage().startsWith("--categories"), e.getMessage());
    e = assertThrows(BadInputException.class, () -> small(dir).imageSizes(List.of(64)).build());
    assertTrue(e.getMessage().startsWith("--image-size"), e.getMessage());
  }

  private static BufferedImage read(Path root, String rel) throws IOException {
    return ImageIO.read(root.resolve("core50_128x128").resolve(rel).toFile());
  }

  /** Mean absolute RGB difference per channel. */
  static double distance(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift < 24; shift += 8) {
          sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }
}
