package org.deepslda.data;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CORe50 image path says about the image: {@code sS/oO/C_SS_OO_FFF.png} holds session S
 * (1-11), object O (1-50, five per category) and frame F. Paths of other image sets have no such
 * fields: {@link #parse} gives -1 for each.
 *
 * @param session 1-11, or -1
 * @param object 1-50, or -1
 * @param category 0-9 ({@code (object - 1) / 5}), or -1
 * @param frame the frame number within the session's video of the object, or -1
 */
public record Core50Name(int session, int object, int category, int frame)
    implements Serializable {
  private static final Pattern NAME =
      Pattern.compile("(?:^|.*/)s(\\d+)/o(\\d+)/C_(\\d+)_(\\d+)_(\\d+)\\.[A-Za-z]+$");

  /** The parsed fields, or all -1 when the path does not follow the CORe50 naming. */
  public static Core50Name parse(String path) {
    Matcher m = NAME.matcher(path);
    if (!m.matches()) {
      return new Core50Name(-1, -1, -1, -1);
    }
    int object = Integer.parseInt(m.group(2));
    return new Core50Name(
        Integer.parseInt(m.group(1)), object, (object - 1) / 5, Integer.parseInt(m.group(5)));
  }

  public boolean isCore50() {
    return session > 0;
  }
}
