package org.deepslda.cli;

import org.deepslda.common.BadInputException;

/** The CORe50 image folder names under a dataset root. */
final class CoreFolders {
  private CoreFolders() {}

  /** {@code core50_128x128} or {@code core50_32x32}. */
  static String imageFolder(int size) {
    if (size != 128 && size != 32) {
      throw new BadInputException("--image-size " + size + ": expected 128 or 32");
    }
    return "core50_" + size + "x" + size;
  }
}
