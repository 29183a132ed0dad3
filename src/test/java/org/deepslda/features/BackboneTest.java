package org.deepslda.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.resource.ResourceInformation;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackboneTest {
  @TempDir Path dir;

  @Test
  void parse_acceptsTheThreeForms() {
    assertEquals(BackboneSpec.randomResNet18(0), BackboneSpec.parse("random-resnet18"));
    assertEquals(BackboneSpec.randomResNet18(42), BackboneSpec.parse("random-resnet18:42"));
    BackboneSpec pt = BackboneSpec.parse("hdfs://nn:8020/models/r18.pt");
    assertEquals(BackboneSpec.Kind.TORCHSCRIPT, pt.kind());
    assertEquals("hdfs://nn:8020/models/r18.pt", pt.location());
    assertEquals(BackboneSpec.Kind.TORCHSCRIPT, BackboneSpec.parse("models/r18.PT").kind());
    BackboneSpec zoo = BackboneSpec.parse("djl://ai.djl.pytorch/resnet18_embedding");
    assertEquals(BackboneSpec.Kind.MODEL_ZOO, zoo.kind());
    assertEquals("random-resnet18:42", BackboneSpec.parse("random-resnet18:42").toString());
  }

  @Test
  void parse_rejectsOtherValuesNamingFlagValueAndForms() {
    for (String bad :
        new String[] {
          "",
          "resnet50",
          "random-resnet18:",
          "random-resnet18:-1",
          "random-resnet18:x",
          "model.onnx",
          "djl://"
        }) {
      BadInputException e =
          assertThrows(BadInputException.class, () -> BackboneSpec.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("--backbone '" + bad + "'"), e.getMessage());
    }
    String msg =
        assertThrows(BadInputException.class, () -> BackboneSpec.parse("vgg")).getMessage();
    assertTrue(
        msg.contains("random-resnet18[:SEED]") && msg.contains(".pt") && msg.contains("djl://"),
        msg);
  }

  @Test
  void descriptor_roundTripsThroughJson_andRefusesAnotherBackbone() {
    BackboneDescriptor a =
        BackboneLoader.describe(
                BackboneSpec.randomResNet18(3), new Configuration(), "core50_128x128")
            .descriptor();
    assertEquals(a, BackboneDescriptor.fromJson(a.toJson(), "test"));
    a.requireSame(BackboneDescriptor.fromJson(a.toJson(), "test"), "store");
    BackboneDescriptor other = a.withImageFolder("core50_32x32");
    BadInputException e = assertThrows(BadInputException.class, () -> a.requireSame(other, "s"));
    assertTrue(
        e.getMessage().contains("core50_128x128") && e.getMessage().contains("core50_32x32"));
    assertThrows(BadInputException.class, () -> BackboneDescriptor.fromJson("{\"dim\": 3}", "f"));
    assertThrows(BadInputException.class, () -> BackboneDescriptor.fromJson("not json", "f"));
    String newer = a.toJson().replace("\"formatVersion\" : 1", "\"formatVersion\" : 9");
    assertThrows(BadInputException.class, () -> BackboneDescriptor.fromJson(newer, "f"));
  }

  @Test
  void torchScript_matchesPythonReference_andTheRandomBackboneWithSameWeights() throws Exception {
    PythonReference.assumeAvailable();
    System.setProperty("deep.slda.cache.dir", dir.resolve("cache").toString());
    List<Path> images = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      images.add(
          TestImages.write(
              dir.resolve("i" + i + ".png"),
              TestImages.png(TestImages.noise(128 + 40 * i, 128, 300 + i))));
    }
    Path npz = dir.resolve("w.npz");
    Files.write(npz, Npz.toBytes(ResNet18Weights.random(0).toNpyArrays()));
    Path pt = dir.resolve("r18.pt");
    PythonReference.reference(
        dir,
        "--images",
        PythonReference.writeList(dir.resolve("list"), images).toString(),
        "--out",
        dir.toString(),
        "--weights",
        npz.toString(),
        "--export",
        pt.toString());
    float[] python = PythonReference.load(dir.resolve("features.npy")).toFloats();

    BackboneLoader ts =
        BackboneLoader.describe(BackboneSpec.parse("file://" + pt), new Configuration(), "f");
    assertEquals("torchscript:r18.pt", ts.descriptor().identity());
    assertEquals(512, ts.descriptor().dim());
    float[] viaTorchScript = extract(ts, images);
    ResNet18NetTest.assertClose(python, viaTorchScript, 512, 1e-4);
    BackboneLoader random =
        BackboneLoader.describe(BackboneSpec.randomResNet18(0), new Configuration(), "f");
    ResNet18NetTest.assertClose(viaTorchScript, extract(random, images), 512, 1e-4);
    assertTrue(
        Files.exists(TorchScriptFiles.cacheDir().resolve(ts.descriptor().weightsSha256() + ".pt")));
  }

  private static float[] extract(BackboneLoader loader, List<Path> images) throws Exception {
    try (FeatureExtractor fx = FeatureExtractor.open(loader, Device.cpu())) {
      ImagePreprocessor pre = fx.preprocessor();
      float[] batch = new float[images.size() * pre.valuesPerImage()];
      for (int i = 0; i < images.size(); i++) {
        float[] t = pre.preprocess(Files.readAllBytes(images.get(i)), images.get(i).toString());
        System.arraycopy(t, 0, batch, i * t.length, t.length);
      }
      return fx.extract(batch, images.size());
    }
  }

  @Test
  void torchScript_missingOrNotAModel_isBadInputNamingIt() throws Exception {
    System.setProperty("deep.slda.cache.dir", dir.resolve("cache").toString());
    String missing = dir.resolve("nope.pt").toString();
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> BackboneLoader.describe(BackboneSpec.parse(missing), new Configuration(), "f"));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
    Path junk = Files.writeString(dir.resolve("junk.pt"), "not a model");
    e =
        assertThrows(
            BadInputException.class,
            () ->
                BackboneLoader.describe(
                    BackboneSpec.parse(junk.toString()), new Configuration(), "f"));
    assertTrue(
        e.getMessage().contains("junk.pt") && e.getMessage().contains("TorchScript"),
        e.getMessage());
  }

  @Test
  void modelZoo_offline_failsClearlyWithoutNetwork() {
    EnvironmentException e =
        assertThrows(
            EnvironmentException.class,
            () ->
                BackboneLoader.describe(
                    BackboneSpec.parse("djl://ai.djl.pytorch/resnet18_embedding"),
                    new Configuration(),
                    "f"));
    assertTrue(e.getMessage().contains("offline"), e.getMessage());
  }

  @Test
  void deviceChoice_mapsTheTaskGpuOrFallsBackToCpu() {
    assertEquals(Device.cpu(), DeviceChoice.choose(Map.of(), 0).device());
    Map<String, ResourceInformation> gpu1 =
        Map.of("gpu", new ResourceInformation("gpu", new String[] {"1"}));
    DeviceChoice onCuda = DeviceChoice.choose(gpu1, 2);
    assertEquals(Device.gpu(1), onCuda.device());
    assertFalse(onCuda.degraded());
    DeviceChoice noCuda = DeviceChoice.choose(gpu1, 0);
    assertEquals(Device.cpu(), noCuda.device());
    assertTrue(noCuda.degraded());
    assertTrue(noCuda.note().contains("falling back to CPU"), noCuda.note());
    Map<String, ResourceInformation> odd =
        Map.of("gpu", new ResourceInformation("gpu", new String[] {"GPU-uuid-1"}));
    assertEquals(Device.cpu(), DeviceChoice.choose(odd, 4).device());
  }
}
