package org.deepslda.lda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh folders for test files, under the build's target folder. */
final class TestDirs {
  private TestDirs() {}

  static Path fresh(String name) {
    try {
      Path root = Files.createDirectories(Path.of("target", "lda-tests"));
      return Files.createTempDirectory(root, name + "-").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
