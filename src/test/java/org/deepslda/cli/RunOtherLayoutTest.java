package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepslda.common.Json;
import org.deepslda.common.NpyArray;
import org.deepslda.common.Npz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run is not tied to the demo's layout: a second generated set with other counts, another
 * seed, only the 32 px images, run 1 of NI at category level with another backbone seed.
 */
class RunOtherLayoutTest {
  static final Path BASE = Path.of("target/e2e-other");
  static final Path DATA = BASE.resolve("data");
  static final Path OUT = BASE.resolve("run");

  @BeforeAll
  static void generate() throws IOException {
    E2eFixture.deleteTree(BASE);
    E2eFixture.synth(DATA, "--categories", "5", "--objects-per-category", "2", "--frames", "1",
        "--image-size", "32", "--seed", "7");
  }

  @Test
  void run_niCategoryLevelMiniImages() throws IOException {
    CliRunner r = CliRunner.run("run", "--data", DATA.toString(), "--scenario", "ni", "--run",
        "1", "--level", "category", "--mini", "--backbone", "random-resnet18:3", "--store",
        BASE.resolve("store").toString(), "--out", OUT.toString(), "--master", "local[2]",
        "--shrinkage", "0.01", "--mask-unseen", "true");
    assertEquals(0, r.exitCode, r.err);

    JsonNode acc = Json.mapper().readTree(OUT.resolve("accuracies.json").toFile());
    assertEquals(8, acc.size(), "NI has one batch per training session");
    List<String> testLines = Files.readAllLines(
        DATA.resolve("batches_filelists/NI_inc_cat/run1/test_filelist.txt"));
    long tests = testLines.stream().filter(l -> !l.isBlank()).count();
    JsonNode predictions = Json.mapper().readTree(OUT.resolve("final_predictions.json").toFile());
    assertEquals(tests, predictions.size());
    for (JsonNode p : predictions) {
      assertTrue(p.asInt() >= 0 && p.asInt() < 5, "a category label: " + p);
    }

    Map<String, NpyArray> model = Npz.parse(
        Files.readAllBytes(OUT.resolve("final_slda_model.npz")), "final_slda_model.npz");
    assertArrayEquals(new long[] {5, 512}, model.get("muK").shape());
    JsonNode params = Json.mapper().readTree(OUT.resolve("parameter_arguments.json").toFile());
    assertEquals(32, params.get("image_size").asInt());
    assertEquals("category", params.get("label_level").asText());
    assertEquals(0.01, params.get("shrinkage").asDouble());
  }
}
