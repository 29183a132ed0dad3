package org.deepslda.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deepslda.cli.Slda;
import org.deepslda.common.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Image files a dataset may hold: damaged ones stop {@code slda run} with exit code 2 and one line
 * naming the file and what is wrong with it (or, with {@code --skip-bad-images}, are left out and
 * listed in {@code skipped_images.json}); unusual but valid ones (grayscale, 16-bit, another size)
 * give finite features. Each case runs on its own copy of the dataset and a copy of the store
 * without the damaged image, so the run has to read exactly that file.
 */
@DisplayName("images")
class ImagesTest {
  static Path dir;

  @BeforeAll
  static void setUp() {
    Shared.ensure();
    dir = Shared.scratch("images");
  }

  @Test
  @DisplayName("corrupt PNG")
  void corruptPng() throws IOException {
    failsOn("corrupt", png -> Images.corrupt(png), "damaged");
  }

  @Test
  @DisplayName("truncated PNG")
  void truncatedPng() throws IOException {
    failsOn("truncated", png -> Images.truncate(png), "truncated");
  }

  @Test
  @DisplayName("zero-byte file")
  void zeroByteFile() throws IOException {
    failsOn("zero-byte", png -> Files.write(png, new byte[0]), "the file is empty, 0 bytes");
  }

  @Test
  @DisplayName("a file that is not an image")
  void notAnImage() throws IOException {
    failsOn("not-image", png -> Files.writeString(png, "session,object\n1,1\n"), "not an image");
  }

  @Test
  @DisplayName("a missing image file")
  void missingFile() throws IOException {
    failsOn("missing", Files::delete, "file not found");
  }

  @Test
  @DisplayName("--skip-bad-images: damaged images left out and listed")
  void skipBadImages_leavesThemOutAndListsThem() throws IOException {
    Path data = Shared.copyOfData(dir.resolve("skip/data"));
    List<String> bad = Images.trainingImages(data, 5);
    Images.corrupt(Images.file(data, bad.get(0)));
    Images.truncate(Images.file(data, bad.get(1)));
    Files.write(Images.file(data, bad.get(2)), new byte[0]);
    Files.writeString(Images.file(data, bad.get(3)), "not a picture");
    Files.delete(Images.file(data, bad.get(4)));
    Path store = StoreForge.copyWithout(dir.resolve("skip/store"), bad.toArray(new String[0]));
    Path out = dir.resolve("skip/out");
    UserCli.run(UserCli.runArgs(data.toString(), store.toString(), out.toString(),
        "--skip-bad-images")).assertSucceeded();

    JsonNode listed = Json.mapper().readTree(out.resolve("skipped_images.json").toFile());
    assertEquals(5, listed.size(), listed.toString());
    for (int i = 0; i < 5; i++) {
      assertEquals(bad.stream().sorted().toList().get(i), listed.get(i).get("path").asText());
      assertTrue(listed.get(i).get("reason").asText().contains(listed.get(i).get("path")
          .asText()), "the reason names the file: " + listed.get(i));
    }
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  @DisplayName("grayscale, 16-bit and other-size PNGs give finite features")
  void unusualButValidImages_work() throws IOException {
    Path data = Shared.copyOfData(dir.resolve("valid/data"));
    List<String> images = Images.trainingImages(data, 3);
    Images.toGray8(Images.file(data, images.get(0)));
    Images.toRgb16(Images.file(data, images.get(1)));
    Images.resize(Images.file(data, images.get(2)), 200, 150);
    Path store = StoreForge.copyWithout(dir.resolve("valid/store"),
        images.toArray(new String[0]));
    Path out = dir.resolve("valid/out");
    UserCli.run(UserCli.runArgs(data.toString(), store.toString(), out.toString()))
        .assertSucceeded();

    float[][] now = Images.export(data, store, images, dir.resolve("valid/now"));
    float[][] before = Images.export(Shared.DATA, Shared.STORE, images, dir.resolve("valid/was"));
    for (int i = 0; i < 3; i++) {
      for (float v : now[i]) {
        assertTrue(Float.isFinite(v), images.get(i) + " has a non-finite feature");
      }
    }
    assertFalse(Arrays.equals(before[0], now[0]), "grayscale changes the features");
    assertArrayEquals(before[1], now[1], "16-bit keeps the high byte: same as the 8-bit image");
    assertFalse(Arrays.equals(before[2], now[2]), "another size changes the features");
  }

  /** Damages the first training image; the run must stop naming it and leave --out alone. */
  private static void failsOn(String kind, Images.Damage damage, String problem)
      throws IOException {
    Path data = Shared.copyOfData(dir.resolve(kind + "/data"));
    String image = Images.trainingImages(data, 1).get(0);
    damage.apply(Images.file(data, image));
    Path store = StoreForge.copyWithout(dir.resolve(kind + "/store"), image);
    Path out = dir.resolve(kind + "/out");
    Map<String, byte[]> before = Outputs.userFolder(out);
    UserCli.run(UserCli.runArgs(data.toString(), store.toString(), out.toString()))
        .assertFailed(Slda.EXIT_BAD_INPUT, image, problem, "--skip-bad-images");
    Outputs.assertUnchanged(before, out);
  }
}
