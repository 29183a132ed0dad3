package org.deepslda.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic data set in exactly the CORe50 layout: images {@code
 * core50_128x128/sS/oO/C_SS_OO_FFF.png} (and {@code core50_32x32}) for all 11 sessions, and the
 * filelists of every scenario the object and session counts allow ({@link SynthScenarios}), for
 * each run, at object and category level, each run folder with its {@code test_filelist.txt}
 * (sessions 3, 7, 10). Scenarios it cannot make are named in {@code README.txt} at the root and in
 * one log line. Deterministic: the same options give the same bytes.
 *
 * <p>It refuses a non-empty root unless {@link SynthOptions#overwrite()}; then it replaces only the
 * files it writes and deletes only files an earlier synth run listed in its manifest ({@value
 * #MANIFEST}) that this run does not write again. The manifest is written last: a root without it
 * is incomplete.
 */
public final class SyntheticCore50 {
  /** The hidden list of every file a synth run wrote, relative to the root. */
  public static final String MANIFEST = ".slda-synth-files.txt";

  private static final Logger LOG = LoggerFactory.getLogger(SyntheticCore50.class);
  private final SynthOptions opts;
  private final FileSystem fs;
  private final Path root;
  private final Set<String> written = new LinkedHashSet<>();

  private SyntheticCore50(SynthOptions opts, FileSystem fs) {
    this.opts = opts;
    this.fs = fs;
    this.root = fs.makeQualified(new Path(opts.out()));
  }

  /**
   * Writes the data set {@code opts} describe.
   *
   * @throws BadInputException if the root is a file, or not empty and overwrite is off
   * @throws EnvironmentException if the root cannot be written
   */
  public static void write(SynthOptions opts, Configuration conf) {
    Path out = new Path(opts.out());
    try (FileSystem fs = ForklessLocalFileSystem.forPath(out, conf)) {
      fs.setWriteChecksum(false);
      new SyntheticCore50(opts, fs).run();
    } catch (IOException e) {
      throw new EnvironmentException("cannot write " + opts.out() + ": " + e.getMessage(), e);
    }
  }

  private void run() throws IOException {
    Set<String> previous = checkTarget();
    long start = System.nanoTime();
    writeImages();
    Map<String, String> skipped = writeFilelists();
    put("README.txt", SynthReadme.text(opts, skipped.values()).getBytes(StandardCharsets.UTF_8));
    deleteStale(previous);
    String manifest = String.join("\n", written) + "\n";
    put(MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
    if (!skipped.isEmpty()) {
      LOG.info(
          "Synthetic CORe50: skipped {} (see README.txt)", String.join("; ", skipped.values()));
    }
    LOG.info(
        "Synthetic CORe50 written to {}: {} files in {} s",
        root,
        written.size(),
        String.format("%.1f", (System.nanoTime() - start) / 1e9));
  }

  /** Refuses a file or a non-empty folder without overwrite; returns the earlier manifest. */
  private Set<String> checkTarget() throws IOException {
    if (!fs.exists(root)) {
      return Set.of();
    }
    if (fs.getFileStatus(root).isFile()) {
      throw new BadInputException("--out " + opts.out() + " is a file; expected a folder");
    }
    FileStatus[] entries = fs.listStatus(root);
    if (entries.length > 0 && !opts.overwrite()) {
      throw new BadInputException(
          "--out "
              + opts.out()
              + " is not empty (holds "
              + entries[0].getPath().getName()
              + (entries.length > 1 ? " and " + (entries.length - 1) + " more" : "")
              + "); pass --overwrite to write into it (only the files synth writes are"
              + " replaced)");
    }
    Path manifest = new Path(root, MANIFEST);
    if (!fs.exists(manifest)) {
      return Set.of();
    }
    String text = new String(fs.open(manifest).readAllBytes(), StandardCharsets.UTF_8);
    return new HashSet<>(List.of(text.split("\n")));
  }

  private void writeImages() throws IOException {
    SynthScenarios plan = new SynthScenarios(opts);
    SynthImages painter = new SynthImages(opts.seed());
    List<Integer> sessions = new ArrayList<>();
    for (int s = 1; s <= SynthScenarios.SESSIONS; s++) {
      sessions.add(s);
    }
    for (int size : opts.imageSizes()) {
      String folder = Core50Source.imageFolderName(size) + "/";
      for (SynthScenarios.Video v : plan.videos(sessions)) {
        for (int f = 0; f < opts.frames(); f++) {
          put(folder + v.path(f), Pngs.encode(painter.render(v, f, size)));
        }
      }
      LOG.info("Synthetic CORe50: wrote the {} px images to {}{}", size, root, "/" + folder);
    }
  }

  /** Writes every scenario it can make; returns the reasons of those it skipped. */
  private Map<String, String> writeFilelists() throws IOException {
    SynthScenarios plan = new SynthScenarios(opts);
    Map<String, String> skipped = new LinkedHashMap<>();
    for (Scenario s : Scenario.values()) {
      for (LabelLevel level : LabelLevel.values()) {
        String reason = plan.skipReason(s, level);
        if (reason != null) {
          skipped.put(s.folderName(level), s.folderName(level) + ": " + reason);
          continue;
        }
        for (int run = 0; run < opts.runs(); run++) {
          writeRun(plan, s, level, run);
        }
      }
    }
    return skipped;
  }

  private void writeRun(SynthScenarios plan, Scenario s, LabelLevel level, int run)
      throws IOException {
    String folder = s.filelistFolder(level) + "/run" + run + "/";
    List<List<ImageRecord>> batches = plan.batches(s, level, run);
    for (int b = 0; b < batches.size(); b++) {
      put(folder + Core50Source.batchFileName(b), filelist(batches.get(b)));
    }
    put(folder + "test_filelist.txt", filelist(plan.test(level)));
  }

  private static byte[] filelist(List<ImageRecord> records) {
    StringBuilder text = new StringBuilder(records.size() * 28);
    for (ImageRecord r : records) {
      text.append(r.path()).append(' ').append(r.label()).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void deleteStale(Set<String> previous) throws IOException {
    int deleted = 0;
    for (String rel : previous) {
      if (!rel.isBlank() && !written.contains(rel) && !rel.equals(MANIFEST)) {
        deleted += fs.delete(new Path(root, rel), false) ? 1 : 0;
      }
    }
    if (deleted > 0) {
      LOG.info("Synthetic CORe50: deleted {} files an earlier synth run wrote", deleted);
    }
  }

  private void put(String rel, byte[] bytes) throws IOException {
    try (FSDataOutputStream out = fs.create(new Path(root, rel), true)) {
      out.write(bytes);
    }
    written.add(rel);
  }
}
