package org.deepslda.features;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deepslda.common.NpyArray;

/**
 * Runs {@code src/test/resources/python/reference.py} with the system's python3 + torch +
 * torchvision + PIL (Debian packages). Tests that need it are skipped when they are missing.
 */
final class PythonReference {
  static final String PYTHON = "/usr/bin/python3";
  private static Boolean available;

  private PythonReference() {}

  /** Skips the calling test unless /usr/bin/python3 imports torch, torchvision and PIL. */
  static void assumeAvailable() {
    assumeTrue(available(), PYTHON + " with torch, torchvision and PIL is not installed");
  }

  /** Skips the calling test unless /usr/bin/python3 imports numpy. */
  static void assumeNumpy() {
    assumeTrue(runs("import numpy"), PYTHON + " with numpy is not installed");
  }

  static synchronized boolean available() {
    if (available == null) {
      available = runs("import torch, torchvision, PIL, numpy");
    }
    return available;
  }

  private static boolean runs(String code) {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    try {
      return run(List.of(PYTHON, "-c", code)).isEmpty();
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Runs python with {@code args} after the script; returns "" or throws with its output. */
  static void reference(Path dir, String... args) throws IOException {
    Path script = dir.resolve("reference.py");
    try (InputStream in = PythonReference.class.getResourceAsStream("/python/reference.py")) {
      Files.write(script, in.readAllBytes());
    }
    List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString()));
    cmd.addAll(List.of(args));
    String err = run(cmd);
    if (!err.isEmpty()) {
      throw new IllegalStateException("reference.py failed: " + err);
    }
  }

  /** Runs {@code cmd}; returns "" on exit 0, else throws with the output. */
  static String run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + cmd);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            cmd + " exited " + p.exitValue() + ": " + new String(out, StandardCharsets.UTF_8));
      }
      return "";
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static NpyArray load(Path file) throws IOException {
    return NpyArray.parse(Files.readAllBytes(file), file.toString());
  }

  static Path writeList(Path file, List<Path> images) throws IOException {
    List<String> lines = new ArrayList<>();
    images.forEach(p -> lines.add(p.toString()));
    return Files.write(file, lines);
  }
}
