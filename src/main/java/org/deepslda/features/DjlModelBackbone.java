package org.deepslda.features;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import org.deepslda.common.BadInputException;

/**
 * A TorchScript module (from a {@code .pt} file or the DJL model zoo) run through DJL in inference
 * mode. The module's first output must be {@code [N, d]} features or {@code [N, d, h, w]} maps,
 * which are then averaged over h and w (global average pooling, as the seed does after layer4).
 */
final class DjlModelBackbone implements Backbone {
  private final Model model;
  private final String name;
  private final Path modelPath;

  /**
   * @param model a loaded model, owned from now on (closed by {@link #close()})
   * @param name the spec, named in errors
   * @param modelPath the local file or folder the model was loaded from
   */
  DjlModelBackbone(Model model, String name, Path modelPath) {
    this.model = model;
    this.name = name;
    this.modelPath = modelPath;
  }

  Path modelPath() {
    return modelPath;
  }

  @Override
  public NDArray forward(NDArray images) {
    ParameterStore ps = new ParameterStore(images.getManager(), false);
    NDList out = model.getBlock().forward(ps, new NDList(images), false);
    NDArray head = out.head();
    long n = images.getShape().get(0);
    if (head.getShape().dimension() == 4 && head.getShape().get(0) == n) {
      return head.mean(new int[] {2, 3});
    }
    if (head.getShape().dimension() == 2 && head.getShape().get(0) == n) {
      return head;
    }
    throw new BadInputException(
        "--backbone "
            + name
            + ": the model returned shape "
            + head.getShape()
            + " for input "
            + images.getShape()
            + "; expected [N, d] features or [N, d, h, w] feature maps");
  }

  @Override
  public void close() {
    model.close();
  }
}
