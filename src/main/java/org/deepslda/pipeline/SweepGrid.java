package org.deepslda.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.deepslda.common.BadInputException;
import org.deepslda.data.Scenario;

/**
 * Parses the value lists of {@code slda sweep}. Each flag takes comma-separated values (a YAML
 * list in {@code --config} arrives joined by commas); every value is checked, and an error names
 * the flag, the value and what is allowed. A value listed twice is an error: it would name the
 * same point twice.
 */
public final class SweepGrid {
  private SweepGrid() {}

  /** {@code --scenarios nc,ni,...}. */
  public static List<Scenario> scenarios(List<String> values) {
    return distinct("--scenarios", values, v -> {
      try {
        return Scenario.parse(v);
      } catch (BadInputException e) {
        throw bad("--scenarios", v, "one of " + Scenario.allowedNames());
      }
    });
  }

  /** {@code --runs 0-9} or {@code --runs 0,1,2} (ranges and single runs may be mixed). */
  public static List<Integer> runs(List<String> values) {
    List<String> expanded = new ArrayList<>();
    for (String v : split("--runs", values)) {
      String[] range = v.split("-", -1);
      if (range.length == 2) {
        int from = run(range[0], v);
        int to = run(range[1], v);
        if (from > to) {
          throw bad("--runs", v, "a range FROM-TO with FROM <= TO");
        }
        for (int r = from; r <= to; r++) {
          expanded.add(Integer.toString(r));
        }
      } else {
        expanded.add(Integer.toString(run(v, v)));
      }
    }
    return distinct("--runs", expanded, Integer::valueOf);
  }

  private static int run(String text, String value) {
    try {
      int r = Integer.parseInt(text.trim());
      if (r >= 0 && r <= 9) {
        return r;
      }
    } catch (NumberFormatException e) {
      // reported below with the whole value
    }
    throw bad("--runs", value, "run numbers 0-9, as a list (0,1,2) or a range (0-9)");
  }

  /** {@code --shrinkage 1e-4,1e-2}: each in (0, 1]. */
  public static List<Double> shrinkages(List<String> values) {
    return distinct("--shrinkage", values, v -> {
      try {
        double eps = Double.parseDouble(v);
        if (eps > 0 && eps <= 1) {
          return eps;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad("--shrinkage", v, "numbers in (0, 1], e.g. 1e-4,1e-2");
    });
  }

  /** A boolean list flag such as {@code --plastic-cov true,false}. */
  public static List<Boolean> booleans(String flag, List<String> values) {
    return distinct(flag, values, v -> {
      String s = v.toLowerCase(Locale.ROOT);
      if (s.equals("true") || s.equals("false")) {
        return Boolean.valueOf(s);
      }
      throw bad(flag, v, "true or false (a list: true,false)");
    });
  }

  private static <T> List<T> distinct(String flag, List<String> values, Function<String, T> parse) {
    List<String> parts = split(flag, values);
    if (parts.isEmpty()) {
      throw new BadInputException(flag + ": expected at least one value, found none");
    }
    Set<T> seen = new LinkedHashSet<>();
    for (String p : parts) {
      T v = parse.apply(p);
      if (!seen.add(v)) {
        throw bad(flag, p, "each value once (it is listed twice)");
      }
    }
    return List.copyOf(seen);
  }

  private static List<String> split(String flag, List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values == null ? List.<String>of() : values) {
      for (String part : v.split(",", -1)) {
        if (part.isBlank()) {
          throw bad(flag, v, "comma-separated values with none empty");
        }
        out.add(part.trim());
      }
    }
    return out;
  }

  private static BadInputException bad(String flag, String value, String allowed) {
    return new BadInputException(flag + ": invalid value '" + value + "'; expected " + allowed);
  }
}
