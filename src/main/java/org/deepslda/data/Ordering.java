package org.deepslda.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deepslda.common.BadInputException;

/**
 * The four stream orderings of Hayes and Kanan (Deep SLDA, CVPRW 2020; first in Hayes et al., ICRA
 * 2019) over CORe50's training sessions.
 *
 * <ul>
 *   <li>{@link #IID}: every training image in a seeded random order.
 *   <li>{@link #CLASS_IID}: classes in a seeded order, K per batch; images shuffled within.
 *   <li>{@link #INSTANCE}: the session videos of the objects in a seeded order, each video's frames
 *       in temporal order.
 *   <li>{@link #CLASS_INSTANCE}: classes in a seeded order, K per batch; within a batch the videos
 *       of its classes in a seeded order, each in temporal order.
 * </ul>
 */
public enum Ordering {
  IID,
  CLASS_IID,
  INSTANCE,
  CLASS_INSTANCE;

  /** The lower-case name the command line uses ({@code class_iid}). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when batches are made of whole classes (K classes per batch). */
  public boolean byClass() {
    return this == CLASS_IID || this == CLASS_INSTANCE;
  }

  /**
   * The ordering an {@code --ordering} value names, case-insensitively.
   *
   * @throws BadInputException naming the flag, the value and the allowed values
   */
  public static Ordering parse(String cliName) {
    String wanted = cliName == null ? "" : cliName.trim().toUpperCase(Locale.ROOT);
    for (Ordering o : values()) {
      if (o.name().equals(wanted)) {
        return o;
      }
    }
    String allowed =
        Arrays.stream(values()).map(Ordering::cliName).collect(Collectors.joining(", "));
    throw new BadInputException(
        "--ordering: unknown ordering '" + cliName + "'; expected one of " + allowed);
  }
}
