package org.deepslda.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.deepslda.cli.Slda;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Filelists a user edits by hand or generates wrongly. Every bad line stops {@code slda run}
 * before Spark starts, with exit code 2 and one line {@code FILE:LINE: ...} naming the value and
 * what was expected, and leaves the output folder as it was. A test image that is also a training
 * image is allowed, with a warning that gives the count.
 */
@DisplayName("filelists")
class FilelistsTest {
  static Path dir;

  @BeforeAll
  static void setUp() {
    Shared.ensure();
    dir = Shared.scratch("filelists");
  }

  @Test
  @DisplayName("malformed line")
  void malformedLine() throws IOException {
    failsWith("malformed", 1, "s1/o1/frame-without-label.png", ":9: malformed line",
        "'s1/o1/frame-without-label.png'", "<integer label>");
  }

  @Test
  @DisplayName("negative label")
  void negativeLabel() throws IOException {
    failsWith("negative", 1, "s1/o9/extra.png -1", ":9: label -1 is out of range",
        "expected 0 to 49");
  }

  @Test
  @DisplayName("too-large label")
  void tooLargeLabel() throws IOException {
    failsWith("too-large", 1, "s1/o9/extra.png 50", ":9: label 50 is out of range",
        "expected 0 to 49");
  }

  @Test
  @DisplayName("path escaping the image root with ../")
  void pathWithDotDot() throws IOException {
    failsWith("dotdot", 1, "../../secret.png 3", ":9: path '../../secret.png' leaves the image",
        "no '..'");
  }

  @Test
  @DisplayName("absolute path")
  void absolutePath() throws IOException {
    failsWith("absolute", 1, "/etc/passwd 3", ":9: path '/etc/passwd' leaves the image",
        "no leading '/'");
  }

  @Test
  @DisplayName("duplicate paths")
  void duplicatePath() throws IOException {
    Path data = Shared.copyOfData(dir.resolve("duplicate/data"));
    String first = Files.readAllLines(batchFile(data, 1)).get(0);
    failsWith("duplicate", data, 1, first, ":9: duplicate path",
        "(first listed at line 1)");
  }

  @Test
  @DisplayName("empty batch file")
  void emptyBatchFile() throws IOException {
    Path data = Shared.copyOfData(dir.resolve("empty/data"));
    Files.write(batchFile(data, 2), new byte[0]);
    Path out = dir.resolve("empty/out");
    Map<String, byte[]> before = Outputs.userFolder(out);
    run(data, out).assertFailed(Slda.EXIT_BAD_INPUT, "train_batch_02_filelist.txt",
        "the filelist is empty", "'<image path> <label>'");
    Outputs.assertUnchanged(before, out);
  }

  @Test
  @DisplayName("a test path that also appears in training: a warning with the count")
  void testImageAlsoInTraining_warnsWithTheCount() throws IOException {
    Path data = Shared.copyOfData(dir.resolve("overlap/data"));
    Path testList = data.resolve(Shared.NC_RUN0).resolve("test_filelist.txt");
    List<String> tests = Files.readAllLines(testList);
    Files.write(batchFile(data, 8), List.of(tests.get(0), tests.get(1)),
        StandardOpenOption.APPEND);
    Path out = dir.resolve("overlap/out");
    String log;
    try (LogCapture capture = LogCapture.of("org.deepslda.data.Core50Streams")) {
      run(data, out).assertSucceeded();
      log = capture.text();
    }
    assertTrue(log.contains("WARN"), log);
    assertTrue(log.contains("2 of " + tests.size() + " test images also appear in the"
        + " training batches"), log);
  }

  private static Path batchFile(Path data, int batch) {
    return data.resolve(Shared.NC_RUN0).resolve(String.format(
        "train_batch_%02d_filelist.txt", batch));
  }

  private static UserCli run(Path data, Path out) {
    return UserCli.run(UserCli.runArgs(data.toString(), Shared.STORE.toString(),
        out.toString()));
  }

  private static void failsWith(String kind, int batch, String line, String... parts)
      throws IOException {
    failsWith(kind, Shared.copyOfData(dir.resolve(kind + "/data")), batch, line, parts);
  }

  /** Appends {@code line} (line 9: the batch has 8) and expects the run to refuse it. */
  private static void failsWith(String kind, Path data, int batch, String line, String... parts)
      throws IOException {
    Path file = batchFile(data, batch);
    Files.write(file, List.of(line), StandardOpenOption.APPEND);
    Path out = dir.resolve(kind + "/out");
    Map<String, byte[]> before = Outputs.userFolder(out);
    UserCli r = run(data, out).assertFailed(Slda.EXIT_BAD_INPUT, parts);
    assertTrue(r.err().contains(file.toString() + ":9:"), "names FILE:LINE: " + r.err());
    Outputs.assertUnchanged(before, out);
  }
}
