package org.deepslda.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one tiny dataset, feature store and uninterrupted reference run that every reliability test
 * shares, made once per test JVM under {@code target/reliability/shared}: {@code slda synth} with
 * 10 categories, 1 object each and 1 frame per session (NC: 9 training batches, 30 test images),
 * then {@code slda run} on NC run 0 with local[2] Spark, which also fills the store. Tests never
 * write into these folders: they copy what they damage.
 */
final class Shared {
  static final Path BASE = Path.of("target/reliability");
  static final Path ROOT = BASE.resolve("shared");
  static final Path DATA = ROOT.resolve("data");
  static final Path STORE = ROOT.resolve("store");
  static final Path REFERENCE = ROOT.resolve("reference");
  static final String NC_RUN0 = "batches_filelists/NC_inc/run0";
  static final String IMAGES = "core50_128x128";

  private static boolean ready;

  private Shared() {}

  /** Makes the shared dataset, store and reference run if this JVM has not yet. */
  static synchronized void ensure() {
    if (ready) {
      return;
    }
    deleteTree(ROOT);
    UserCli.run("synth", "--out", DATA.toString(), "--runs", "1", "--categories", "10",
        "--objects-per-category", "1", "--frames", "1").assertSucceeded();
    UserCli.run(UserCli.runArgs(DATA.toString(), STORE.toString(), REFERENCE.toString()))
        .assertSucceeded();
    ready = true;
  }

  /** A fresh, empty folder for one test: {@code target/reliability/<name>}. */
  static Path scratch(String name) {
    Path p = BASE.resolve(name);
    deleteTree(p);
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A dataset root for one test: its own copy of the NC run 0 filelists and of the image folder
   * (cheap: 130 small PNGs), so the test may damage either.
   */
  static Path copyOfData(Path dest) {
    copyTree(DATA.resolve(NC_RUN0), dest.resolve(NC_RUN0));
    copyTree(DATA.resolve(IMAGES), dest.resolve(IMAGES));
    return dest;
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
