package org.deepslda.data;

import java.util.Locale;
import org.deepslda.common.BadInputException;

/**
 * What a CORe50 label names: one of the 50 objects, or one of the 10 categories (five objects
 * each). Category-level filelists live in the {@code _cat} folders.
 */
public enum LabelLevel {
  OBJECT(50),
  CATEGORY(10);

  private final int numClasses;

  LabelLevel(int numClasses) {
    this.numClasses = numClasses;
  }

  /**
   * The most classes a CORe50 stream at this level can have (50 or 10); labels must lie in {@code
   * [0, numClasses())}. A smaller (synthetic) set may use fewer: see {@link
   * ImageStream#numClasses()}.
   */
  public int numClasses() {
    return numClasses;
  }

  /** The lower-case name the command line uses. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The level a {@code --level} value names, case-insensitively.
   *
   * @throws BadInputException naming the flag, the value and the allowed values
   */
  public static LabelLevel parse(String cliName) {
    String wanted = cliName == null ? "" : cliName.trim().toUpperCase(Locale.ROOT);
    for (LabelLevel l : values()) {
      if (l.name().equals(wanted)) {
        return l;
      }
    }
    throw new BadInputException(
        "--level: unknown label level '" + cliName + "'; expected object or category");
  }
}
