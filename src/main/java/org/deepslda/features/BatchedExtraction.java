package org.deepslda.features;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.deepslda.common.BadInputException;

/**
 * Lazily turns a partition's items (paths, rows) into features, {@code batchSize} images per
 * forward pass, keeping the input order. An item whose image cannot be read or decoded ({@link
 * BadInputException}) comes out with its error instead of features; other failures propagate. Only
 * one batch of images is held in memory at a time. Not thread-safe (one per task).
 *
 * @param <T> the item type
 */
final class BatchedExtraction<T> implements Iterator<BatchedExtraction.Result<T>> {
  /**
   * One item's outcome.
   *
   * @param item the input item
   * @param features d values, or null if the image was bad
   * @param error why the image was bad (naming it), or null
   */
  record Result<T>(T item, float[] features, String error) {}

  private final Iterator<T> items;
  private final Function<T, byte[]> bytes;
  private final Function<T, String> name;
  private final FeatureExtractor extractor;
  private final ImagePreprocessor preprocessor;
  private final int batchSize;
  private final ArrayDeque<Result<T>> ready = new ArrayDeque<>();

  /**
   * @param bytes reads an item's image file; throws {@link BadInputException} if it is missing
   * @param name names an item in error messages
   */
  BatchedExtraction(
      Iterator<T> items,
      Function<T, byte[]> bytes,
      Function<T, String> name,
      FeatureExtractor extractor,
      int batchSize) {
    this.items = items;
    this.bytes = bytes;
    this.name = name;
    this.extractor = extractor;
    this.preprocessor = extractor.preprocessor();
    this.batchSize = batchSize;
  }

  @Override
  public boolean hasNext() {
    if (ready.isEmpty() && items.hasNext()) {
      nextBatch();
    }
    return !ready.isEmpty();
  }

  @Override
  public Result<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  private void nextBatch() {
    List<Result<T>> order = new ArrayList<>(batchSize);
    List<T> good = new ArrayList<>(batchSize);
    int per = preprocessor.valuesPerImage();
    float[] batch = new float[batchSize * per];
    while (good.size() < batchSize && items.hasNext()) {
      T item = items.next();
      try {
        float[] t = preprocessor.preprocess(bytes.apply(item), name.apply(item));
        System.arraycopy(t, 0, batch, good.size() * per, per);
        good.add(item);
        order.add(null);
      } catch (BadInputException e) {
        order.add(new Result<>(item, null, e.getMessage()));
      }
    }
    float[] features = new float[0];
    if (!good.isEmpty()) {
      float[] input =
          good.size() == batchSize ? batch : java.util.Arrays.copyOf(batch, good.size() * per);
      features = extractor.extract(input, good.size());
    }
    int d = extractor.dim();
    int g = 0;
    for (Result<T> r : order) {
      if (r != null) {
        ready.add(r);
      } else {
        float[] f = java.util.Arrays.copyOfRange(features, g * d, (g + 1) * d);
        ready.add(new Result<>(good.get(g), f, null));
        g++;
      }
    }
  }
}
