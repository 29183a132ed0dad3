package org.deepslda.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.deepslda.common.BadInputException;
import org.deepslda.data.ImageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureExtractorTransformerTest {
  @TempDir Path dir;

  private final SparkSession spark = TestSpark.session();

  @Test
  void pathsAndBytes_giveTheStoresFeatures_inAPipeline() {
    List<String> rel = Core50Fixture.write(dir, 3);
    List<String> absolute = new ArrayList<>();
    rel.forEach(p -> absolute.add(dir.resolve(Core50Fixture.FOLDER).resolve(p).toUri().toString()));
    FeatureStore store = FeatureStore.open(spark, dir.resolve("store").toString());
    store.ensure(
        spark,
        Core50Fixture.folder(dir),
        rel,
        BackboneSpec.randomResNet18(0),
        ExtractOptions.defaults());
    List<ImageRecord> records = new ArrayList<>();
    rel.forEach(p -> records.add(new ImageRecord(p, 0)));
    float[] expected = store.collectOrdered(spark, records);

    FeatureExtractorTransformer t =
        new FeatureExtractorTransformer().setInputCol("value").setOutputCol("f").setBatchSize(2);
    Dataset<Row> byPath =
        new Pipeline()
            .setStages(new PipelineStage[] {t})
            .fit(spark.createDataset(absolute, Encoders.STRING()))
            .transform(spark.createDataset(absolute, Encoders.STRING()));
    assertArrayEquals(expected, flatten(byPath.collectAsList(), 1));

    Dataset<Row> files =
        spark.read().format("binaryFile").load(absolute.toArray(new String[0])).orderBy("path");
    Dataset<Row> byBytes = t.copy(ParamMap.empty()).setInputCol("content").transform(files);
    List<Row> rows = byBytes.select("path", "f").collectAsList();
    List<Row> inOrder = new ArrayList<>();
    for (String p : rel) {
      inOrder.add(rows.stream().filter(r -> r.getString(0).endsWith(p)).findFirst().orElseThrow());
    }
    assertArrayEquals(expected, flatten(inOrder, 1));
  }

  @Test
  void transformSchema_checksColumns() {
    FeatureExtractorTransformer t = new FeatureExtractorTransformer();
    StructType ok = new StructType().add("path", "string");
    assertEquals("array<float>", t.transformSchema(ok).apply("features").dataType().simpleString());
    assertThrows(
        BadInputException.class, () -> t.transformSchema(new StructType().add("x", "string")));
    assertThrows(
        BadInputException.class, () -> t.transformSchema(new StructType().add("path", "int")));
    assertThrows(BadInputException.class, () -> t.transformSchema(ok.add("features", "string")));
    assertThrows(BadInputException.class, () -> t.setBackbone("vgg16"));
    FeatureExtractorTransformer copy = t.setBatchSize(5).copy(ParamMap.empty());
    assertEquals(5, (int) copy.getOrDefault(copy.batchSize()));
    assertEquals(t.uid(), copy.uid());
  }

  @Test
  void savedTransformer_loadsWithItsParams() throws Exception {
    FeatureExtractorTransformer t =
        new FeatureExtractorTransformer()
            .setInputCol("img")
            .setBatchSize(7)
            .setBackbone("random-resnet18:5");
    String path = dir.resolve("saved").toString();
    t.write().save(path);
    FeatureExtractorTransformer back = FeatureExtractorTransformer.load(path);
    assertEquals(t.uid(), back.uid());
    assertEquals("img", back.getOrDefault(back.inputCol()));
    assertEquals(7, (int) back.getOrDefault(back.batchSize()));
    assertEquals("random-resnet18:5", back.getOrDefault(back.backbone()));
  }

  @Test
  void unreadableImage_failsNamingIt() {
    Path junk = TestImages.write(dir.resolve("junk.png"), "no picture".getBytes());
    FeatureExtractorTransformer t = new FeatureExtractorTransformer().setInputCol("value");
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                t.transform(spark.createDataset(List.of(junk.toString()), Encoders.STRING()))
                    .collectAsList());
    assertTrue(rootMessage(e).contains("junk.png"), rootMessage(e));
  }

  private static String rootMessage(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }

  private static float[] flatten(List<Row> rows, int col) {
    int d = rows.get(0).getList(col).size();
    float[] out = new float[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      List<Float> f = rows.get(i).getList(col);
      for (int j = 0; j < d; j++) {
        out[i * d + j] = f.get(j);
      }
    }
    return out;
  }
}
