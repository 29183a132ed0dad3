package org.deepslda.lda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deepslda.common.HadoopFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The on-disk format: an old file still loads, and numpy reads and writes the same files. */
class SldaCheckpointFormatTest {
  private static final Path GOLDEN = Path.of("src/test/resources/lda/slda_checkpoint_v1.npz");

  /**
   * The stream behind the golden file (d = 4, C = 3, class 2 never seen): (1,0,0,0) class 0,
   * (0,2,0,0) class 1, (3,0,0,0) class 0, (0,0,0,4) class 1.
   */
  static StreamingLda goldenModel() {
    StreamingLda m = new StreamingLda(new SldaOptions(4, 3, 0.01, true, true));
    float[] x = {1, 0, 0, 0, 0, 2, 0, 0, 3, 0, 0, 0, 0, 0, 0, 4};
    m.fit(x, new int[] {0, 1, 0, 1}, 4);
    return m;
  }

  /** Rewrites the golden file; run once per format version with -Dslda.writeGolden=true. */
  @Test
  @EnabledIfSystemProperty(named = "slda.writeGolden", matches = "true")
  void writeGoldenFile() throws IOException {
    Files.createDirectories(GOLDEN.getParent());
    Files.write(GOLDEN, SldaCheckpoint.toBytes(goldenModel()));
  }

  @Test
  void goldenFileV1_loadsToHandComputedValues() throws IOException {
    StreamingLda m = SldaCheckpoint.fromBytes(Files.readAllBytes(GOLDEN), GOLDEN.toString());

    assertEquals(new SldaOptions(4, 3, 0.01, true, true), m.options());
    assertArrayEquals(new float[] {2, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0}, m.means());
    assertArrayEquals(new long[] {2, 2, 0}, m.counts());
    assertEquals(4, m.numUpdates());
    float[] sigma = {2 / 3f, 0, 0, 0, 0, 1.25f, 0, -1.5f, 0, 0, 0, 0, 0, -1.5f, 0, 3};
    assertArrayEquals(sigma, m.covariance(), 1e-6f);
    // scores of x = (3, 0, 0, 1) from numpy.linalg.inv of (1 - eps) Sigma + eps I
    float[] scores = m.scores(new float[] {3, 0, 0, 1}, 1);
    assertArrayEquals(new float[] {5.9701493f, -1.9671698f, 0}, scores, 1e-5f);
    assertEquals(0, m.predict(new float[] {0, 0, 0, 0}, 1)[0], "class 2 is masked");
  }

  private static boolean hasNumpy() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String python(String script, String arg) throws Exception {
    Process p = new ProcessBuilder("python3", "-c", script, arg).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "python3 timed out");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void numpyLoad_opensASavedCheckpoint() throws Exception {
    assumeTrue(hasNumpy(), "python3 with numpy is not installed");
    String uri = TestDirs.fresh("numpy").resolve("model.npz").toString();
    SldaCheckpoint.save(goldenModel(), uri, HadoopFiles.defaultConf());

    String out =
        python(
            "import sys, numpy\n"
                + "z = numpy.load(sys.argv[1])\n"
                + "for k in z.files:\n"
                + "    a = z[k]\n"
                + "    print(k, a.dtype, a.shape, a.ravel().tolist())\n",
            uri);

    List<String> lines = out.strip().lines().toList();
    assertEquals(
        List.of(
            "muK float32 (3, 4) [2.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0]",
            "cK float32 (3,) [2.0, 2.0, 0.0]",
            "num_updates int64 () [4]",
            "shrinkage float64 () [0.01]",
            "plastic_cov int64 () [1]",
            "mask_unseen int64 () [1]",
            "format_version int64 () [1]"),
        lines.stream().filter(l -> !l.startsWith("Sigma")).toList());
    assertEquals(true, lines.get(2).startsWith("Sigma float32 (4, 4) [0.666666"), lines.get(2));
  }

  @Test
  void load_readsACheckpointWrittenByNumpy() throws Exception {
    assumeTrue(hasNumpy(), "python3 with numpy is not installed");
    String uri = TestDirs.fresh("numpy").resolve("from_numpy.npz").toString();

    python(
        "import sys, numpy as np\n"
            + "np.savez(sys.argv[1], muK=np.array([[1, 2], [0, 0]], np.float32),\n"
            + "  cK=np.array([3, 0], np.float32), Sigma=np.eye(2, dtype=np.float32),\n"
            + "  num_updates=np.int64(3), shrinkage=np.float64(0.5), plastic_cov=np.int64(0),\n"
            + "  mask_unseen=np.int64(0), format_version=np.int64(1))\n",
        uri);
    StreamingLda m = SldaCheckpoint.load(uri, HadoopFiles.defaultConf());

    assertArrayEquals(new float[] {1, 2, 0, 0}, m.means());
    assertArrayEquals(new long[] {3, 0}, m.counts());
    assertEquals(new SldaOptions(2, 2, 0.5, false, false), m.options());
    // A = I: w_0 = mu_0, b_0 = -|mu_0|^2 / 2
    assertArrayEquals(new float[] {1, 2, 0, 0}, m.weights().weights());
    assertArrayEquals(new float[] {-2.5f, 0}, m.weights().bias());
  }
}
