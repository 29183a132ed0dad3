package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.data.SynthOptions;
import org.deepslda.data.SyntheticCore50;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {
  @TempDir static Path data;
  @TempDir Path dir;

  @BeforeAll
  static void writeDataset() {
    SyntheticCore50.write(
        SynthOptions.builder(data.toString()).categories(2).frames(1).runs(1).build(),
        new Configuration());
  }

  private CliRunner preview(String... extra) {
    String[] base = {"preview", "--data", data.toString(), "--run", "0"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRunner.run(args);
  }

  @Test
  void preview_writesAPngGridOfTheExpectedSize() throws IOException {
    Path png = dir.resolve("grid.png");
    CliRunner r = preview("--batch", "1", "--count", "6", "--out", png.toString());
    assertEquals(0, r.exitCode, r.err);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(3 * (128 + 2) + 2, img.getWidth());
    assertEquals(2 * (128 + 16 + 2) + 2, img.getHeight());
    Path small = dir.resolve("small.png");
    r =
        preview(
            "--scenario",
            "ni",
            "--count",
            "5",
            "--tile",
            "32",
            "--level",
            "category",
            "--out",
            small.toString());
    assertEquals(0, r.exitCode, r.err);
    img = ImageIO.read(small.toFile());
    assertEquals(3 * 34 + 2, img.getWidth());
    assertEquals(2 * 50 + 2, img.getHeight());
  }

  @Test
  void preview_refusesToReplaceAFileWithoutOverwrite() throws IOException {
    Path png = dir.resolve("grid.png");
    Files.writeString(png, "mine");
    CliRunner r = preview("--out", png.toString());
    assertEquals(2, r.exitCode);
    assertTrue(r.err.contains("exists; pass --overwrite"), r.err);
    assertEquals("mine", Files.readString(png));
    r = preview("--out", png.toString(), "--overwrite", "--count", "1");
    assertEquals(0, r.exitCode, r.err);
    assertEquals(128 + 4, ImageIO.read(png.toFile()).getWidth());
  }

  @Test
  void preview_batchOutOfRangeNamesTheFlag() {
    CliRunner r = preview("--batch", "9", "--out", dir.resolve("x.png").toString());
    assertEquals(2, r.exitCode);
    assertTrue(
        r.err.startsWith("slda: error: --batch: core50-nc-run0-object has batches 0 to 8"), r.err);
  }

  @Test
  void preview_unknownScenarioNamesTheFlag() {
    CliRunner r =
        CliRunner.run(
            "preview",
            "--data",
            data.toString(),
            "--scenario",
            "xx",
            "--out",
            dir.resolve("x.png").toString());
    assertEquals(2, r.exitCode);
    assertTrue(r.err.startsWith("slda: error: --scenario: unknown scenario 'xx'"), r.err);
  }
}
