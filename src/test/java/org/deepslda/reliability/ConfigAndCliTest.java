package org.deepslda.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deepslda.cli.Slda;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Config files and flags a user gets wrong. Each is refused before any work starts, with exit
 * code 2 and one line naming the key or flag, the value found and what is allowed, and leaves the
 * output folder exactly as it was.
 */
@DisplayName("config and CLI")
class ConfigAndCliTest {
  static Path dir;

  @BeforeAll
  static void setUp() {
    Shared.ensure();
    dir = Shared.scratch("config-cli");
  }

  private static UserCli runWith(Path out, String... extra) {
    return UserCli.run(UserCli.runArgs(Shared.DATA.toString(), Shared.STORE.toString(),
        out.toString(), extra));
  }

  private static UserCli runWithConfig(String name, String yaml) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    Path out = dir.resolve(name);
    Map<String, byte[]> before = Outputs.userFolder(out);
    UserCli r = runWith(out, "--config", file.toString());
    Outputs.assertUnchanged(before, out);
    return r;
  }

  @Test
  @DisplayName("unknown YAML key")
  void config_unknownKey() throws IOException {
    runWithConfig("unknown-key", "shrinkage: 1e-4\nshrinkge: 1e-3\n")
        .assertFailed(Slda.EXIT_BAD_INPUT, "unknown-key.yaml", "'shrinkge'", "allowed keys");
  }

  @Test
  @DisplayName("wrong type in YAML: shrinkage: abc")
  void config_shrinkageNotANumber() throws IOException {
    runWithConfig("shrinkage-abc", "shrinkage: abc\n")
        .assertFailed(Slda.EXIT_BAD_INPUT, "shrinkage-abc.yaml", "shrinkage", "'abc'");
  }

  @Test
  @DisplayName("wrong type in YAML: run: 1.5")
  void config_runNotAnInteger() throws IOException {
    runWithConfig("run-1.5", "run: 1.5\n")
        .assertFailed(Slda.EXIT_BAD_INPUT, "run-1.5.yaml", "run", "'1.5'");
  }

  @Test
  @DisplayName("wrong type on the command line: --run 1.5")
  void flag_runNotAnInteger() {
    Path out = dir.resolve("flag-run");
    Map<String, byte[]> before = Outputs.userFolder(out);
    runWith(out, "--run", "1.5").assertFailed(Slda.EXIT_BAD_INPUT, "--run", "'1.5'");
    Outputs.assertUnchanged(before, out);
  }

  @ParameterizedTest(name = "out-of-range shrinkage {0}")
  @ValueSource(strings = {"0", "-1", "1.5", "NaN"})
  void flag_shrinkageOutOfRange(String value) {
    Path out = dir.resolve("shrinkage-" + value);
    Map<String, byte[]> before = Outputs.userFolder(out);
    runWith(out, "--shrinkage", value)
        .assertFailed(Slda.EXIT_BAD_INPUT, "--shrinkage", "(0, 1]", "found ");
    Outputs.assertUnchanged(before, out);
  }

  @Test
  @DisplayName("out-of-range shrinkage in YAML")
  void config_shrinkageOutOfRange() throws IOException {
    runWithConfig("shrinkage-zero", "shrinkage: 0\n")
        .assertFailed(Slda.EXIT_BAD_INPUT, "--shrinkage", "(0, 1]", "found 0");
  }

  @Test
  @DisplayName("a scenario that does not exist: --scenario xyz")
  void flag_unknownScenario() {
    runWith(dir.resolve("xyz"), "--scenario", "xyz")
        .assertFailed(Slda.EXIT_BAD_INPUT, "--scenario", "'xyz'", "nicv2_391");
  }

  @Test
  @DisplayName("a run that does not exist: --run 12")
  void flag_runOutOfRange() {
    runWith(dir.resolve("run12"), "--run", "12")
        .assertFailed(Slda.EXIT_BAD_INPUT, "--run", "12", "0 to 9");
  }

  @Test
  @DisplayName("a run the dataset does not ship: --run 1 of a one-run dataset")
  void flag_runWithoutFilelists() {
    runWith(dir.resolve("run1"), "--run", "1")
        .assertFailed(Slda.EXIT_BAD_INPUT, "NC_inc/run1", "does not exist");
  }

  @Test
  @DisplayName("missing required flags: --data, --store, --out")
  void flags_missingRequired() {
    Path out = dir.resolve("missing");
    UserCli.run("run", "--store", "s", "--out", out.toString())
        .assertFailed(Slda.EXIT_BAD_INPUT, "--data");
    UserCli.run("run", "--data", Shared.DATA.toString(), "--out", out.toString())
        .assertFailed(Slda.EXIT_BAD_INPUT, "--store");
    UserCli.run("run", "--data", Shared.DATA.toString(), "--store", "s")
        .assertFailed(Slda.EXIT_BAD_INPUT, "--out");
    Outputs.assertNoResults(out);
  }

  @Test
  @DisplayName("an unknown flag")
  void flag_unknown() {
    runWith(dir.resolve("unknown-flag"), "--shrinkge", "1e-3")
        .assertFailed(Slda.EXIT_BAD_INPUT, "--shrinkge", "slda run --help");
  }

  @Test
  @DisplayName("an output folder that already holds a complete run")
  void out_completeRunIsRefused() {
    Map<String, byte[]> before = Outputs.snapshot(Shared.REFERENCE);
    runWith(Shared.REFERENCE).assertFailed(Slda.EXIT_BAD_INPUT,
        Shared.REFERENCE.toString(), "already holds a complete run", "--overwrite", "--resume");
    Outputs.assertUnchanged(before, Shared.REFERENCE);
  }

  @Test
  @DisplayName("--resume and --overwrite together")
  void flags_resumeAndOverwrite() {
    Map<String, byte[]> before = Outputs.snapshot(Shared.REFERENCE);
    runWith(Shared.REFERENCE, "--resume", "--overwrite")
        .assertFailed(Slda.EXIT_BAD_INPUT, "--resume and --overwrite");
    Outputs.assertUnchanged(before, Shared.REFERENCE);
  }
}
