package org.deepslda.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepslda.cli.Slda;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.deepslda.common.NpyArray;
import org.deepslda.common.Npz;
import org.deepslda.lda.SldaCheckpoint;
import org.deepslda.lda.SldaOptions;
import org.deepslda.lda.StreamingLda;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Damaged checkpoints. {@code slda run --resume} on a run whose last checkpoint was damaged
 * refuses, before Spark starts, with exit code 2 and one line naming the file, what is wrong and
 * the two ways on (delete that checkpoint to resume from the one before, or {@code --overwrite});
 * the folder is left as it was. Following the first way gives the uninterrupted run's files.
 * {@link SldaCheckpoint#load} refuses the same files naming the file and the array.
 */
@DisplayName("checkpoints")
class CheckpointsTest {
  static final String LAST = "slda_model_batch_3.npz";
  static Path dir;
  static Path stopped;

  @BeforeAll
  static void stopAfterBatch3() {
    Shared.ensure();
    dir = Shared.scratch("checkpoints");
    stopped = dir.resolve("stopped");
    UserCli r = UserCli.run(UserCli.runArgs(Shared.DATA.toString(), Shared.STORE.toString(),
        stopped.toString(), "--stop-after-batch", "3"));
    assertEquals(Slda.EXIT_STOPPED, r.exitCode(), r.err());
  }

  @Test
  @DisplayName("truncated .npz: resume refuses")
  void resume_truncatedCheckpoint() throws IOException {
    resumeRefuses("truncated", cut(good()), "damaged .npz archive");
  }

  @Test
  @DisplayName("edited .npz (a flipped byte): resume refuses")
  void resume_editedCheckpoint() throws IOException {
    resumeRefuses("edited", flipped(good()), "damaged .npz archive");
  }

  @Test
  @DisplayName("wrong shapes (muK of another d): resume refuses")
  void resume_wrongShapes() throws IOException {
    resumeRefuses("shapes", with("muK", NpyArray.ofFloats(new float[10 * 511], 10, 511)),
        "array 'Sigma'", "expected shape [511, 511], found [512, 512]");
  }

  @Test
  @DisplayName("a checkpoint of another model (50 classes): resume refuses")
  void resume_otherModel() throws IOException {
    byte[] other = SldaCheckpoint.toBytes(new StreamingLda(new SldaOptions(512, 50, 1e-4, true,
        false)));
    resumeRefuses("other-model", other, "made with d=512, 50 classes", "this run has d=512, 10");
  }

  @Test
  @DisplayName("a future format version: resume refuses")
  void resume_futureVersion() throws IOException {
    resumeRefuses("future", with("format_version", NpyArray.scalarLong(2)),
        "format version 2", "reads versions up to 1");
  }

  @Test
  @DisplayName("recovery: delete the damaged checkpoint, resume, same files as uninterrupted")
  void resume_afterDeletingTheDamagedCheckpointGivesTheReferenceFiles() throws IOException {
    Path run = damagedCopy("recovered", cut(good()));
    Files.delete(run.resolve(LAST));
    UserCli.run(UserCli.runArgs(Shared.DATA.toString(), Shared.STORE.toString(),
        run.toString(), "--resume")).assertSucceeded();
    Outputs.assertSameResults(Shared.REFERENCE, run);
  }

  @Test
  @DisplayName("SldaCheckpoint.load refuses truncated, edited, reshaped and future files")
  void load_refusesEachDamage() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("truncated", cut(good()));
    files.put("edited", flipped(good()));
    files.put("shapes", with("Sigma", NpyArray.ofFloats(new float[512], 1, 512)));
    files.put("future", with("format_version", NpyArray.scalarLong(7)));
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path file = dir.resolve("load-" + e.getKey() + ".npz");
      Files.write(file, e.getValue());
      BadInputException x = assertThrows(BadInputException.class,
          () -> SldaCheckpoint.load(file.toString(), HadoopFiles.defaultConf()), e.getKey());
      assertTrue(x.getMessage().startsWith(file.toString()), x.getMessage());
    }
  }

  private static void resumeRefuses(String kind, byte[] damaged, String... parts)
      throws IOException {
    Path run = damagedCopy(kind, damaged);
    Map<String, byte[]> before = Outputs.snapshot(run);
    UserCli r = UserCli.run(UserCli.runArgs(Shared.DATA.toString(), Shared.STORE.toString(),
        run.toString(), "--resume"));
    r.assertFailed(Slda.EXIT_BAD_INPUT, parts);
    r.assertFailed(Slda.EXIT_BAD_INPUT, run.resolve(LAST).toString(), "delete",
        "--overwrite");
    Outputs.assertUnchanged(before, run);
    Outputs.assertNoResults(run);
  }

  private static Path damagedCopy(String kind, byte[] checkpoint) throws IOException {
    Path run = dir.resolve(kind);
    Shared.copyTree(stopped, run);
    Files.write(run.resolve(LAST), checkpoint);
    return run;
  }

  private static byte[] good() throws IOException {
    return Files.readAllBytes(stopped.resolve(LAST));
  }

  private static byte[] cut(byte[] npz) {
    return Arrays.copyOf(npz, npz.length * 2 / 3);
  }

  /** One byte of muK's values changed: the zip entry's CRC no longer matches. */
  private static byte[] flipped(byte[] npz) {
    byte[] b = npz.clone();
    b[400] ^= 0x5a;
    return b;
  }

  /** The good checkpoint with one array replaced, re-zipped (so the archive itself is sound). */
  private static byte[] with(String name, NpyArray array) throws IOException {
    Map<String, NpyArray> arrays = new LinkedHashMap<>(Npz.parse(good(), "good"));
    arrays.put(name, array);
    return Npz.toBytes(arrays);
  }
}
