package org.deepslda.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A continual-learning image stream: training batches in stream order and one test set. Paths are
 * relative to {@code imageRoot}. Immutable (the lists are unmodifiable copies), so it can be shared
 * and broadcast.
 *
 * @param imageRoot the folder the image paths are relative to (local path or Hadoop FS URI)
 * @param trainBatches the training batches, each in stream order
 * @param test the test images, in the order predictions are reported
 * @param numClasses the number of classes: at least the largest label plus one
 * @param name a short description for logs and reports ({@code core50-nc-run0-object})
 */
public record ImageStream(
    String imageRoot,
    List<List<ImageRecord>> trainBatches,
    List<ImageRecord> test,
    int numClasses,
    String name)
    implements Serializable {

  /**
   * @throws IllegalArgumentException if a label is negative or not below {@code numClasses}
   */
  public ImageStream {
    List<List<ImageRecord>> batches = new ArrayList<>(trainBatches.size());
    for (List<ImageRecord> b : trainBatches) {
      batches.add(List.copyOf(b));
    }
    trainBatches = List.copyOf(batches);
    test = List.copyOf(test);
    int needed = maxLabel(trainBatches, test) + 1;
    if (numClasses < needed) {
      throw new IllegalArgumentException(
          name + ": numClasses " + numClasses + " is below the largest label + 1 = " + needed);
    }
  }

  /** A stream whose class count is the largest label (over training and test) plus one. */
  public static ImageStream of(
      String imageRoot, List<List<ImageRecord>> trainBatches, List<ImageRecord> test, String name) {
    return new ImageStream(imageRoot, trainBatches, test, maxLabel(trainBatches, test) + 1, name);
  }

  private static int maxLabel(List<List<ImageRecord>> batches, List<ImageRecord> test) {
    int max = -1;
    for (List<ImageRecord> b : batches) {
      for (ImageRecord r : b) {
        max = Math.max(max, checked(r));
      }
    }
    for (ImageRecord r : test) {
      max = Math.max(max, checked(r));
    }
    return max;
  }

  private static int checked(ImageRecord r) {
    if (r.label() < 0) {
      throw new IllegalArgumentException("negative label " + r.label() + " for " + r.path());
    }
    return r.label();
  }

  public int numBatches() {
    return trainBatches.size();
  }

  /** Number of training images over all batches. */
  public int trainSize() {
    return trainBatches.stream().mapToInt(List::size).sum();
  }

  /**
   * The same stream without the images of {@code paths} (in training and test); the class count
   * and the number of batches stay, so labels and batch indexes keep their meaning.
   */
  public ImageStream without(Set<String> paths) {
    List<List<ImageRecord>> batches = new ArrayList<>(trainBatches.size());
    for (List<ImageRecord> b : trainBatches) {
      batches.add(b.stream().filter(r -> !paths.contains(r.path())).toList());
    }
    List<ImageRecord> kept = test.stream().filter(r -> !paths.contains(r.path())).toList();
    return new ImageStream(imageRoot, batches, kept, numClasses, name);
  }

  /** All training images, batch after batch, in stream order. */
  public List<ImageRecord> allTraining() {
    List<ImageRecord> all = new ArrayList<>(trainSize());
    trainBatches.forEach(all::addAll);
    return List.copyOf(all);
  }
}
