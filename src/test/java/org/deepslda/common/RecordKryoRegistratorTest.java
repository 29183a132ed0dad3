package org.deepslda.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.deepslda.data.ImageRecord;
import org.deepslda.lda.SldaWeights;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

class RecordKryoRegistratorTest {
  private static SerializerInstance kryo(boolean withRegistrator) {
    SparkConf conf = new SparkConf(false);
    if (withRegistrator) {
      conf.set("spark.kryo.registrator", RecordKryoRegistrator.class.getName());
    }
    return new KryoSerializer(conf).newInstance();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(SerializerInstance s, T value) {
    ByteBuffer bytes = s.serialize(value, ClassTag$.MODULE$.apply(Object.class));
    return (T) s.deserialize(bytes, ClassTag$.MODULE$.apply(Object.class));
  }

  @Test
  void kryo_withoutRegistratorCannotCarryRecords() {
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> roundTrip(kryo(false), new ImageRecord("a", 1)));
    String causes = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      causes += t.getMessage() + "\n";
    }
    assertTrue(causes.contains("record"), causes);
  }

  @Test
  void kryo_withRegistratorCarriesRecords() {
    ImageRecord r = new ImageRecord("s1/o1/C_01_01_000.png", 3);
    assertEquals(r, roundTrip(kryo(true), r));
    SldaWeights w = new SldaWeights(2, 2, new float[] {1, 2, 3, 4}, new float[] {0.5f, -1},
        new boolean[] {true, true}, false);
    assertEquals(w, roundTrip(kryo(true), w));
  }
}
