package org.deepslda.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Adds up wall time per named stage (extract, fit, score, write ...). Not thread-safe. */
final class StageClock {
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private final long created = System.nanoTime();

  <T> T time(String stage, Supplier<T> work) {
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      seconds.merge(stage, (System.nanoTime() - t0) / 1e9, Double::sum);
    }
  }

  void time(String stage, Runnable work) {
    time(stage, () -> {
      work.run();
      return null;
    });
  }

  Map<String, Double> seconds() {
    return new LinkedHashMap<>(seconds);
  }

  double totalSeconds() {
    return (System.nanoTime() - created) / 1e9;
  }
}
