package org.deepslda.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.HadoopFiles;

/**
 * Folder listings through the Hadoop FS API, made so that a large image set costs one listing per
 * folder, never one request per image. Hidden entries (names starting with '.' or '_', such as
 * checksum and temporary files) are skipped.
 */
final class FolderListing {
  private FolderListing() {}

  /**
   * The names of the plain files directly in {@code folder}, sorted; empty if the folder does not
   * exist.
   */
  static List<String> fileNames(String folder, Configuration conf) {
    Path dir = new Path(folder);
    List<String> names = new ArrayList<>();
    try {
      for (FileStatus s : HadoopFiles.fs(dir, conf).listStatus(dir)) {
        if (s.isFile() && !hidden(s.getPath().getName())) {
          names.add(s.getPath().getName());
        }
      }
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new EnvironmentException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    names.sort(null);
    return names;
  }

  /**
   * Every non-hidden file under {@code folder}, as a '/'-separated path relative to it, sorted.
   * Empty if the folder does not exist. One {@code listStatus} per folder: {@code
   * FileSystem.listFiles} would ask the local file system for each file's permissions, which
   * without Hadoop's native library runs a process per file.
   */
  static List<String> relativeFiles(String folder, Configuration conf) {
    Path dir = new Path(folder);
    FileSystem fs = HadoopFiles.fs(dir, conf);
    List<String> out = new ArrayList<>();
    try {
      walk(fs, dir, "", out);
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new EnvironmentException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }

  private static void walk(FileSystem fs, Path dir, String prefix, List<String> out)
      throws IOException {
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (hidden(name)) {
        continue;
      }
      if (s.isDirectory()) {
        walk(fs, s.getPath(), prefix + name + "/", out);
      } else {
        out.add(prefix + name);
      }
    }
  }

  /**
   * The paths among {@code relPaths} (relative to {@code root}) that do not exist, in their given
   * order; lists each parent folder once.
   */
  static List<String> missing(String root, Collection<String> relPaths, Configuration conf) {
    Map<String, List<String>> byFolder = new TreeMap<>();
    for (String p : relPaths) {
      int slash = p.lastIndexOf('/');
      String folder = slash < 0 ? "" : p.substring(0, slash);
      byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(p);
    }
    Set<String> absent = new HashSet<>();
    for (Map.Entry<String, List<String>> e : byFolder.entrySet()) {
      String dir = e.getKey().isEmpty() ? root : HadoopFiles.join(root, e.getKey());
      Set<String> present = new HashSet<>(fileNames(dir, conf));
      for (String p : e.getValue()) {
        if (!present.contains(p.substring(p.lastIndexOf('/') + 1))) {
          absent.add(p);
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String p : relPaths) {
      if (absent.contains(p)) {
        ordered.add(p);
      }
    }
    return ordered;
  }

  static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }
}
