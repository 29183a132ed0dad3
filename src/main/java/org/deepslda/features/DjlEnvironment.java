package org.deepslda.features;

import ai.djl.engine.Engine;
import org.deepslda.common.EnvironmentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares DJL before its first use in a JVM (driver or executor): offline mode, so that DJL never
 * reaches for the network to fetch a native library or model-zoo metadata (the PyTorch native
 * library comes inside the {@code pytorch-native-cpu} jar), and the PyTorch engine as default.
 * Settings the user made ({@code -Dai.djl.offline=false}, {@code DJL_OFFLINE=false}) win, which is
 * what a {@code djl://} model-zoo backbone needs on a machine with internet access.
 */
public final class DjlEnvironment {
  private static final Logger LOG = LoggerFactory.getLogger(DjlEnvironment.class);
  private static volatile Engine engine;

  private DjlEnvironment() {}

  /** The PyTorch engine, loaded once per JVM with the settings above. */
  public static Engine pytorch() {
    Engine e = engine;
    if (e != null) {
      return e;
    }
    synchronized (DjlEnvironment.class) {
      if (engine == null) {
        engine = load();
      }
      return engine;
    }
  }

  /** Whether DJL may use the network (only if the user turned offline mode off). */
  public static boolean offline() {
    configure();
    return Boolean.parseBoolean(System.getProperty("ai.djl.offline"));
  }

  static void configure() {
    if (System.getProperty("ai.djl.offline") == null) {
      String env = System.getenv("DJL_OFFLINE");
      System.setProperty("ai.djl.offline", env == null ? "true" : env);
    }
    if (System.getProperty("ai.djl.default_engine") == null) {
      System.setProperty("ai.djl.default_engine", "PyTorch");
    }
  }

  private static Engine load() {
    configure();
    try {
      Engine e = Engine.getEngine("PyTorch");
      LOG.debug(
          "DJL {} engine {} loaded (offline={})", e.getEngineName(), e.getVersion(), offline());
      return e;
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new EnvironmentException(
          "cannot load the PyTorch native library through DJL ("
              + e.getMessage()
              + "); the pytorch-native-cpu jar for this platform must be on the class path",
          e);
    }
  }
}
