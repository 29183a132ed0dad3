package org.deepslda.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A {@code SparkSubmit} process (the driver, in client mode) that the test started. */
final class SubmittedApp {
  private final String name;
  private final Process process;
  private final Path log;
  private final long startNanos = System.nanoTime();

  SubmittedApp(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** The name its log file carries. */
  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The driver's output so far (stdout and stderr interleaved). */
  String output() {
    return Processes.tail(log, Integer.MAX_VALUE);
  }

  /**
   * Waits for the driver to exit.
   *
   * @throws IllegalStateException after {@code timeout}, having killed the driver; the message
   *     holds the end of its output
   */
  SubmitResult await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      Processes.killTree(process.toHandle());
      throw new IllegalStateException(
          name
              + " did not finish within "
              + timeout
              + "; killed it. Its output ends with:\n"
              + Processes.tail(log, 6000));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    return new SubmitResult(process.exitValue(), output(), took);
  }
}
