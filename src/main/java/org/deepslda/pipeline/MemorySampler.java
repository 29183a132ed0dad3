package org.deepslda.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the driver's memory, as the seed samples its process RAM once per batch: the
 * resident set size from {@code /proc/self/status} where it exists, else the JVM heap in use.
 */
final class MemorySampler {
  private static final Path STATUS = Path.of("/proc/self/status");
  private double sumMb;
  private double maxMb;
  private int samples;

  /** Takes one sample and returns it, in MB. */
  double sample() {
    double mb = residentMb();
    sumMb += mb;
    maxMb = Math.max(maxMb, mb);
    samples++;
    return mb;
  }

  double averageMb() {
    return samples == 0 ? 0 : sumMb / samples;
  }

  double maxMb() {
    return maxMb;
  }

  static double residentMb() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through to the heap
    }
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
  }
}
