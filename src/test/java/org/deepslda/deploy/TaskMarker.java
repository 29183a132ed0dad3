package org.deepslda.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One task attempt's start, as {@link org.deepslda.deploy.smoke.SmokeJob} and the product's
 * extraction (with {@code spark.slda.testing.taskMarkers} set) record it in a file name: {@code
 * p<partition>-a<attempt>-pid<pid>-<application>-e<executor>}.
 *
 * @param partition the task's partition
 * @param attempt Spark's attempt number of that partition's task (0 first)
 * @param pid the process that ran it (an executor JVM; the driver in local mode)
 * @param application Spark's application id ({@code app-...} on a standalone cluster)
 * @param executor Spark's executor id ({@code driver} in local mode)
 */
record TaskMarker(int partition, int attempt, long pid, String application, String executor) {
  private static final Pattern NAME = Pattern.compile("p(\\d+)-a(\\d+)-pid(\\d+)-(.+)-e([^-]+)");

  /** Every marker in {@code dir}, in no particular order; none when {@code dir} is missing. */
  static List<TaskMarker> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .map(NAME::matcher)
          .filter(Matcher::matches)
          .map(
              m ->
                  new TaskMarker(
                      Integer.parseInt(m.group(1)),
                      Integer.parseInt(m.group(2)),
                      Long.parseLong(m.group(3)),
                      m.group(4),
                      m.group(5)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * Polls {@code dir} every 100 ms for the first marker of {@code app}'s tasks.
   *
   * @throws AssertionError if the driver exits first or after {@code timeout}, with the driver's
   *     output and {@code diagnostics}
   */
  static TaskMarker awaitFirst(
      Path dir, SubmittedApp app, Duration timeout, Supplier<String> diagnostics)
      throws InterruptedException {
    long polls = timeout.toMillis() / 100 + 1;
    for (long poll = 0; poll < polls; poll++) {
      List<TaskMarker> found = list(dir);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      if (!app.isAlive()) {
        throw new AssertionError(
            app.name() + " exited before any task started:\n" + app.output() + diagnostics.get());
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no task of " + app.name() + " started within " + timeout + diagnostics.get());
  }
}
