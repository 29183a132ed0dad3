package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class SynthCommandTest {
  @TempDir Path dir;

  @Test
  void synth_writesTheCore50LayoutAndExitsZero() {
    Path root = dir.resolve("d");
    CliRunner r =
        CliRunner.run(
            "synth",
            "--out",
            root.toString(),
            "--categories",
            "1",
            "--frames",
            "1",
            "--runs",
            "1",
            "--image-size",
            "128,32");
    assertEquals(0, r.exitCode, r.err);
    assertTrue(Files.exists(root.resolve("core50_32x32/s11/o5/C_11_05_000.png")));
    assertTrue(Files.exists(root.resolve("batches_filelists/NI_inc_cat/run0/test_filelist.txt")));
    assertTrue(r.out.contains("5 objects"), r.out);
  }

  @Test
  void synth_configFileGivesDefaultsAndFlagsWin() throws IOException {
    Path root = dir.resolve("d");
    Path yaml = dir.resolve("synth.yaml");
    Files.writeString(yaml, "out: " + root + "\ncategories: 1\nframes: 1\nruns: 1\n");
    CliRunner r = CliRunner.run("synth", "--config", yaml.toString(), "--frames", "2");
    assertEquals(0, r.exitCode, r.err);
    assertTrue(Files.exists(root.resolve("core50_128x128/s1/o1/C_01_01_001.png")));
    assertFalse(Files.exists(root.resolve("core50_128x128/s1/o6")));
  }

  @Test
  void synth_badValueIsAOneLineErrorWithExitCode2() {
    CliRunner r = CliRunner.run("synth", "--out", dir.toString(), "--categories", "11");
    assertEquals(2, r.exitCode);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.startsWith("slda: error: --categories: expected 1 to 10, found 11"), r.err);
  }

  @Test
  void synth_nonEmptyRootNeedsOverwrite() throws IOException {
    Files.writeString(dir.resolve("x.txt"), "mine");
    CliRunner r = CliRunner.run("synth", "--out", dir.toString(), "--runs", "1");
    assertEquals(2, r.exitCode);
    assertTrue(r.err.contains("--overwrite"), r.err);
  }

  @Test
  void help_everyDataCommandDocumentsEachOptionAndItsDefault() {
    for (String name : List.of("synth", "fetch", "preview")) {
      CommandLine sub = Slda.commandLine().getSubcommands().get(name);
      String help = sub.getUsageMessage().replaceAll("\\s+", " ");
      for (OptionSpec o : sub.getCommandSpec().options()) {
        assertTrue(help.contains(o.longestName()), name + " help lacks " + o.longestName());
        assertTrue(o.description().length > 0, name + " " + o.longestName());
        String shown = o.defaultValue() != null ? o.defaultValue() : str(o.initialValue());
        if (shown != null && !o.usageHelp() && !o.versionHelp()) {
          assertTrue(
              help.contains("Default: " + shown),
              name + " " + o.longestName() + " does not show its default " + shown);
        }
      }
      CliRunner r = CliRunner.run(name, "--help");
      assertEquals(0, r.exitCode);
      assertTrue(r.out.contains("Usage: slda " + name), r.out);
    }
  }

  private static String str(Object value) {
    return value == null || value instanceof java.util.Collection ? null : value.toString();
  }
}
