package org.deepslda.features;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.HadoopFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local copies of TorchScript files that may live on any Hadoop file system: libtorch loads only
 * local files, so each JVM copies the file once into a cache folder, named by the SHA-256 of its
 * bytes ({@code <cache>/torchscript/<sha256>.pt}). The cache folder is the system property {@code
 * deep.slda.cache.dir}, else {@code $DEEP_SLDA_CACHE_DIR}, else {@code
 * java.io.tmpdir/deep-slda-cache}. Copies are written to a temporary name and moved into place, so
 * concurrent tasks on one host never read a partial file. Thread-safe.
 */
final class TorchScriptFiles {
  private static final Logger LOG = LoggerFactory.getLogger(TorchScriptFiles.class);

  private TorchScriptFiles() {}

  static Path cacheDir() {
    String env = System.getProperty("deep.slda.cache.dir", System.getenv("DEEP_SLDA_CACHE_DIR"));
    Path root =
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("java.io.tmpdir"), "deep-slda-cache");
    return root.resolve("torchscript");
  }

  /**
   * A local copy of {@code uri} whose SHA-256 is {@code expectedSha256} (null: whatever the file
   * holds now). Reuses an earlier copy with that checksum.
   *
   * @throws BadInputException if the file does not exist, or its checksum is not the expected one
   *     (the file changed after the store or the driver recorded it)
   */
  static Path localCopy(String uri, String expectedSha256, Configuration conf) {
    Path dir = cacheDir();
    if (expectedSha256 != null) {
      Path cached = dir.resolve(expectedSha256 + ".pt");
      if (Files.isRegularFile(cached)) {
        return cached;
      }
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".copy-", ".pt");
      String sha = copyHashing(uri, tmp, conf);
      if (expectedSha256 != null && !expectedSha256.equals(sha)) {
        Files.deleteIfExists(tmp);
        throw new BadInputException(
            "--backbone "
                + uri
                + ": the file's sha256 is now "
                + sha
                + ", but "
                + expectedSha256
                + " was recorded for it; the file changed while in use");
      }
      Path target = dir.resolve(sha + ".pt");
      move(tmp, target);
      LOG.debug("TorchScript {} cached as {}", uri, target);
      return target;
    } catch (IOException e) {
      throw new EnvironmentException("cannot cache " + uri + " under " + dir + ": " + e, e);
    }
  }

  private static String copyHashing(String uri, Path tmp, Configuration conf) throws IOException {
    org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(uri);
    FileSystem fs = HadoopFiles.fs(src, conf);
    MessageDigest md = ResNet18Weights.sha256Digest();
    try (InputStream in = new DigestInputStream(fs.open(src), md);
        OutputStream out = Files.newOutputStream(tmp)) {
      in.transferTo(out);
    } catch (FileNotFoundException e) {
      Files.deleteIfExists(tmp);
      throw new BadInputException("--backbone " + uri + ": no such TorchScript file", e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The checksum-named file name of a local copy, which is its SHA-256. */
  static String sha256Of(Path localCopy) {
    String name = localCopy.getFileName().toString();
    return name.substring(0, name.length() - ".pt".length());
  }
}
