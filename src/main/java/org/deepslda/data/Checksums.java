package org.deepslda.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.HadoopFiles;

/**
 * Expected digests of downloaded files, as {@code md5sum} or {@code sha256sum} print them: one
 * {@code <hex digest> <file name>} per line (an optional {@code *} before the name), {@code #}
 * comments. 32 hex digits are an MD5, 64 a SHA-256. Immutable.
 */
public final class Checksums {
  private static final Pattern LINE = Pattern.compile("([0-9A-Fa-f]+)\\s+\\*?(\\S+)");
  private final Map<String, String> byName;

  private Checksums(Map<String, String> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static Checksums none() {
    return new Checksums(Map.of());
  }

  /**
   * Reads a checksum file (local path or Hadoop FS URI).
   *
   * @throws BadInputException naming {@code FILE:LINE} for a line that is not a digest and a name
   */
  public static Checksums read(String file, Configuration conf) {
    List<String> lines = HadoopFiles.readLines(file, conf);
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches() || (m.group(1).length() != 32 && m.group(1).length() != 64)) {
        throw new BadInputException(
            file
                + ":"
                + (i + 1)
                + ": expected '<32 or 64 hex digits> <file name>', found '"
                + line
                + "'");
      }
      String name = m.group(2).substring(m.group(2).lastIndexOf('/') + 1);
      map.put(name, m.group(1).toLowerCase(Locale.ROOT));
    }
    return new Checksums(map);
  }

  /** The expected hex digest of a file name, or null. */
  public String expected(String fileName) {
    return byName.get(fileName);
  }

  /**
   * Checks a local file against a hex digest (MD5 if 32 digits, SHA-256 if 64).
   *
   * @throws BadInputException naming the file, the algorithm, the expected and found digests
   */
  static void verify(java.nio.file.Path file, String expectedHex, String source) {
    String algorithm = expectedHex.length() == 32 ? "MD5" : "SHA-256";
    String found = digest(file, algorithm);
    if (!found.equalsIgnoreCase(expectedHex)) {
      throw new BadInputException(
          source
              + ": "
              + algorithm
              + " mismatch: expected "
              + expectedHex
              + ", found "
              + found
              + " (damaged or different download; delete "
              + file
              + " and retry)");
    }
  }

  static String digest(java.nio.file.Path file, String algorithm) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance(algorithm))) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // the digest stream consumes the bytes
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new EnvironmentException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
