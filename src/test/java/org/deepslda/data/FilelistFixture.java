package org.deepslda.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hand-made NI filelist folder (object level, run 0): batch b lists {@code sB/o1} frames with
 * label 0, the test list {@code s3/o1} frames. Tests then break one file.
 */
final class FilelistFixture {
  final Path root;
  final Path run;

  FilelistFixture(Path root) throws IOException {
    this.root = root;
    this.run = root.resolve("batches_filelists/NI_inc/run0");
    Files.createDirectories(run);
    int[] sessions = {1, 2, 4, 5, 6, 8, 9, 11};
    for (int b = 0; b < sessions.length; b++) {
      int s = sessions[b];
      write(
          batch(b),
          String.format("s%d/o1/C_%02d_01_000.png 0%ns%d/o1/C_%02d_01_001.png 0%n", s, s, s, s));
    }
    write("test_filelist.txt", "s3/o1/C_03_01_000.png 0\ns3/o1/C_03_01_001.png 0\n");
  }

  static String batch(int b) {
    return Core50Source.batchFileName(b);
  }

  Core50Source source() {
    return new Core50Source(root.toString(), 128);
  }

  Path write(String name, String text) throws IOException {
    Path p = run.resolve(name);
    Files.writeString(p, text);
    return p;
  }
}
