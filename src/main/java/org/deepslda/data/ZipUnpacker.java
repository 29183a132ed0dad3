package org.deepslda.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepslda.common.BadInputException;

/**
 * Unpacks a local zip archive into a dataset root on any Hadoop file system, so that a failure
 * leaves nothing that looks complete: every entry is checked before anything is written (an entry
 * that would land outside the root, through {@code ..}, an absolute path or a drive letter, refuses
 * the whole archive), the entries go to a hidden staging folder inside the root, and only when all
 * are written are the archive's top-level folders renamed into place. The staging folder is deleted
 * on failure.
 */
final class ZipUnpacker {
  private final FileSystem fs;
  private final Path root;

  ZipUnpacker(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
  }

  /**
   * The top-level names an archive would create, after checking every entry.
   *
   * @throws BadInputException naming the archive and the first entry that leaves the root
   */
  static List<String> topLevelNames(ZipFile zip, String source) {
    TreeSet<String> names = new TreeSet<>();
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      String name = e.nextElement().getName();
      checkEntry(name, source);
      if (!skipped(name)) {
        names.add(name.split("/")[0]);
      }
    }
    if (names.isEmpty()) {
      throw new BadInputException(source + ": the archive is empty");
    }
    return new ArrayList<>(names);
  }

  private static void checkEntry(String name, String source) {
    String n = name.replace('\\', '/');
    boolean escapes = n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.isEmpty();
    for (String segment : n.split("/")) {
      escapes |= segment.equals("..");
    }
    if (escapes) {
      throw new BadInputException(
          source
              + ": entry '"
              + name
              + "' would be written outside the dataset root;"
              + " refusing to unpack this archive");
    }
  }

  /** macOS resource forks and folder entries carry no data. */
  private static boolean skipped(String name) {
    return name.startsWith("__MACOSX/") || name.endsWith("/");
  }

  /**
   * Unpacks {@code zip} into the root, replacing existing top-level folders if {@code replace}.
   *
   * @return the top-level names now in the root
   * @throws BadInputException for an entry outside the root, or a top-level folder that exists
   *     while {@code replace} is off
   */
  List<String> unpack(java.nio.file.Path zipFile, String source, boolean replace)
      throws IOException {
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      List<String> tops = topLevelNames(zip, source);
      checkFree(tops, replace);
      Path staging = new Path(root, ".slda-fetch-" + UUID.randomUUID());
      try {
        extract(zip, staging);
        for (String top : tops) {
          Path target = new Path(root, top);
          if (fs.exists(target)) {
            fs.delete(target, true);
          }
          if (!fs.rename(new Path(staging, top), target)) {
            throw new IOException("cannot move " + top + " from " + staging + " into " + root);
          }
        }
      } finally {
        fs.delete(staging, true);
      }
      return tops;
    }
  }

  /**
   * @throws BadInputException if a top-level name exists in the root and {@code replace} is off
   */
  void checkFree(List<String> tops, boolean replace) throws IOException {
    for (String top : tops) {
      if (!replace && fs.exists(new Path(root, top))) {
        throw new BadInputException(
            new Path(root, top) + " exists; pass --overwrite to replace it");
      }
    }
  }

  private void extract(ZipFile zip, Path staging) throws IOException {
    byte[] buffer = new byte[1 << 16];
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      ZipEntry entry = e.nextElement();
      if (skipped(entry.getName())) {
        continue;
      }
      Path out = new Path(staging, entry.getName().replace('\\', '/'));
      try (InputStream in = zip.getInputStream(entry);
          OutputStream o = fs.create(out, false)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          o.write(buffer, 0, n);
        }
      }
    }
  }
}
