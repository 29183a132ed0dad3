/**
 * Images to features, on the Spark executors, into a reusable Parquet feature store.
 *
 * <p>Contract: a feature is a pure function of the image bytes and the backbone. {@link
 * org.deepslda.features.ImagePreprocessor} reproduces the seed's torchvision transform bit for bit
 * (PIL bilinear resize to 224 x 224 with antialias, {@code / 255}, ImageNet mean and std); the
 * backbone ({@link org.deepslda.features.BackboneSpec}: seeded random ResNet-18, a TorchScript
 * file, or a DJL model-zoo URL) maps it to the average-pooled layer4 output (d = 512 for
 * ResNet-18). Batch composition and partitioning never change a vector.
 *
 * <p>Flow: {@link org.deepslda.features.FeatureStore#ensure} lists what the store lacks, ships a
 * serializable {@link org.deepslda.features.BackboneLoader} to the executors, where one {@link
 * org.deepslda.features.FeatureExtractor} per JVM and device runs batches, and appends the rows as
 * one committed folder. Readers ({@link org.deepslda.features.FeatureStore#features}, {@link
 * org.deepslda.features.FeatureStore#collectOrdered}) check presence, length and NaN, and a store
 * is never used with a backbone other than the one in its {@code _backbone.json}. {@link
 * org.deepslda.features.FeatureExtractorTransformer} offers the same computation as a Spark ML
 * stage.
 *
 * <p>Depends on {@code org.deepslda.common} and {@code org.deepslda.data} only.
 */
package org.deepslda.features;
