package org.deepslda.deploy;

import java.time.Duration;

/**
 * How a {@code spark-submit} ended.
 *
 * @param exitCode the driver's exit code (0 when the application succeeded)
 * @param output the driver's stdout and stderr, interleaved
 * @param elapsed from the start of the {@code SparkSubmit} JVM to its exit
 */
record SubmitResult(int exitCode, String output, Duration elapsed) {
  /** The output's last {@code maxChars} characters, for assertion messages. */
  String tail(int maxChars) {
    return output.length() <= maxChars
        ? output
        : "..." + output.substring(output.length() - maxChars);
  }
}
