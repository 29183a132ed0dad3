package org.deepslda.features;

import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.Core50Name;

/**
 * The executor side of {@link FeatureStore#ensure}: relative image paths in, store rows out ({@link
 * StoreLayout#SCHEMA}). Images that cannot be read go to an accumulator instead of rows.
 * Serializable; the model is taken from the executor's {@link FeatureExtractor#shared} cache.
 */
final class PartitionExtractor implements FlatMapFunction<Iterator<String>, Row> {
  private static final long serialVersionUID = 1L;

  private final BackboneLoader loader;
  private final String imageFolderUri;
  private final SerializableConfiguration conf;
  private final int batchSize;
  private final CollectionAccumulator<BadImage> bad;

  PartitionExtractor(
      BackboneLoader loader,
      String imageFolderUri,
      Configuration conf,
      int batchSize,
      CollectionAccumulator<BadImage> bad) {
    this.loader = loader;
    this.imageFolderUri = imageFolderUri;
    this.conf = new SerializableConfiguration(conf);
    this.batchSize = batchSize;
    this.bad = bad;
  }

  @Override
  public Iterator<Row> call(Iterator<String> paths) {
    TestingHooks.maybeFail(TestingHooks.EXTRACT);
    FeatureExtractor fx = FeatureExtractor.shared(loader);
    Configuration c = conf.value();
    BatchedExtraction<String> results =
        new BatchedExtraction<>(
            paths,
            p -> HadoopFiles.readAllBytes(HadoopFiles.join(imageFolderUri, p), c),
            p -> HadoopFiles.join(imageFolderUri, p),
            fx,
            batchSize);
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        while (next == null && results.hasNext()) {
          BatchedExtraction.Result<String> r = results.next();
          if (r.features() == null) {
            bad.add(new BadImage(r.item(), r.error()));
          } else {
            next = toRow(r.item(), r.features());
          }
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  static Row toRow(String path, float[] features) {
    Core50Name n = Core50Name.parse(path);
    Float[] boxed = new Float[features.length];
    for (int i = 0; i < features.length; i++) {
      boxed[i] = features[i];
    }
    return RowFactory.create(path, n.session(), n.object(), n.category(), n.frame(), boxed);
  }
}
