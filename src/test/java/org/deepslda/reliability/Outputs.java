package org.deepslda.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Assertions on run folders: what a failed run may leave, and what a good run must hold. */
final class Outputs {
  /** Files whose bytes depend only on the inputs (not on timing, paths or the machine). */
  static final List<String> DETERMINISTIC = List.of("accuracies.json", "final_predictions.json",
      "metrics.json", "confusion_matrices.json", "final_slda_model.npz");

  /** Files that only a finished run writes; a failed run must leave none. */
  static final List<String> RESULTS = List.of("_SUCCESS", "accuracies.json",
      "parameter_arguments.json", "experimental_meta_data.json", "final_predictions.json",
      "incremental_performance.png", "final_slda_model.npz", "metrics.json",
      "confusion_matrices.json", "confusion_matrix.png", "skipped_images.json");

  private Outputs() {}

  /** Every regular file under {@code dir} (relative name to bytes); empty if none. */
  static Map<String, byte[]> snapshot(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(dir)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The folder holds exactly the files of {@code before}, byte for byte. */
  static void assertUnchanged(Map<String, byte[]> before, Path dir) {
    Map<String, byte[]> after = snapshot(dir);
    assertEquals(before.keySet(), after.keySet(), "files in " + dir);
    for (String name : before.keySet()) {
      assertArrayEquals(before.get(name), after.get(name), name + " changed");
    }
  }

  /** No result file and no {@code _SUCCESS} marker in {@code out} (it may not even exist). */
  static void assertNoResults(Path out) {
    for (String name : RESULTS) {
      assertFalse(Files.exists(out.resolve(name)), name + " must not exist after a failure");
    }
  }

  /** A user's folder with one file of theirs in it, to check that failures leave it alone. */
  static Map<String, byte[]> userFolder(Path out) {
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("my-notes.txt"), "notes the user keeps here\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return snapshot(out);
  }

  /** The deterministic files, and every batch checkpoint, equal those of {@code expected}. */
  static void assertSameResults(Path expected, Path actual) {
    List<String> names = new ArrayList<>(DETERMINISTIC);
    for (int i = 0; i < 9; i++) {
      names.add("slda_model_batch_" + i + ".npz");
    }
    try {
      for (String name : names) {
        assertArrayEquals(Files.readAllBytes(expected.resolve(name)),
            Files.readAllBytes(actual.resolve(name)), name + " differs from " + expected);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
