package org.deepslda.features;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.util.SerializableConfiguration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;

/**
 * Loads a backbone wherever it is needed: on the driver to describe it ({@link #describe}), on each
 * executor to run it ({@link #load}). Serializable: it carries the spec, the descriptor the driver
 * recorded (whose checksum every executor verifies before computing a single feature) and the
 * Hadoop configuration for reading TorchScript files; never a loaded model.
 */
public final class BackboneLoader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final BackboneSpec spec;
  private final BackboneDescriptor descriptor;
  private final SerializableConfiguration conf;

  private BackboneLoader(BackboneSpec spec, BackboneDescriptor d, SerializableConfiguration c) {
    this.spec = spec;
    this.descriptor = d;
    this.conf = c;
  }

  /**
   * Describes {@code spec} on the driver: checksums the weights and, for TorchScript and model-zoo
   * backbones, loads the model once on the CPU to learn its feature length.
   *
   * @param imageFolder the image folder's name, recorded in the descriptor
   * @throws BadInputException if the file is missing or is not a usable model
   */
  public static BackboneLoader describe(BackboneSpec spec, Configuration conf, String imageFolder) {
    SerializableConfiguration sc = new SerializableConfiguration(conf);
    BackboneDescriptor d =
        switch (spec.kind()) {
          case RANDOM_RESNET18 ->
              descriptor(
                  RandomResNet18Backbone.identity(spec.seed()),
                  RandomResNet18Backbone.sha256(spec.seed()),
                  ResNet18Net.DIM,
                  imageFolder);
          case TORCHSCRIPT -> describeTorchScript(spec, conf, imageFolder);
          case MODEL_ZOO -> describeModelZoo(spec, imageFolder);
        };
    return new BackboneLoader(spec, d, sc);
  }

  private static BackboneDescriptor descriptor(String id, String sha, int dim, String folder) {
    return new BackboneDescriptor(
        id,
        sha,
        dim,
        224,
        ImagePreprocessor.RESIZE,
        ImagePreprocessor.IMAGENET_MEAN,
        ImagePreprocessor.IMAGENET_STD,
        folder,
        BackboneDescriptor.FORMAT_VERSION);
  }

  private static BackboneDescriptor describeTorchScript(
      BackboneSpec spec, Configuration conf, String folder) {
    Path local = TorchScriptFiles.localCopy(spec.location(), null, conf);
    String name = new org.apache.hadoop.fs.Path(spec.location()).getName();
    try (Backbone b = loadTorchScript(spec.location(), local, Device.cpu())) {
      return descriptor(
          "torchscript:" + name, TorchScriptFiles.sha256Of(local), probeDim(b, spec), folder);
    }
  }

  private static BackboneDescriptor describeModelZoo(BackboneSpec spec, String folder) {
    try (Backbone b = loadModelZoo(spec.location(), Device.cpu())) {
      String sha = ModelZooFiles.sha256(((DjlModelBackbone) b).modelPath());
      return descriptor(spec.location(), sha, probeDim(b, spec), folder);
    }
  }

  /** Runs one black 224 x 224 image through the model to learn d. */
  private static int probeDim(Backbone b, BackboneSpec spec) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      NDArray out = b.forward(m.zeros(new Shape(1, 3, 224, 224)));
      return Math.toIntExact(out.getShape().get(1));
    }
  }

  public BackboneSpec spec() {
    return spec;
  }

  public BackboneDescriptor descriptor() {
    return descriptor;
  }

  /** A key that tells backbones apart: identity and checksum. */
  String key() {
    return descriptor.identity() + "@" + descriptor.weightsSha256();
  }

  /**
   * Loads the backbone on {@code device} (executor side), after checking that its weights are the
   * ones the driver described.
   */
  Backbone load(Device device) {
    DjlEnvironment.pytorch();
    return switch (spec.kind()) {
      case RANDOM_RESNET18 ->
          RandomResNet18Backbone.load(spec.seed(), device, descriptor.weightsSha256());
      case TORCHSCRIPT ->
          loadTorchScript(
              spec.location(),
              TorchScriptFiles.localCopy(spec.location(), descriptor.weightsSha256(), conf.value()),
              device);
      case MODEL_ZOO -> loadModelZoo(spec.location(), device);
    };
  }

  private static Backbone loadTorchScript(String uri, Path local, Device device) {
    DjlEnvironment.pytorch();
    Model model = Model.newInstance(local.getFileName().toString(), device, "PyTorch");
    try {
      model.load(local, null, Map.of("mapLocation", "true"));
      return new DjlModelBackbone(model, uri, local);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new BadInputException(
          "--backbone " + uri + ": not a loadable TorchScript module (" + e.getMessage() + ")", e);
    }
  }

  private static Backbone loadModelZoo(String url, Device device) {
    DjlEnvironment.pytorch();
    if (DjlEnvironment.offline()) {
      throw new EnvironmentException(
          "--backbone "
              + url
              + ": DJL model-zoo URLs download the model, but DJL is in offline"
              + " mode here; on a machine with internet access set DJL_OFFLINE=false (or"
              + " -Dai.djl.offline=false), or use a TorchScript .pt file or random-resnet18");
    }
    try {
      Criteria<NDList, NDList> criteria =
          Criteria.builder()
              .setTypes(NDList.class, NDList.class)
              .optModelUrls(url)
              .optEngine("PyTorch")
              .optDevice(device)
              .build();
      var model = criteria.loadModel();
      return new DjlModelBackbone(model, url, model.getModelPath());
    } catch (ModelNotFoundException | MalformedModelException | IllegalArgumentException e) {
      throw new BadInputException("--backbone " + url + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new EnvironmentException("--backbone " + url + ": cannot download: " + e, e);
    }
  }
}
