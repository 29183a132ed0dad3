package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.deepslda.common.NpyArray;
import org.deepslda.common.Npz;
import org.junit.jupiter.api.Test;

class SldaCheckpointTest {
  private static final Configuration CONF = HadoopFiles.defaultConf();

  static StreamingLda fitted(long seed, SldaOptions options) {
    TestStreams s = TestStreams.random(seed, 70, options.dim(), options.numClasses() - 1);
    StreamingLda m = new StreamingLda(options);
    m.fit(s.x, s.y, s.n);
    return m;
  }

  @Test
  void roundTrip_restoresStateAndScoresIdentically() throws Exception {
    SldaOptions o = new SldaOptions(5, 4, 0.003, true, true);
    StreamingLda m = fitted(1, o);
    String uri = TestDirs.fresh("ckpt").resolve("model.npz").toString();

    SldaCheckpoint.save(m, uri, CONF);
    StreamingLda back = SldaCheckpoint.load(uri, CONF);

    assertEquals(o, back.options());
    assertArrayEquals(m.means(), back.means());
    assertArrayEquals(m.counts(), back.counts());
    assertArrayEquals(m.covariance(), back.covariance());
    assertEquals(m.numUpdates(), back.numUpdates());
    assertEquals(m.weights(), back.weights());
    TestStreams probe = TestStreams.random(2, 30, 5, 4);
    assertArrayEquals(m.scores(probe.x, 30), back.scores(probe.x, 30));
  }

  @Test
  void roundTrip_streamContinuesAsIfNeverSaved() {
    StreamingLda m = fitted(3, SldaOptions.defaults(3, 3));
    StreamingLda back = SldaCheckpoint.fromBytes(SldaCheckpoint.toBytes(m), "memory");
    TestStreams next = TestStreams.random(4, 25, 3, 3);

    m.fit(next.x, next.y, next.n);
    back.fit(next.x, next.y, next.n);

    assertArrayEquals(m.covariance(), back.covariance());
    assertArrayEquals(m.means(), back.means());
  }

  @Test
  void save_sameStateGivesSameBytes() throws Exception {
    Path dir = TestDirs.fresh("ckpt");
    SldaCheckpoint.save(fitted(5, SldaOptions.defaults(4, 3)), dir + "/a.npz", CONF);
    SldaCheckpoint.save(fitted(5, SldaOptions.defaults(4, 3)), dir + "/b.npz", CONF);

    byte[] a = Files.readAllBytes(dir.resolve("a.npz"));
    byte[] b = Files.readAllBytes(dir.resolve("b.npz"));

    assertArrayEquals(a, b);
    assertTrue(a.length > 100);
  }

  @Test
  void save_replacesAnExistingFile() throws Exception {
    String uri = TestDirs.fresh("ckpt").resolve("m.npz").toString();
    SldaCheckpoint.save(fitted(5, SldaOptions.defaults(2, 3)), uri, CONF);
    StreamingLda second = fitted(6, SldaOptions.defaults(2, 3));

    SldaCheckpoint.save(second, uri, CONF);

    assertArrayEquals(second.means(), SldaCheckpoint.load(uri, CONF).means());
  }

  /** The checkpoint of {@link #fitted} with one array replaced, written to a file. */
  private static String edited(String name, NpyArray replacement) {
    Map<String, NpyArray> arrays =
        Npz.parse(SldaCheckpoint.toBytes(fitted(7, SldaOptions.defaults(4, 3))), "memory");
    if (replacement == null) {
      arrays.remove(name);
    } else {
      arrays.put(name, replacement);
    }
    return write(Npz.toBytes(arrays));
  }

  private static String write(byte[] bytes) {
    String uri = TestDirs.fresh("bad").resolve("model.npz").toString();
    HadoopFiles.writeAtomically(uri, CONF, bytes);
    return uri;
  }

  private static String refused(String uri) {
    return assertThrows(BadInputException.class, () -> SldaCheckpoint.load(uri, CONF)).getMessage();
  }

  @Test
  void load_truncatedFileNamesTheFile() {
    byte[] good = SldaCheckpoint.toBytes(fitted(8, SldaOptions.defaults(4, 3)));
    for (int length : new int[] {0, 5, 40, good.length / 2, good.length - 30, good.length - 1}) {
      String uri = write(Arrays.copyOf(good, length));

      String message = refused(uri);

      assertTrue(message.startsWith(uri + ": damaged .npz archive"), length + ": " + message);
    }
  }

  @Test
  void load_editedSigmaShapeNamesArrayAndShapes() {
    String uri = edited("Sigma", NpyArray.ofFloats(new float[12], 4, 3));

    assertEquals(uri + ": array 'Sigma': expected shape [4, 4], found [4, 3]", refused(uri));
  }

  @Test
  void load_muKWithWrongRank() {
    String uri = edited("muK", NpyArray.ofFloats(new float[12], 12));

    assertEquals(uri + ": array 'muK': expected 2 dimension(s), found shape [12]", refused(uri));
  }

  @Test
  void load_muKNotMatchingCounts() {
    String uri = edited("muK", NpyArray.ofFloats(new float[8], 2, 4));

    assertEquals(uri + ": array 'muK': expected shape [3, 4], found [2, 4]", refused(uri));
  }

  @Test
  void load_futureVersionNamesFoundAndSupported() {
    String uri = edited("format_version", NpyArray.scalarLong(2));

    assertEquals(
        uri
            + ": array 'format_version': the file has format version 2, this program reads"
            + " versions up to 1; use a newer release to load it",
        refused(uri));
  }

  @Test
  void load_nanInSigmaNamesArrayAndIndex() {
    float[] sigma = new float[16];
    sigma[5] = Float.NaN;
    String uri = edited("Sigma", NpyArray.ofFloats(sigma, 4, 4));

    assertEquals(
        uri + ": array 'Sigma': expected finite values, found NaN at flat index 5", refused(uri));
  }

  @Test
  void load_infiniteMean() {
    float[] mu = new float[12];
    mu[11] = Float.POSITIVE_INFINITY;
    String uri = edited("muK", NpyArray.ofFloats(mu, 3, 4));

    assertEquals(
        uri + ": array 'muK': expected finite values, found Infinity at flat index 11",
        refused(uri));
  }

  @Test
  void load_fractionalOrNegativeCount() {
    String half = edited("cK", NpyArray.ofFloats(new float[] {1.5f, 0, 0}, 3));
    String negative = edited("cK", NpyArray.ofFloats(new float[] {0, -1, 0}, 3));

    assertEquals(
        half + ": array 'cK': count of class 0: expected a whole number in 0..2^24, found 1.5",
        refused(half));
    assertEquals(
        negative + ": array 'cK': count of class 1: expected a whole number in 0..2^24, found -1.0",
        refused(negative));
  }

  @Test
  void load_numUpdatesNotTheSumOfCounts() {
    String uri = edited("num_updates", NpyArray.scalarLong(69));

    assertEquals(uri + ": array 'num_updates': expected the sum of cK, 70, found 69", refused(uri));
  }

  @Test
  void load_wrongDtype() {
    String uri = edited("muK", NpyArray.ofDoubles(new double[12], 3, 4));

    assertEquals(uri + ": array 'muK': expected dtype <f4, found <f8", refused(uri));
  }

  @Test
  void load_missingArray() {
    String uri = edited("Sigma", null);

    assertEquals(
        uri
            + ": not an SLDA checkpoint: array 'Sigma' is missing (found [muK, cK, num_updates,"
            + " shrinkage, plastic_cov, mask_unseen, format_version])",
        refused(uri));
  }

  @Test
  void load_badSettings() {
    String shrinkage = edited("shrinkage", NpyArray.scalarDouble(0));
    String flag = edited("plastic_cov", NpyArray.scalarLong(2));
    String notScalar = edited("mask_unseen", NpyArray.ofLongs(new long[] {1}, 1));

    assertEquals(
        shrinkage + ": array 'shrinkage': expected a value in (0, 1], found 0.0",
        refused(shrinkage));
    assertEquals(flag + ": array 'plastic_cov': expected 0 or 1, found 2", refused(flag));
    assertEquals(
        notScalar + ": array 'mask_unseen': expected a scalar (shape []), found shape [1]",
        refused(notScalar));
  }

  @Test
  void load_missingFile() {
    String uri = TestDirs.fresh("none").resolve("absent.npz").toString();

    assertEquals("file not found: " + uri, refused(uri));
  }
}
