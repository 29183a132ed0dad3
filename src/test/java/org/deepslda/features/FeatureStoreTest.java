package org.deepslda.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.deepslda.common.BadInputException;
import org.deepslda.data.ImageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStoreTest {
  private static final BackboneSpec R18 = BackboneSpec.randomResNet18(0);

  @TempDir Path dir;

  private final SparkSession spark = TestSpark.session();

  private FeatureStore store(String name) {
    return FeatureStore.open(spark, dir.resolve(name).toString());
  }

  private ExtractReport ensure(FeatureStore s, List<String> paths, ExtractOptions opts) {
    return s.ensure(spark, Core50Fixture.folder(dir), paths, R18, opts);
  }

  private static List<ImageRecord> records(List<String> paths) {
    List<ImageRecord> r = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      r.add(new ImageRecord(paths.get(i), i % 3));
    }
    return r;
  }

  @Test
  void ensure_storesCore50FieldsAndRerunComputesNothing() {
    List<String> paths = Core50Fixture.write(dir, 4);
    FeatureStore s = store("store");
    assertEquals(4, ensure(s, paths, ExtractOptions.defaults()).computed());
    ExtractReport again = ensure(s, paths, ExtractOptions.defaults());
    assertEquals(0, again.computed());
    assertEquals(4, again.alreadyPresent());
    assertNull(again.commit());
    Row first = s.rows(spark).orderBy("path").first();
    assertEquals("s1/o1/C_01_01_000.png", first.getString(0));
    assertEquals(
        List.of(1, 1, 0, 0),
        List.of(first.getInt(1), first.getInt(2), first.getInt(3), first.getInt(4)));
    assertEquals(512, first.getList(5).size());
    assertEquals(512, FeatureStore.open(spark, s.uri()).dim());
  }

  @Test
  void ensure_isIncremental() {
    List<String> paths = Core50Fixture.write(dir, 5);
    FeatureStore s = store("store");
    ensure(s, paths.subList(0, 2), ExtractOptions.defaults());
    float[] firstTwo = s.collectOrdered(spark, records(paths.subList(0, 2)));
    ExtractReport r = ensure(s, paths, ExtractOptions.defaults());
    float[] all = s.collectOrdered(spark, records(paths));
    assertArrayEquals(firstTwo, java.util.Arrays.copyOf(all, 2 * 512));
    assertEquals(3, r.computed());
    assertEquals(2, r.alreadyPresent());
    assertEquals(List.of(), s.missing(spark, paths));
    assertEquals(5, s.rows(spark).count());
  }

  @Test
  void features_areIdenticalForOneAndSevenPartitions_andOrderedLikeTheRecords() {
    List<String> paths = new ArrayList<>(Core50Fixture.write(dir, 6));
    paths.add(extra("small.png", TestImages.png(TestImages.noise(32, 32, 50))));
    paths.add(extra("wide.png", TestImages.png(TestImages.noise(300, 200, 51))));
    paths.add(extra("gray.png", TestImages.png(TestImages.gray8(TestImages.noise(90, 90, 52)))));
    paths.add(extra("deep.png", TestImages.png(TestImages.rgb16(TestImages.noise(60, 80, 53)))));
    FeatureStore one = store("one");
    FeatureStore seven = store("seven");
    ensure(one, paths, new ExtractOptions(32, 1, false));
    ensure(seven, paths, new ExtractOptions(2, 7, false));
    List<String> shuffled = new ArrayList<>(paths);
    java.util.Collections.reverse(shuffled);
    float[] a = one.collectOrdered(spark, records(shuffled));
    float[] b = seven.collectOrdered(spark, records(shuffled));
    assertArrayEquals(a, b);
    float[] direct = direct(shuffled.get(0));
    assertArrayEquals(direct, java.util.Arrays.copyOf(a, 512));
    List<Row> rows = seven.features(spark, records(shuffled)).collectAsList();
    assertEquals(shuffled.get(3), rows.get(3).getString(0));
    assertEquals(0, rows.get(3).getInt(1));
  }

  private String extra(String name, byte[] bytes) {
    TestImages.write(dir.resolve(Core50Fixture.FOLDER).resolve("other").resolve(name), bytes);
    return "other/" + name;
  }

  private float[] direct(String rel) {
    BackboneLoader loader =
        BackboneLoader.describe(R18, new org.apache.hadoop.conf.Configuration(), "x");
    try (FeatureExtractor fx = FeatureExtractor.open(loader, ai.djl.Device.cpu())) {
      byte[] bytes = readAll(dir.resolve(Core50Fixture.FOLDER).resolve(rel));
      return fx.extract(fx.preprocessor().preprocess(bytes, rel), 1);
    }
  }

  @Test
  void badImages_failNamingEachPath_afterSavingTheGoodOnes() {
    List<String> paths = new ArrayList<>(Core50Fixture.write(dir, 2));
    List<String> bad = writeBadImages();
    paths.addAll(bad);
    FeatureStore s = store("store");
    BadInputException e =
        assertThrows(BadInputException.class, () -> ensure(s, paths, ExtractOptions.defaults()));
    for (String b : bad) {
      assertTrue(e.getMessage().contains(b), b + " not named in: " + e.getMessage());
    }
    assertTrue(e.getMessage().contains("--skip-bad-images"), e.getMessage());
    assertEquals(bad, s.missing(spark, paths));
  }

  @Test
  void badImages_areSkippedAndReported_withTheOption() {
    List<String> paths = new ArrayList<>(Core50Fixture.write(dir, 2));
    List<String> bad = writeBadImages();
    paths.addAll(bad);
    ExtractReport r =
        ensure(store("store"), paths, ExtractOptions.defaults().withSkipBadImages(true));
    assertEquals(2, r.computed());
    List<String> skipped = r.badImages().stream().map(BadImage::path).toList();
    assertEquals(bad.stream().sorted().toList(), skipped);
    assertTrue(r.badImages().get(0).reason().contains(bad.get(0)), r.badImages().toString());
  }

  /** Zero-byte, text, truncated, corrupted and missing files; returns their relative paths. */
  private List<String> writeBadImages() {
    byte[] png = TestImages.png(TestImages.noise(128, 128, 99));
    extra("empty.png", new byte[0]);
    extra("text.png", "hello".getBytes());
    extra("cut.png", TestImages.truncated(png, 0.6));
    extra("flipped.png", TestImages.corrupted(png));
    return List.of(
        "other/cut.png",
        "other/empty.png",
        "other/flipped.png",
        "other/gone.png",
        "other/text.png");
  }

  @Test
  void anotherBackbone_isRefusedNamingBoth() {
    List<String> paths = Core50Fixture.write(dir, 1);
    FeatureStore s = store("store");
    ensure(s, paths, ExtractOptions.defaults());
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                FeatureStore.open(spark, s.uri())
                    .ensure(
                        spark,
                        Core50Fixture.folder(dir),
                        paths,
                        BackboneSpec.parse("random-resnet18:1"),
                        ExtractOptions.defaults()));
    assertTrue(e.getMessage().contains("random-resnet18:0/gen1"), e.getMessage());
    assertTrue(e.getMessage().contains("random-resnet18:1/gen1"), e.getMessage());
  }

  @Test
  void missingRecords_errorGivesCountExamplesAndCommand() {
    List<String> paths = Core50Fixture.write(dir, 3);
    FeatureStore s = store("store");
    ensure(s, paths.subList(0, 1), ExtractOptions.defaults());
    BadInputException e =
        assertThrows(BadInputException.class, () -> s.collectOrdered(spark, records(paths)));
    assertTrue(e.getMessage().contains("lacks the features of 2 "), e.getMessage());
    assertTrue(e.getMessage().contains(paths.get(1)), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("slda extract --data ROOT --backbone random-resnet18:0 --store " + s.uri()),
        e.getMessage());
  }

  @Test
  void damagedRows_nanOrWrongLength_areReportedByPath() {
    List<String> paths = Core50Fixture.write(dir, 1);
    FeatureStore s = store("store");
    ensure(s, paths, ExtractOptions.defaults());
    Float[] nan = new Float[512];
    java.util.Arrays.fill(nan, 0.5f);
    nan[7] = Float.NaN;
    List<Row> rows =
        List.of(
            RowFactory.create("x/nan.png", -1, -1, -1, -1, nan),
            RowFactory.create("x/short.png", -1, -1, -1, -1, new Float[] {1f, 2f}));
    spark
        .createDataFrame(rows, StoreLayout.SCHEMA)
        .write()
        .parquet(StoreLayout.commitUri(s.uri(), "c0-damaged"));
    for (String p : List.of("x/nan.png", "x/short.png")) {
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () ->
                  s.collectOrdered(
                      spark, List.of(new ImageRecord(paths.get(0), 0), new ImageRecord(p, 1))));
      assertTrue(e.getMessage().contains(p) && e.getMessage().contains("damaged"), e.getMessage());
    }
  }

  @Test
  void duplicateCommits_areDeduplicated_andIncompleteCommitsIgnored() throws IOException {
    List<String> paths = Core50Fixture.write(dir, 3);
    FeatureStore s = store("store");
    String commit = ensure(s, paths, ExtractOptions.defaults()).commit();
    float[] before = s.collectOrdered(spark, records(paths));
    Path parts = Path.of(s.uri()).resolve(StoreLayout.PARTS);
    copyTree(parts.resolve(commit), parts.resolve("c99990101T000000Z-copy"));
    copyTree(parts.resolve(commit), parts.resolve("c99990101T000000Z-half"));
    Files.delete(parts.resolve("c99990101T000000Z-half").resolve("_SUCCESS"));
    assertEquals(6, s.rows(spark).count());
    assertArrayEquals(before, s.collectOrdered(spark, records(paths)));
    assertEquals(3, s.features(spark, records(paths)).count());
  }

  @Test
  void rowsWithoutDescriptor_areRefused() throws IOException {
    List<String> paths = Core50Fixture.write(dir, 1);
    FeatureStore s = store("store");
    ensure(s, paths, ExtractOptions.defaults());
    Files.delete(Path.of(s.uri()).resolve(StoreLayout.DESCRIPTOR));
    BadInputException e =
        assertThrows(BadInputException.class, () -> FeatureStore.open(spark, s.uri()));
    assertTrue(e.getMessage().contains("_backbone.json"), e.getMessage());
  }

  @Test
  void badRelativePaths_areRefused() {
    for (String p : List.of("/abs.png", "../up.png", "a/../../b.png", "hdfs://x/y.png", "")) {
      assertThrows(
          BadInputException.class, () -> FeatureStore.distinctValidPaths(List.of("ok.png", p)), p);
    }
  }

  private static byte[] readAll(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
