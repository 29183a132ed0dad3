package org.deepslda.data;

import java.io.Serializable;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;

/**
 * Where a CORe50 dataset lives and which image size to read. The root (a local path or any Hadoop
 * FS URI) holds the image folder ({@code core50_128x128} or {@code core50_32x32}) and the
 * filelists: {@code batches_filelists/{NI,NC,NIC}_inc{,_cat}/runR/} and {@code
 * NIC_v2_{79,196,391}{,_cat}/runR/}.
 *
 * @param root the dataset root, as the user gave it ({@code --data})
 * @param imageSize the side of the square images in pixels: 128 or 32 ({@code --image-size})
 */
public record Core50Source(String root, int imageSize) implements Serializable {
  /** Number of runs (class/batch orders) CORe50 ships for each scenario: run0 to run9. */
  public static final int RUNS = 10;

  /**
   * @throws BadInputException if the root is blank or the image size is not 128 or 32
   */
  public Core50Source {
    if (root == null || root.isBlank()) {
      throw new BadInputException("--data: the dataset root is empty");
    }
    if (imageSize != 128 && imageSize != 32) {
      throw new BadInputException(
          "--image-size: CORe50 ships 128 and 32 pixel images, found " + imageSize);
    }
  }

  /** The image folder's name: {@code core50_128x128} or {@code core50_32x32}. */
  public String imageFolderName() {
    return imageFolderName(imageSize);
  }

  /** The image folder's name for a size (no validation). */
  public static String imageFolderName(int size) {
    return "core50_" + size + "x" + size;
  }

  /** The image folder: the root joined with {@link #imageFolderName()}. */
  public String imageFolder() {
    return HadoopFiles.join(root, imageFolderName());
  }

  /**
   * The folder holding one run's filelists, e.g. {@code ROOT/batches_filelists/NC_inc/run0}.
   *
   * @throws BadInputException if {@code run} is not in 0-9
   */
  public String runFolder(Scenario scenario, LabelLevel level, int run) {
    checkRun(run);
    return HadoopFiles.join(root, scenario.filelistFolder(level) + "/run" + run);
  }

  /** The test filelist of a run: {@code runFolder/test_filelist.txt}. */
  public String testFilelist(Scenario scenario, LabelLevel level, int run) {
    return HadoopFiles.join(runFolder(scenario, level, run), "test_filelist.txt");
  }

  /**
   * The canonical name of a training batch's filelist: {@code train_batch_07_filelist.txt}; two
   * digits, three from batch 100 on (as CORe50 names them). The loader also accepts other zero
   * paddings.
   */
  public static String batchFileName(int batch) {
    return String.format("train_batch_%02d_filelist.txt", batch);
  }

  /** The canonical location of one training batch's filelist. */
  public String batchFilelist(Scenario scenario, LabelLevel level, int run, int batch) {
    return HadoopFiles.join(runFolder(scenario, level, run), batchFileName(batch));
  }

  /**
   * @throws BadInputException naming {@code --run} if {@code run} is not in 0-9
   */
  public static void checkRun(int run) {
    if (run < 0 || run >= RUNS) {
      throw new BadInputException("--run: CORe50 has runs 0 to " + (RUNS - 1) + ", found " + run);
    }
  }
}
