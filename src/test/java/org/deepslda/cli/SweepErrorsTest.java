package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code slda sweep} refuses bad grid values (naming the flag and the value) and a store that
 * lacks features (with the count, examples and the extract command), before writing anything.
 */
class SweepErrorsTest {
  static final Path BASE = Path.of("target/sweep-errors");
  static final Path DATA = BASE.resolve("data");
  static final Path STORE = BASE.resolve("store");
  static final Path OUT = BASE.resolve("sweep");

  @BeforeAll
  static void generate() throws IOException {
    E2eFixture.deleteTree(BASE);
    E2eFixture.synth(DATA, "--categories", "10", "--objects-per-category", "1", "--frames", "1");
    Path testList = DATA.resolve("batches_filelists/NC_inc/run0/test_filelist.txt");
    CliRunner r = CliRunner.run("extract", "--data", DATA.toString(), "--backbone",
        "random-resnet18:0", "--store", STORE.toString(), "--filelist", testList.toString(),
        "--master", "local[2]");
    assertEquals(0, r.exitCode, r.err);
  }

  private static CliRunner sweep(String... grid) {
    List<String> args = new java.util.ArrayList<>(List.of("sweep", "--data", DATA.toString(),
        "--store", STORE.toString(), "--out", OUT.toString(), "--master", "local[2]"));
    args.addAll(List.of(grid));
    return CliRunner.run(args.toArray(new String[0]));
  }

  @Test
  void sweep_missingFeaturesReportedBeforeAnyWork() {
    CliRunner r = sweep("--scenarios", "nc", "--runs", "0");
    assertEquals(2, r.exitCode, r.err);
    assertTrue(r.err.contains("lacks the features of 80 of the 110 images"), r.err);
    assertTrue(r.err.contains("e.g. s"), r.err);
    assertTrue(r.err.contains("slda extract --data " + DATA + " --backbone random-resnet18:0"
        + " --store " + STORE), r.err);
    assertFalse(Files.exists(OUT), "nothing written");
  }

  @Test
  void sweep_badGridValuesNameTheFlag() {
    assertBad("--runs", "0-12", "--runs", "0-12");
    assertBad("--runs", "x", "--runs", "x");
    assertBad("--runs", "1,1", "--runs", "listed twice");
    assertBad("--shrinkage", "0", "--shrinkage", "'0'");
    assertBad("--shrinkage", "1e-4,abc", "--shrinkage", "abc");
    assertBad("--plastic-cov", "yes", "--plastic-cov", "yes");
    assertBad("--mask-unseen", "true,on", "--mask-unseen", "'on'");
    assertBad("--scenarios", "nc,xyz", "--scenarios", "xyz");
    assertBad("--image-size", "64", "--image-size", "64");
    assertBad("--level", "class", "--level", "class");
    assertBad("--partitions", "-1", "--partitions", "-1");
    assertFalse(Files.exists(OUT), "nothing written");
  }

  private static void assertBad(String flag, String value, String... expected) {
    CliRunner r = sweep(flag, value);
    assertEquals(2, r.exitCode, flag + " " + value + ": " + r.err);
    for (String e : expected) {
      assertTrue(r.err.contains(e), flag + " " + value + ": " + r.err);
    }
  }

  @Test
  void sweep_configValuesAreCheckedToo() throws IOException {
    Path config = BASE.resolve("bad.yaml");
    Files.writeString(config, "runs: [0, 10]\n");
    CliRunner r = sweep("--config", config.toString());
    assertEquals(2, r.exitCode, r.err);
    assertTrue(r.err.contains("--runs") && r.err.contains("10"), r.err);
  }

  @Test
  void sweep_helpShowsDefaults() {
    CliRunner r = CliRunner.run("sweep", "--help");
    assertEquals(0, r.exitCode, r.err);
    for (String s : List.of("--scenarios", "--runs", "(default: 0-9)", "--shrinkage",
        "(default: 1e-4)", "--plastic-cov", "--mask-unseen", "--checkpoints", "--partitions")) {
      assertTrue(r.out.replaceAll("\\s+", " ").contains(s), s + " in\n" + r.out);
    }
  }
}
