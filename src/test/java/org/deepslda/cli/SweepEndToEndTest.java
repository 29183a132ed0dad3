package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.deepslda.common.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code slda sweep} end to end with local[2] Spark on a generated CORe50-layout set: each point
 * equals {@code slda run} with the same settings, the summary and plots are complete, and a
 * sweep started again recomputes only the points without their {@code _SUCCESS}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SweepEndToEndTest {
  static final Path BASE = Path.of("target/sweep-e2e");
  static final Path DATA = BASE.resolve("data");
  static final Path STORE = BASE.resolve("store");
  static final Path SWEEP = BASE.resolve("sweep");
  static final String PLASTIC = "nc-run0-shr1e-4-covplastic-maskoff";
  static final String FIXED_MASKED = "nc-run1-shr1e-2-covfixed-maskon";

  @BeforeAll
  static void generateExtractAndSweep() throws IOException {
    E2eFixture.deleteTree(BASE);
    E2eFixture.synth(DATA, "--categories", "10", "--objects-per-category", "1", "--frames", "1");
    ok(CliRunner.run("extract", "--data", DATA.toString(), "--backbone", "random-resnet18:0",
        "--store", STORE.toString(), "--master", "local[2]"));
    ok(CliRunner.run(sweepArgs()));
  }

  static String[] sweepArgs(String... extra) {
    List<String> args = new ArrayList<>(List.of("sweep", "--data", DATA.toString(), "--store",
        STORE.toString(), "--out", SWEEP.toString(), "--scenarios", "nc,ni", "--runs", "0-1",
        "--shrinkage", "1e-4,1e-2", "--plastic-cov", "true,false", "--mask-unseen", "false,true",
        "--master", "local[2]"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  static CliRunner ok(CliRunner r) {
    assertEquals(0, r.exitCode, r.err);
    return r;
  }

  @Test
  @Order(1)
  void sweep_pointsEqualRunWithSameSettings() throws IOException {
    comparePointWithRun(PLASTIC, "0");
    comparePointWithRun(FIXED_MASKED, "1", "--shrinkage", "1e-2", "--plastic-cov", "false",
        "--mask-unseen", "true");
  }

  private static void comparePointWithRun(String point, String run, String... settings)
      throws IOException {
    Path out = BASE.resolve("run-" + point);
    List<String> args = new ArrayList<>(List.of(E2eFixture.runArgs(DATA, STORE, out)));
    args.set(args.indexOf("--run") + 1, run);
    args.addAll(List.of(settings));
    ok(CliRunner.run(args.toArray(new String[0])));
    Path folder = SWEEP.resolve("points").resolve(point);
    for (String name : List.of("accuracies.json", "final_predictions.json")) {
      assertEquals(json(out.resolve(name)), json(folder.resolve(name)), point + " " + name);
    }
    assertEquals(json(out.resolve("metrics.json")), json(folder.resolve("metrics.json")));
  }

  @Test
  @Order(2)
  void sweep_writesRunFilesSummaryAndCurves() throws IOException {
    try (Stream<Path> points = Files.list(SWEEP.resolve("points"))) {
      assertEquals(32, points.filter(p -> Files.exists(p.resolve("_SUCCESS"))).count());
    }
    Path one = SWEEP.resolve("points").resolve(PLASTIC);
    for (String name : List.of("accuracies.json", "parameter_arguments.json",
        "experimental_meta_data.json", "final_predictions.json", "metrics.json")) {
      assertTrue(Files.size(one.resolve(name)) > 2, name);
    }
    assertFalse(Files.exists(one.resolve("final_slda_model.npz")), "checkpoints only if asked");
    JsonNode rows = json(SWEEP.resolve("summary.json"));
    assertEquals(32, rows.size());
    JsonNode row = find(rows, PLASTIC);
    assertEquals("nc", row.get("scenario").asText());
    assertEquals(0, row.get("run").asInt());
    assertEquals("object", row.get("level").asText());
    assertEquals(1e-4, row.get("shrinkage").asDouble());
    assertTrue(row.get("plastic_cov").asBoolean());
    assertFalse(row.get("mask_unseen").asBoolean());
    assertEquals(json(one.resolve("accuracies.json")), row.get("accuracy_per_batch"));
    assertEquals(9, row.get("accuracy_per_batch").size());
    assertTrue(row.get("seconds").asDouble() > 0);
    List<String> csv = Files.readAllLines(SWEEP.resolve("summary.csv"));
    assertEquals(33, csv.size());
    assertEquals("point,scenario,run,level,shrinkage,plastic_cov,mask_unseen,accuracy_per_batch,"
        + "final_accuracy,mean_incremental_accuracy,seconds", csv.get(0));
    String line = csv.stream().filter(l -> l.startsWith(PLASTIC + ",")).findFirst().orElseThrow();
    String[] cells = line.split(",");
    assertEquals(9, cells[7].split(";").length);
    assertEquals(row.get("final_accuracy").asDouble(), Double.parseDouble(cells[8]));
    for (String scenario : List.of("nc", "ni")) {
      byte[] png = Files.readAllBytes(SWEEP.resolve("curves_" + scenario + ".png"));
      assertEquals((byte) 0x89, png[0]);
      assertEquals('P', png[1]);
    }
  }

  @Test
  @Order(3)
  void sweep_restartRecomputesOnlyIncompletePoints() throws IOException {
    Map<String, Long> before = successTimes();
    Files.delete(SWEEP.resolve("points").resolve(FIXED_MASKED).resolve("_SUCCESS"));
    Path config = BASE.resolve("sweep.yaml");
    Files.writeString(config, String.join("\n", "data: " + DATA, "store: " + STORE,
        "out: " + SWEEP, "scenarios: [nc, ni]", "runs: [0, 1]", "shrinkage: [1e-4, 1e-2]",
        "plastic-cov: [true, false]", "mask-unseen: [false, true]", "master: local[2]", ""));
    long summaryBefore = Files.getLastModifiedTime(SWEEP.resolve("summary.json")).toMillis();
    ok(CliRunner.run("sweep", "--config", config.toString()));
    Map<String, Long> after = successTimes();
    assertEquals(before.keySet(), after.keySet());
    for (String point : before.keySet()) {
      if (point.equals(FIXED_MASKED)) {
        assertNotEquals(before.get(point), after.get(point), "recomputed: " + point);
      } else {
        assertEquals(before.get(point), after.get(point), "skipped: " + point);
      }
    }
    assertTrue(Files.getLastModifiedTime(SWEEP.resolve("summary.json")).toMillis()
        >= summaryBefore);
    ok(CliRunner.run("sweep", "--config", config.toString()));
    assertEquals(after, successTimes(), "a complete sweep recomputes nothing");
  }

  private static Map<String, Long> successTimes() throws IOException {
    Map<String, Long> times = new TreeMap<>();
    try (Stream<Path> points = Files.list(SWEEP.resolve("points"))) {
      for (Path p : points.toList()) {
        times.put(p.getFileName().toString(),
            Files.getLastModifiedTime(p.resolve("_SUCCESS")).to(java.util.concurrent.TimeUnit
                .NANOSECONDS));
      }
    }
    return times;
  }

  private static JsonNode find(JsonNode rows, String point) {
    for (JsonNode r : rows) {
      if (r.get("point").asText().equals(point)) {
        return r;
      }
    }
    throw new AssertionError("no summary row for " + point);
  }

  static JsonNode json(Path file) throws IOException {
    return Json.mapper().readTree(file.toFile());
  }
}
