package org.deepslda.deploy.smoke;

/**
 * The arguments of {@link SmokeJob}.
 *
 * @param out folder of the job's output ({@code buckets/} is written inside it)
 * @param markers folder of the task-start marker files
 * @param rows ids to hash, {@code 0 .. rows-1}
 * @param partitions tasks of the slow stage
 * @param taskMillis how long each slow task sleeps before its work, in milliseconds
 * @param buckets groups of the aggregation ({@code id % buckets})
 * @param executors executors to wait for before the job starts (0: do not wait)
 */
record SmokeOptions(
    String out,
    String markers,
    long rows,
    int partitions,
    long taskMillis,
    int buckets,
    int executors) {

  /** Parses {@code --name value} pairs; unknown names and missing values are errors. */
  static SmokeOptions parse(String[] args) {
    String out = null;
    String markers = null;
    long rows = 4000;
    int partitions = 8;
    long taskMillis = 1500;
    int buckets = 16;
    int executors = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--out" -> out = v;
        case "--markers" -> markers = v;
        case "--rows" -> rows = Long.parseLong(v);
        case "--partitions" -> partitions = Integer.parseInt(v);
        case "--task-ms" -> taskMillis = Long.parseLong(v);
        case "--buckets" -> buckets = Integer.parseInt(v);
        case "--executors" -> executors = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (args.length % 2 != 0 || out == null || markers == null) {
      throw new IllegalArgumentException(
          "usage: SmokeJob --out DIR --markers DIR [--rows N] [--partitions N] [--task-ms MS]"
              + " [--buckets N] [--executors N]");
    }
    return new SmokeOptions(out, markers, rows, partitions, taskMillis, buckets, executors);
  }
}
