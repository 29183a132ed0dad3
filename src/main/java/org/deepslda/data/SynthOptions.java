package org.deepslda.data;

import java.io.Serializable;
import java.util.List;
import java.util.TreeSet;
import org.deepslda.common.BadInputException;

/**
 * Settings of a synthetic CORe50 data set ({@link SyntheticCore50}).
 *
 * @param out the dataset root to write (local path or Hadoop FS URI)
 * @param seed everything drawn (colours, backgrounds, motion, batch orders) follows from it; run r
 *     of a scenario uses seed + r
 * @param categories number of categories, 1-10 (CORe50: 10)
 * @param objectsPerCategory objects per category, 1-5 (CORe50: 5); objects keep CORe50's numbering,
 *     category c holding objects 5c+1 onward
 * @param frames frames per video (one object in one session), 1-300 (CORe50: about 300)
 * @param imageSizes which image folders to write: 128 ({@code core50_128x128}) and/or 32
 * @param runs how many runs of filelists to write, 1-10 (run0 to run{runs-1}; CORe50: 10)
 * @param overwrite write into a non-empty root, replacing the files synth writes
 */
public record SynthOptions(
    String out,
    long seed,
    int categories,
    int objectsPerCategory,
    int frames,
    List<Integer> imageSizes,
    int runs,
    boolean overwrite)
    implements Serializable {

  /**
   * @throws BadInputException naming the flag of a value out of range
   */
  public SynthOptions {
    if (out == null || out.isBlank()) {
      throw new BadInputException("--out: the dataset root to write is empty");
    }
    check("--categories", categories, 1, 10);
    check("--objects-per-category", objectsPerCategory, 1, 5);
    check("--frames", frames, 1, 300);
    check("--runs", runs, 1, Core50Source.RUNS);
    if (imageSizes == null || imageSizes.isEmpty()) {
      throw new BadInputException("--image-size: name at least one size (128 and/or 32)");
    }
    for (int s : imageSizes) {
      if (s != 128 && s != 32) {
        throw new BadInputException("--image-size: expected 128 and/or 32, found " + s);
      }
    }
    imageSizes = List.copyOf(new TreeSet<>(imageSizes).descendingSet());
  }

  private static void check(String flag, int value, int min, int max) {
    if (value < min || value > max) {
      throw new BadInputException(flag + ": expected " + min + " to " + max + ", found " + value);
    }
  }

  /** Number of objects: {@code categories * objectsPerCategory}. */
  public int objects() {
    return categories * objectsPerCategory;
  }

  public static Builder builder(String out) {
    return new Builder(out);
  }

  /**
   * Collects settings; {@link #build()} validates them. Defaults: seed 0, 10 categories of 5
   * objects, 3 frames, 128 px only, 10 runs, no overwrite.
   */
  public static final class Builder {
    private final String out;
    private long seed;
    private int categories = 10;
    private int objectsPerCategory = 5;
    private int frames = 3;
    private List<Integer> imageSizes = List.of(128);
    private int runs = Core50Source.RUNS;
    private boolean overwrite;

    private Builder(String out) {
      this.out = out;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder categories(int value) {
      this.categories = value;
      return this;
    }

    public Builder objectsPerCategory(int value) {
      this.objectsPerCategory = value;
      return this;
    }

    public Builder frames(int value) {
      this.frames = value;
      return this;
    }

    public Builder imageSizes(List<Integer> value) {
      this.imageSizes = value;
      return this;
    }

    public Builder runs(int value) {
      this.runs = value;
      return this;
    }

    public Builder overwrite(boolean value) {
      this.overwrite = value;
      return this;
    }

    public SynthOptions build() {
      return new SynthOptions(
          out, seed, categories, objectsPerCategory, frames, imageSizes, runs, overwrite);
    }
  }
}
