package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.deepslda.common.NpyArray;
import org.deepslda.common.Sparks;
import org.deepslda.data.ImageRecord;
import org.deepslda.features.FeatureStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractExportCommandTest {
  @TempDir static Path root;
  private static List<String> lines;
  private static final String[] FILES = {
    "s1/o1/C_01_01_000.png", "s1/o2/C_01_02_001.png", "s2/o1/C_02_01_002.png"
  };

  @BeforeAll
  static void dataset() throws IOException {
    Sparks.getOrCreate("local[2]", "cli-test");
    lines = new ArrayList<>();
    for (int i = 0; i < FILES.length; i++) {
      Path p = root.resolve("core50_128x128").resolve(FILES[i]);
      Files.createDirectories(p.getParent());
      BufferedImage img = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 128; y++) {
        for (int x = 0; x < 128; x++) {
          img.setRGB(x, y, ((x * (i + 1)) % 256) << 16 | ((y * 3) % 256) << 8 | ((x + y) % 256));
        }
      }
      ImageIO.write(img, "png", p.toFile());
      lines.add(FILES[i] + " " + (i % 2));
    }
    Files.createDirectories(root.resolve("batches_filelists/NC_inc/run0"));
    Files.write(
        root.resolve("batches_filelists/NC_inc/run0/test_filelist.txt"),
        List.of(lines.get(2), lines.get(0)));
  }

  @Test
  void extractAll_thenExportFilelist_writesArraysNumpyOpens() throws Exception {
    String store = root.resolve("store").toString();
    assertEquals(
        0,
        Slda.execute(
            "extract",
            "--data",
            root.toString(),
            "--backbone",
            "random-resnet18",
            "--store",
            store,
            "--partitions",
            "2"));
    String prefix = root.resolve("out/test").toString();
    Files.createDirectories(root.resolve("out"));
    String filelist = "batches_filelists/NC_inc/run0/test_filelist.txt";
    assertEquals(
        0,
        Slda.execute(
            "export",
            "--store",
            store,
            "--data",
            root.toString(),
            "--filelist",
            filelist,
            "--out",
            prefix));
    NpyArray f = NpyArray.parse(Files.readAllBytes(Path.of(prefix + "_features.npy")), "f");
    NpyArray l = NpyArray.parse(Files.readAllBytes(Path.of(prefix + "_labels.npy")), "l");
    assertArrayEquals(new long[] {2, 512}, f.shape());
    assertEquals("<i8", l.dtype());
    assertArrayEquals(new long[] {0, 0}, l.toLongs());
    SparkSession spark = Sparks.getOrCreate(null, "x");
    float[] expected =
        FeatureStore.open(spark, store)
            .collectOrdered(
                spark, List.of(new ImageRecord(FILES[2], 0), new ImageRecord(FILES[0], 0)));
    assertArrayEquals(expected, f.toFloats());
    assertEquals(
        2,
        Slda.execute(
            "export",
            "--store",
            store,
            "--data",
            root.toString(),
            "--filelist",
            filelist,
            "--out",
            prefix));
    assertEquals(
        0,
        Slda.execute(
            "export",
            "--store",
            store,
            "--data",
            root.toString(),
            "--filelist",
            filelist,
            "--out",
            prefix,
            "--overwrite"));
    numpyCheck(prefix);
  }

  private static void numpyCheck(String prefix) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")));
    String code =
        "import numpy as np, sys; f = np.load(sys.argv[1] + '_features.npy');"
            + " l = np.load(sys.argv[1] + '_labels.npy');"
            + " assert f.shape == (2, 512) and f.dtype == np.float32, f.shape;"
            + " assert l.dtype == np.int64 and list(l) == [0, 0], l;"
            + " assert np.isfinite(f).all(); print('ok')";
    Process p =
        new ProcessBuilder("/usr/bin/python3", "-c", code, prefix)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assumeTrue(!out.contains("No module named 'numpy'"), "numpy is not installed");
    assertEquals(0, p.exitValue(), out);
    assertEquals("ok", out.strip());
  }

  @Test
  void badFilelistLine_isNamedWithFileAndLine() throws IOException {
    Path list = root.resolve("bad_filelist.txt");
    Files.write(list, List.of(lines.get(0), "s1/o1/x.png notanumber"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    picocli.CommandLine cl = Slda.commandLine();
    cl.setErr(new java.io.PrintWriter(err, true));
    int code =
        cl.execute(
            "extract",
            "--data",
            root.toString(),
            "--backbone",
            "random-resnet18",
            "--store",
            root.resolve("s2").toString(),
            "--filelist",
            list.toString());
    assertEquals(Slda.EXIT_BAD_INPUT, code);
    assertTrue(err.toString().contains(list + ":2:"), err.toString());
  }

  @Test
  void help_showsDefaults() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    picocli.CommandLine cl = Slda.commandLine();
    cl.setOut(new java.io.PrintWriter(out, true));
    assertEquals(0, cl.execute("extract", "--help"));
    assertTrue(out.toString().contains("Default: 32"), out.toString());
    assertTrue(out.toString().contains("--skip-bad-images"), out.toString());
    out.reset();
    assertEquals(0, cl.execute("export", "--help"));
    assertTrue(out.toString().contains("--overwrite"), out.toString());
  }
}
