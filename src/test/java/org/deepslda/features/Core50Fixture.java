package org.deepslda.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A tiny CORe50-shaped image folder: {@code core50_128x128/sS/oO/C_SS_OO_FFF.png}. */
final class Core50Fixture {
  static final String FOLDER = "core50_128x128";

  private Core50Fixture() {}

  /** Writes {@code n} noise images over sessions 1-2 and objects 1-3; returns relative paths. */
  static List<String> write(Path root, int n) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int session = 1 + i % 2;
      int object = 1 + (i / 2) % 3;
      String rel =
          String.format("s%d/o%d/C_%02d_%02d_%03d.png", session, object, session, object, i);
      TestImages.write(
          root.resolve(FOLDER).resolve(rel), TestImages.png(TestImages.noise(128, 128, i)));
      paths.add(rel);
    }
    return paths;
  }

  static String folder(Path root) {
    return root.resolve(FOLDER).toString();
  }
}
