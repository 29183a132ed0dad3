package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepslda.common.Json;
import org.deepslda.common.NpyArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job end to end through the CLI, with local Spark, on a generated CORe50-layout set:
 * the seed's files are all there and well formed, and the accuracies equal those of a plain
 * single-process per-sample loop (written in the test from PRODUCT.md's equations) over the same
 * features. Leaves its run at {@code target/e2e/run} and its dataset at {@code target/e2e/data}
 * for the notebooks that {@code scripts/test.sh} executes afterwards.
 */
class RunEndToEndTest {
  static final Path BASE = Path.of("target/e2e");
  static final Path DATA = BASE.resolve("data");
  static final Path STORE = BASE.resolve("store");
  static final Path RUN = BASE.resolve("run");

  @BeforeAll
  static void generateAndRun() throws IOException {
    E2eFixture.deleteTree(BASE);
    E2eFixture.synth(DATA, "--categories", "10", "--objects-per-category", "1", "--frames", "1");
    CliRunner r = CliRunner.run(E2eFixture.runArgs(DATA, STORE, RUN));
    assertEquals(0, r.exitCode, r.err);
  }

  @Test
  void run_writesEverySeedFile() throws IOException {
    for (String name : List.of("accuracies.json", "parameter_arguments.json",
        "experimental_meta_data.json", "final_predictions.json", "metrics.json",
        "confusion_matrices.json", "_SUCCESS")) {
      JsonNode json = Json.mapper().readTree(RUN.resolve(name).toFile());
      assertTrue(json.size() > 0, name + " is empty");
    }
    for (String png : List.of("incremental_performance.png", "confusion_matrix.png")) {
      byte[] head = Files.readAllBytes(RUN.resolve(png));
      assertEquals((byte) 0x89, head[0], png);
      assertEquals('P', head[1], png);
    }
    for (int i = 0; i < 9; i++) {
      assertTrue(Files.size(RUN.resolve("slda_model_batch_" + i + ".npz")) > 0);
    }
    assertTrue(Files.exists(RUN.resolve("final_slda_model.npz")));
    assertEquals(9, Json.mapper().readTree(RUN.resolve("accuracies.json").toFile()).size());
    JsonNode params = Json.mapper().readTree(RUN.resolve("parameter_arguments.json").toFile());
    assertTrue(params.get("backbone_weights").asText().contains("random"));
    try (var files = Files.list(RUN)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".crc")),
          "no Hadoop .crc side files in the run folder");
    }
  }

  @Test
  void run_accuraciesEqualPlainPerSampleLoop() throws IOException {
    Path lists = DATA.resolve("batches_filelists/NC_inc/run0");
    Path exports = BASE.resolve("exports");
    Files.createDirectories(exports);
    PlainSlda reference = null;
    Labelled test = export(lists.resolve("test_filelist.txt"), exports.resolve("test"));
    JsonNode written = Json.mapper().readTree(RUN.resolve("accuracies.json").toFile());
    int[] lastPredictions = null;
    for (int b = 0; b < 9; b++) {
      String name = String.format("train_batch_%02d_filelist.txt", b);
      Labelled batch = export(lists.resolve(name), exports.resolve("b" + b));
      if (reference == null) {
        reference = new PlainSlda(batch.dim, 10, 1e-4);
      }
      for (int i = 0; i < batch.labels.length; i++) {
        reference.learn(batch.features, i * batch.dim, batch.labels[i]);
      }
      lastPredictions = reference.predict(test.features, test.labels.length);
      int correct = 0;
      for (int i = 0; i < test.labels.length; i++) {
        correct += lastPredictions[i] == test.labels[i] ? 1 : 0;
      }
      assertEquals((double) correct / test.labels.length, written.get(b).asDouble(), 1e-12,
          "accuracy after batch " + b);
    }
    JsonNode finalPredictions =
        Json.mapper().readTree(RUN.resolve("final_predictions.json").toFile());
    int[] fromRun = new int[finalPredictions.size()];
    for (int i = 0; i < fromRun.length; i++) {
      fromRun[i] = finalPredictions.get(i).asInt();
    }
    assertArrayEquals(lastPredictions, fromRun);
  }

  /** Features (via {@code slda export}) and labels (read from the file here) of a filelist. */
  private static Labelled export(Path filelist, Path prefix) throws IOException {
    CliRunner r = CliRunner.run("export", "--store", STORE.toString(), "--data",
        DATA.toString(), "--filelist", filelist.toString(), "--out", prefix.toString(),
        "--overwrite");
    assertEquals(0, r.exitCode, r.err);
    NpyArray x = NpyArray.parse(Files.readAllBytes(Path.of(prefix + "_features.npy")), "x");
    List<Integer> labels = new ArrayList<>();
    for (String line : Files.readAllLines(filelist)) {
      if (!line.isBlank()) {
        labels.add(Integer.parseInt(line.trim().split("\\s+")[1]));
      }
    }
    return new Labelled(x.toFloats(), labels.stream().mapToInt(Integer::intValue).toArray(),
        (int) x.shape()[1]);
  }

  private record Labelled(float[] features, int[] labels, int dim) {}
}
