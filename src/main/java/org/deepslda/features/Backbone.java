package org.deepslda.features;

import ai.djl.ndarray.NDArray;

/**
 * A network loaded on one device: a batch of normalised images in, a batch of feature vectors out.
 * Implementations hold native memory until {@link #close()}. {@link #forward} may be called from
 * several threads at once (Spark runs several tasks per executor).
 */
interface Backbone extends AutoCloseable {
  /**
   * @param images {@code [N, 3, S, S]} float32 normalised images
   * @return {@code [N, d]} float32, attached to the manager of {@code images}
   */
  NDArray forward(NDArray images);

  @Override
  void close();
}
