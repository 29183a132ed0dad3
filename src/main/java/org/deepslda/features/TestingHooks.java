package org.deepslda.features;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;

/**
 * Testing aid, off unless a system property asks for it: makes the first attempt of one Spark
 * task fail, to show that Spark's retry gives the same results. With {@code
 * -Dslda.test.failFirstAttempt=extract} on the executors (in local mode: the driver's JVM), the
 * first attempt of partition 0 of every extraction job throws before it reads an image; its retry
 * (attempt 1) runs normally. Use a master that retries, e.g. {@code local[2,2]} (2 threads, each
 * task tried up to 2 times). Never set it in production: without retries the job fails.
 */
public final class TestingHooks {
  /** The system property; its value names the stage to fail ({@value #EXTRACT}). */
  public static final String FAIL_FIRST_ATTEMPT = "slda.test.failFirstAttempt";

  /** The value that fails the first attempt of an extraction task. */
  public static final String EXTRACT = "extract";

  private static final AtomicInteger INJECTED = new AtomicInteger();

  private TestingHooks() {}

  /** Failures injected in this JVM so far (tests read it to know the hook fired). */
  public static int injectedFailures() {
    return INJECTED.get();
  }

  /** Throws if the property names {@code stage} and this is partition 0's first attempt. */
  static void maybeFail(String stage) {
    TaskContext task = TaskContext.get();
    if (!stage.equals(System.getProperty(FAIL_FIRST_ATTEMPT))
        || task == null
        || task.partitionId() != 0
        || task.attemptNumber() != 0) {
      return;
    }
    INJECTED.incrementAndGet();
    throw new IllegalStateException(
        "injected failure of the first attempt of " + stage + " task 0 (" + FAIL_FIRST_ATTEMPT
            + "=" + stage + ", a testing aid)");
  }
}
