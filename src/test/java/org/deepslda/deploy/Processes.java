package org.deepslda.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers for the child JVMs of the cluster tests: kill whole process trees, read log tails. */
final class Processes {
  /** How long a killed process may take to exit before we stop waiting for it. */
  static final Duration EXIT_GRACE = Duration.ofSeconds(10);

  private Processes() {}

  /**
   * Kills {@code root} and every process it started, at once (SIGKILL), and waits up to {@link
   * #EXIT_GRACE} for each to exit. The descendants are listed before the root dies, since a dead
   * root's children are re-parented and no longer found from it; a Spark worker's executors are
   * such children. Safe to call on a process that has already exited.
   */
  static void killTree(ProcessHandle root) {
    List<ProcessHandle> tree = root.descendants().toList();
    root.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    awaitExit(root);
    tree.forEach(Processes::awaitExit);
  }

  private static void awaitExit(ProcessHandle p) {
    try {
      p.onExit().get(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Reported by the caller's leak check; killing the rest matters more here.
    }
  }

  /** The last {@code maxChars} characters of a log file, or a note that it is missing. */
  static String tail(Path log, int maxChars) {
    if (!Files.isRegularFile(log)) {
      return "(no file " + log + ")";
    }
    try {
      String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
    } catch (IOException e) {
      return "(unreadable " + log + ": " + e.getMessage() + ")";
    }
  }
}
