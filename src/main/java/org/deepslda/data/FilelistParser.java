package org.deepslda.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.deepslda.common.BadInputException;

/**
 * Parses CORe50 filelists: one {@code <path relative to the image folder> <label>} per line, blank
 * lines ignored, line order kept. Every error names {@code FILE:LINE}, the value found and what was
 * expected.
 */
final class FilelistParser {
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private FilelistParser() {}

  /**
   * The records of one filelist.
   *
   * @param file the filelist's location, for messages
   * @param lines its lines, in order
   * @param level the label level; labels must lie in {@code [0, level.numClasses())}
   * @throws BadInputException for a malformed line, a label out of range, a path that leaves the
   *     image folder, a path listed twice, or a list with no images
   */
  static List<ImageRecord> parse(String file, List<String> lines, LabelLevel level) {
    List<ImageRecord> records = new ArrayList<>(lines.size());
    Map<String, Integer> firstLine = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      ImageRecord r = parseLine(where, line, level);
      Integer previous = firstLine.putIfAbsent(r.path(), i + 1);
      if (previous != null) {
        throw new BadInputException(
            where
                + ": duplicate path '"
                + r.path()
                + "' (first listed at line "
                + previous
                + "); expected each image once per list");
      }
      records.add(r);
    }
    if (records.isEmpty()) {
      throw new BadInputException(
          file + ": the filelist is empty; expected one '<image path> <label>' line per image");
    }
    return records;
  }

  private static ImageRecord parseLine(String where, String line, LabelLevel level) {
    String[] parts = SPACE.split(line);
    if (parts.length != 2) {
      throw malformed(where, line);
    }
    int label;
    try {
      label = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw malformed(where, line);
    }
    if (label < 0 || label >= level.numClasses()) {
      throw new BadInputException(
          where
              + ": label "
              + label
              + " is out of range at "
              + level.cliName()
              + " level; expected 0 to "
              + (level.numClasses() - 1));
    }
    checkRelative(where, parts[0]);
    return new ImageRecord(parts[0], label);
  }

  private static BadInputException malformed(String where, String line) {
    return new BadInputException(
        where
            + ": malformed line '"
            + line
            + "'; expected '<image path relative to the image folder> <integer label>'");
  }

  /**
   * @throws BadInputException if {@code path} is absolute, has a scheme, a backslash or a {@code
   *     ..} segment, i.e. could name a file outside the image folder
   */
  static void checkRelative(String where, String path) {
    boolean escapes = path.startsWith("/") || path.contains("\\") || SCHEME.matcher(path).matches();
    for (String segment : path.split("/")) {
      escapes |= segment.equals("..");
    }
    if (escapes) {
      throw new BadInputException(
          where
              + ": path '"
              + path
              + "' leaves the image folder; expected a '/'-separated"
              + " path relative to it (no leading '/', no '..', no scheme)");
    }
  }
}
