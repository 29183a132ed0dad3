package org.deepslda.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.deepslda.common.EnvironmentException;

/** Checksums of models that DJL's model zoo downloaded (a file, or a folder of files). */
final class ModelZooFiles {
  private ModelZooFiles() {}

  /**
   * Hex SHA-256 over the relative name and bytes of every regular file under {@code path}, in name
   * order (or of the file itself).
   */
  static String sha256(Path path) {
    MessageDigest md = ResNet18Weights.sha256Digest();
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path f : files) {
        md.update(path.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
    } catch (IOException e) {
      throw new EnvironmentException("cannot checksum the model under " + path + ": " + e, e);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
