package org.deepslda.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetch against a local server holding zips of a small synthetic CORe50 set. */
class Core50FetchTest {
  private static final Configuration CONF = new Configuration();
  private static final Set<Core50Archive> ALL =
      Set.of(Core50Archive.IMAGES_128, Core50Archive.FILELISTS, Core50Archive.FILELISTS_NICV2);
  @TempDir static Path source;
  private static byte[] images;
  private static byte[] filelists;
  private static byte[] nicv2;

  @TempDir Path dir;
  private ArchiveServer server;

  @BeforeAll
  static void zipSyntheticSet() throws IOException {
    SyntheticCore50.write(
        SynthOptions.builder(source.toString()).categories(2).frames(1).runs(1).build(), CONF);
    images = zip(source, "core50_128x128");
    filelists = zip(source, "batches_filelists");
    nicv2 = zip(source, "NIC_v2_79");
  }

  @BeforeEach
  void startServer() throws IOException {
    server = new ArchiveServer();
    server.put("core50_128x128.zip", images);
    server.put("batches_filelists.zip", filelists);
    server.put("batches_filelists_NICv2.zip", nicv2);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private FetchOptions.Builder builder(Set<Core50Archive> what) {
    return FetchOptions.builder(dir.resolve("root").toString())
        .baseUrl(server.baseUrl())
        .what(what)
        .cacheDir(dir.resolve("cache").toString())
        .attempts(3)
        .timeoutSeconds(10);
  }

  private FetchOptions options(Set<Core50Archive> what, String checksums, boolean overwrite) {
    return builder(what).checksumsFile(checksums).overwrite(overwrite).build();
  }

  private String checksums(String imagesDigest) throws IOException {
    Path file = dir.resolve("sums.txt");
    Files.writeString(
        file,
        "# digests\n"
            + imagesDigest
            + "  core50_128x128.zip\n"
            + sha256(filelists)
            + " *batches_filelists.zip\n"
            + md5(nicv2)
            + "  batches_filelists_NICv2.zip\n");
    return file.toString();
  }

  @Test
  void fetch_unpacksArchivesSoTheLoaderReadsThem() throws IOException {
    Core50Fetch.fetch(options(ALL, checksums(md5(images)), false), CONF);
    Path root = dir.resolve("root");
    Core50Source src = new Core50Source(root.toString(), 128);
    ImageStream ni = Core50Streams.load(src, Scenario.NI, 0, LabelLevel.OBJECT, CONF);
    Core50Streams.validateImagesExist(ni, CONF);
    assertEquals(
        79, Core50Streams.load(src, Scenario.NICV2_79, 0, LabelLevel.OBJECT, CONF).numBatches());
    assertTrue(Files.exists(root.resolve(".slda-fetched-core50_128x128.zip")));
    try (Stream<Path> left = Files.list(dir.resolve("cache"))) {
      assertEquals(0, left.count(), "downloads are deleted once unpacked");
    }
    assertEquals(List.of(), staging(root));
  }

  @Test
  void fetch_resumesWithARangeRequestAfterTheConnectionIsCut() throws IOException {
    server.cutOnce("core50_128x128.zip");
    Core50Fetch.fetch(
        options(Set.of(Core50Archive.IMAGES_128), checksums(md5(images)), false), CONF);
    List<String> requests = server.requests();
    assertEquals(2, requests.size(), requests.toString());
    assertEquals("core50_128x128.zip null", requests.get(0));
    assertEquals("core50_128x128.zip bytes=" + images.length / 2 + "-", requests.get(1));
    assertTrue(Files.exists(dir.resolve("root/core50_128x128/s1/o1/C_01_01_000.png")));
  }

  @Test
  void fetch_badChecksumFailsAndLeavesNoFolder() throws IOException {
    String wrong = "0".repeat(32);
    FetchOptions opts = options(Set.of(Core50Archive.IMAGES_128), checksums(wrong), false);
    BadInputException e =
        assertThrows(BadInputException.class, () -> Core50Fetch.fetch(opts, CONF));
    assertTrue(e.getMessage().contains("MD5 mismatch: expected " + wrong), e.getMessage());
    assertTrue(e.getMessage().contains("found " + md5(images)), e.getMessage());
    assertFalse(Files.exists(dir.resolve("root/core50_128x128")));
    assertFalse(Files.exists(dir.resolve("root/.slda-fetched-core50_128x128.zip")));
    assertFalse(Files.exists(dir.resolve("cache/core50_128x128.zip")));
  }

  @Test
  void fetch_zipSlipEntryIsRefusedBeforeAnythingIsWritten() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("core50_128x128/s1/o1/C_01_01_000.png"));
      z.write(1);
      z.putNextEntry(new ZipEntry("core50_128x128/../../evil.txt"));
      z.write(2);
    }
    server.put("core50_128x128.zip", bytes.toByteArray());
    FetchOptions opts = options(Set.of(Core50Archive.IMAGES_128), null, false);
    BadInputException e =
        assertThrows(BadInputException.class, () -> Core50Fetch.fetch(opts, CONF));
    assertTrue(e.getMessage().contains("'core50_128x128/../../evil.txt'"), e.getMessage());
    assertTrue(e.getMessage().contains("outside the dataset root"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("evil.txt")));
    assertFalse(Files.exists(dir.resolve("root/core50_128x128")));
    assertEquals(List.of(), staging(dir.resolve("root")));
  }

  @Test
  void fetch_serverErrorIsRetriedAtMostAttemptsTimes() {
    server.failWith(503);
    FetchOptions opts = options(Set.of(Core50Archive.IMAGES_128), null, false);
    EnvironmentException e =
        assertThrows(EnvironmentException.class, () -> Core50Fetch.fetch(opts, CONF));
    assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    assertEquals(3, server.requests().size());
  }

  @Test
  void fetch_missingArchiveIsABadInputErrorWithoutRetries() {
    FetchOptions opts = options(Set.of(Core50Archive.IMAGES_32), null, false);
    BadInputException e =
        assertThrows(BadInputException.class, () -> Core50Fetch.fetch(opts, CONF));
    assertTrue(e.getMessage().contains("/core50/core50_32x32.zip: HTTP 404"), e.getMessage());
    assertEquals(1, server.requests().size());
  }

  @Test
  void fetch_secondFetchSkipsFinishedArchives() throws IOException {
    FetchOptions opts = options(Set.of(Core50Archive.FILELISTS), null, false);
    Core50Fetch.fetch(opts, CONF);
    Core50Fetch.fetch(opts, CONF);
    assertEquals(1, server.requests().size(), server.requests().toString());
  }

  @Test
  void fetch_keptArchiveIsReusedWithoutARequest() {
    Set<Core50Archive> what = Set.of(Core50Archive.FILELISTS);
    Core50Fetch.fetch(builder(what).keepArchives(true).build(), CONF);
    assertTrue(Files.exists(dir.resolve("cache/batches_filelists.zip")));
    Core50Fetch.fetch(builder(what).keepArchives(true).overwrite(true).build(), CONF);
    assertEquals(1, server.requests().size(), server.requests().toString());
    assertTrue(Files.exists(dir.resolve("root/batches_filelists/NI_inc/run0/test_filelist.txt")));
  }

  @Test
  void fetch_existingFolderNeedsOverwrite() throws IOException {
    Files.createDirectories(dir.resolve("root/batches_filelists/mine"));
    FetchOptions opts = options(Set.of(Core50Archive.FILELISTS), null, false);
    BadInputException e =
        assertThrows(BadInputException.class, () -> Core50Fetch.fetch(opts, CONF));
    assertTrue(e.getMessage().contains("batches_filelists exists"), e.getMessage());
    assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
    assertEquals(0, server.requests().size());
    Core50Fetch.fetch(options(Set.of(Core50Archive.FILELISTS), null, true), CONF);
    assertFalse(Files.exists(dir.resolve("root/batches_filelists/mine")));
    assertTrue(Files.exists(dir.resolve("root/batches_filelists/NI_inc/run0/test_filelist.txt")));
  }

  @Test
  void checksums_malformedLineNamesFileAndLine() throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "# ok\n" + md5(images) + "  a.zip\nabc  b.zip\n");
    BadInputException e =
        assertThrows(BadInputException.class, () -> Checksums.read(file.toString(), CONF));
    assertTrue(e.getMessage().startsWith(file + ":3: expected"), e.getMessage());
  }

  @Test
  void what_parsesNamesAndRejectsUnknownOnes() {
    assertEquals(
        Set.of(Core50Archive.IMAGES_32, Core50Archive.FILELISTS, Core50Archive.FILELISTS_NICV2),
        Core50Archive.parseWhat(List.of("images32,FILELISTS")));
    BadInputException e =
        assertThrows(BadInputException.class, () -> Core50Archive.parseWhat(List.of("depth")));
    assertTrue(e.getMessage().startsWith("--what"), e.getMessage());
  }

  private static List<Path> staging(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".slda-fetch-")).toList();
    }
  }

  private static byte[] zip(Path base, String top) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes);
        Stream<Path> files = Files.walk(base.resolve(top))) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        z.putNextEntry(new ZipEntry(base.relativize(p).toString()));
        z.write(Files.readAllBytes(p));
      }
    }
    return bytes.toByteArray();
  }

  private static String md5(byte[] b) {
    return hex("MD5", b);
  }

  private static String sha256(byte[] b) {
    return hex("SHA-256", b);
  }

  private static String hex(String algorithm, byte[] b) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance(algorithm).digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
