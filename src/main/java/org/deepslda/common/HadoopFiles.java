package org.deepslda.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * File access through the Hadoop FileSystem API, so that every path the user gives may be a
 * local path, {@code file://}, {@code hdfs://} or {@code s3a://} URI. Writes are atomic: the
 * bytes go to a hidden sibling first and are renamed into place only when complete.
 */
public final class HadoopFiles {
  /** Writes bytes to a stream; may throw {@link IOException}. */
  @FunctionalInterface
  public interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  private HadoopFiles() {}

  /** A configuration for code that runs outside a Spark session (tests, the driver's CLI). */
  public static Configuration defaultConf() {
    return new Configuration();
  }

  /**
   * The file system of {@code path}; for local paths the raw one, which writes no {@code .crc}
   * side files into the user's folders. Shared and cached: do not close it.
   */
  public static FileSystem fs(Path path, Configuration conf) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    } catch (IOException e) {
      throw new EnvironmentException("cannot open the file system of " + path + ": " + e, e);
    }
  }

  /** Joins a root URI or path and a relative path with exactly one separator. */
  public static String join(String root, String relative) {
    if (root.endsWith("/")) {
      return root + relative;
    }
    return root + "/" + relative;
  }

  public static boolean exists(String uri, Configuration conf) {
    Path p = new Path(uri);
    try {
      return fs(p, conf).exists(p);
    } catch (IOException e) {
      throw new EnvironmentException("cannot check whether " + uri + " exists: " + e, e);
    }
  }

  public static byte[] readAllBytes(String uri, Configuration conf) {
    Path p = new Path(uri);
    try (InputStream in = fs(p, conf).open(p)) {
      return in.readAllBytes();
    } catch (java.io.FileNotFoundException e) {
      throw new BadInputException("file not found: " + uri, e);
    } catch (IOException e) {
      throw new EnvironmentException("cannot read " + uri + ": " + e, e);
    }
  }

  public static List<String> readLines(String uri, Configuration conf) {
    Path p = new Path(uri);
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(fs(p, conf).open(p), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
      return lines;
    } catch (java.io.FileNotFoundException e) {
      throw new BadInputException("file not found: " + uri, e);
    } catch (IOException e) {
      throw new EnvironmentException("cannot read " + uri + ": " + e, e);
    }
  }

  /**
   * Writes a file atomically: to a hidden temporary sibling, then renamed over {@code uri}.
   * A failure part way leaves {@code uri} as it was (absent or the old content).
   */
  public static void writeAtomically(String uri, Configuration conf, StreamWriter writer) {
    Path target = new Path(uri);
    FileSystem fs = fs(target, conf);
    Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID());
    try {
      try (FSDataOutputStream out = fs.create(tmp, true)) {
        writer.write(out);
      }
      if (fs.exists(target) && !fs.delete(target, false)) {
        throw new IOException("cannot replace " + target);
      }
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(fs, tmp);
      throw new EnvironmentException("cannot write " + uri + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(fs, tmp);
      throw e;
    }
  }

  public static void writeAtomically(String uri, Configuration conf, byte[] bytes) {
    writeAtomically(uri, conf, out -> out.write(bytes));
  }

  public static void writeStringAtomically(String uri, Configuration conf, String text) {
    writeAtomically(uri, conf, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void deleteQuietly(FileSystem fs, Path p) {
    try {
      fs.delete(p, false);
    } catch (IOException ignored) {
      // the temporary file is hidden; leaving it behind does not make a result look complete
    }
  }
}
