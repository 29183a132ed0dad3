package org.deepslda.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;

/**
 * A torchvision-style ResNet-18 trunk evaluated with DJL's functional operators, up to the globally
 * average-pooled {@code layer4} output: {@code [N, 3, S, S] -> [N, 512]}. The layout is
 * torchvision's: 7x7/2 convolution, 3x3/2 max-pool, four stages of two BasicBlocks (64, 128, 256,
 * 512 channels; the first block of stages 2-4 has stride 2 and a 1x1/2 projection shortcut).
 *
 * <p>Batch norm is in inference mode, so each {@code conv -> bn} pair is folded into one
 * convolution with bias: {@code w' = w * gamma / sqrt(var + eps)}, {@code b' = beta - mean * gamma
 * / sqrt(var + eps)}. This is exact in real arithmetic; in float32 the features differ from an
 * unfolded evaluation by about 1e-6 relative. Using operators instead of DJL blocks avoids the
 * parameter store and any gradient bookkeeping.
 *
 * <p>The weight arrays live in the manager given to {@link #create}; {@link #forward} attaches all
 * intermediate arrays to the input's manager, so a caller that opens a sub-manager per batch frees
 * everything but the weights by closing it. Forward passes from several threads may share one net.
 */
public final class ResNet18Net {
  /** Output width: channels of {@code layer4}. */
  public static final int DIM = 512;

  private final NDArray[] weights;
  private final NDArray[] biases;

  private ResNet18Net(NDArray[] weights, NDArray[] biases) {
    this.weights = weights;
    this.biases = biases;
  }

  /** Uploads folded weights to {@code manager}'s device; they live as long as the manager. */
  public static ResNet18Net create(ResNet18Weights w, NDManager manager) {
    String[][] pairs = convBnPairs();
    NDArray[] weights = new NDArray[pairs.length];
    NDArray[] biases = new NDArray[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      float[][] folded = fold(w, pairs[i][0], pairs[i][1]);
      weights[i] = manager.create(folded[0], new Shape(w.shape(pairs[i][0] + ".weight")));
      biases[i] = manager.create(folded[1]);
    }
    return new ResNet18Net(weights, biases);
  }

  /**
   * The convolution / batch-norm name pairs in evaluation order: stem, then per block conv1, conv2
   * and (first block of stages 2-4) the projection.
   */
  static String[][] convBnPairs() {
    java.util.List<String[]> pairs = new java.util.ArrayList<>();
    pairs.add(new String[] {"conv1", "bn1"});
    for (int stage = 1; stage <= 4; stage++) {
      for (int block = 0; block < 2; block++) {
        String p = "layer" + stage + "." + block + ".";
        pairs.add(new String[] {p + "conv1", p + "bn1"});
        pairs.add(new String[] {p + "conv2", p + "bn2"});
        if (stage > 1 && block == 0) {
          pairs.add(new String[] {p + "downsample.0", p + "downsample.1"});
        }
      }
    }
    return pairs.toArray(new String[0][]);
  }

  private static float[][] fold(ResNet18Weights w, String conv, String bn) {
    float[] kernel = w.get(conv + ".weight");
    float[] gamma = w.get(bn + ".weight");
    float[] beta = w.get(bn + ".bias");
    float[] mean = w.get(bn + ".running_mean");
    float[] var = w.get(bn + ".running_var");
    int out = gamma.length;
    int per = kernel.length / out;
    float[] folded = new float[kernel.length];
    float[] bias = new float[out];
    for (int o = 0; o < out; o++) {
      double scale = gamma[o] / Math.sqrt(var[o] + ResNet18Weights.BN_EPS);
      for (int i = 0; i < per; i++) {
        folded[o * per + i] = (float) (kernel[o * per + i] * scale);
      }
      bias[o] = (float) (beta[o] - mean[o] * scale);
    }
    return new float[][] {folded, bias};
  }

  /**
   * Features of a batch of normalised images.
   *
   * @param images {@code [N, 3, S, S]} float32, S at least 32
   * @return {@code [N, 512]} float32, attached to the input's manager
   */
  public NDArray forward(NDArray images) {
    NDArray x = conv(images, 0, 2, 3, true);
    x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
    int layer = 1;
    for (int stage = 0; stage < 4; stage++) {
      for (int block = 0; block < 2; block++) {
        boolean project = stage > 0 && block == 0;
        int stride = project ? 2 : 1;
        NDArray y = conv(x, layer, stride, 1, true);
        y = conv(y, layer + 1, 1, 1, false);
        NDArray shortcut = project ? conv(x, layer + 2, 2, 0, false) : x;
        x = Activation.relu(y.addi(shortcut));
        layer += project ? 3 : 2;
      }
    }
    return Pool.globalAvgPool2d(x);
  }

  private NDArray conv(NDArray x, int i, int stride, int pad, boolean relu) {
    NDArray y =
        Conv2d.conv2d(
                x,
                weights[i],
                biases[i],
                new Shape(stride, stride),
                new Shape(pad, pad),
                new Shape(1, 1),
                1)
            .singletonOrThrow();
    return relu ? Activation.relu(y) : y;
  }
}
