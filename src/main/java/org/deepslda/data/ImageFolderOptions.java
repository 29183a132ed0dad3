package org.deepslda.data;

import java.io.Serializable;
import org.deepslda.common.BadInputException;

/**
 * How {@link ImageFolderStreams} turns a class-per-folder image set into a stream.
 *
 * @param mode class-incremental (batches of whole classes) or instance-incremental (batches of
 *     images of any class)
 * @param classesPerBatch classes per batch in class-incremental mode (default 2)
 * @param imagesPerBatch images per batch in instance-incremental mode (default 100)
 * @param testFraction the fraction of each class held out for testing, in [0, 1) (default 0.2);
 *     rounded per class, always leaving at least one training image
 * @param seed fixes the held-out images, the class order and the image order (default 0)
 */
public record ImageFolderOptions(
    Mode mode, int classesPerBatch, int imagesPerBatch, double testFraction, long seed)
    implements Serializable {

  /** How batches are formed. */
  public enum Mode {
    CLASS_INCREMENTAL,
    INSTANCE_INCREMENTAL
  }

  /**
   * @throws BadInputException naming the setting if a value is out of range
   */
  public ImageFolderOptions {
    if (mode == null) {
      throw new BadInputException("image folder: mode must be set");
    }
    if (classesPerBatch < 1) {
      throw new BadInputException(
          "image folder: classes per batch must be at least 1, found " + classesPerBatch);
    }
    if (imagesPerBatch < 1) {
      throw new BadInputException(
          "image folder: images per batch must be at least 1, found " + imagesPerBatch);
    }
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new BadInputException(
          "image folder: test fraction must be in [0, 1), found " + testFraction);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects settings; {@link #build()} validates them. Defaults as documented above. */
  public static final class Builder {
    private Mode mode = Mode.CLASS_INCREMENTAL;
    private int classesPerBatch = 2;
    private int imagesPerBatch = 100;
    private double testFraction = 0.2;
    private long seed;

    private Builder() {}

    public Builder mode(Mode value) {
      this.mode = value;
      return this;
    }

    public Builder classesPerBatch(int value) {
      this.classesPerBatch = value;
      return this;
    }

    public Builder imagesPerBatch(int value) {
      this.imagesPerBatch = value;
      return this;
    }

    public Builder testFraction(double value) {
      this.testFraction = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public ImageFolderOptions build() {
      return new ImageFolderOptions(mode, classesPerBatch, imagesPerBatch, testFraction, seed);
    }
  }
}
