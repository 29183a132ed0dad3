package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deepslda.data.ArchiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchCommandTest {
  @TempDir Path dir;

  @Test
  void fetch_downloadsFromTheBaseUrlIntoTheRoot() throws IOException {
    try (ArchiveServer server = new ArchiveServer()) {
      server.put("batches_filelists.zip", zip("batches_filelists/NI_inc/run0/test_filelist.txt"));
      server.put("batches_filelists_NICv2.zip", zip("NIC_v2_79/run0/test_filelist.txt"));
      Path root = dir.resolve("root");
      CliRunner r =
          CliRunner.run(
              "fetch",
              "--to",
              root.toString(),
              "--base-url",
              server.baseUrl(),
              "--what",
              "filelists",
              "--cache",
              dir.resolve("cache").toString());
      assertEquals(0, r.exitCode, r.err);
      assertTrue(Files.exists(root.resolve("batches_filelists/NI_inc/run0/test_filelist.txt")));
      assertTrue(Files.exists(root.resolve("NIC_v2_79/run0/test_filelist.txt")));
      assertEquals(2, server.requests().size());
    }
  }

  @Test
  void fetch_unknownArchiveNameIsAnErrorWithExitCode2() {
    CliRunner r = CliRunner.run("fetch", "--to", dir.toString(), "--what", "depth");
    assertEquals(2, r.exitCode);
    assertTrue(r.err.startsWith("slda: error: --what: unknown archive 'depth'"), r.err);
  }

  @Test
  void fetch_baseUrlMustBeHttp() {
    CliRunner r = CliRunner.run("fetch", "--to", dir.toString(), "--base-url", "ftp://x");
    assertEquals(2, r.exitCode);
    assertTrue(r.err.contains("--base-url"), r.err);
  }

  private static byte[] zip(String entry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry(entry));
      z.write("s3/o1/C_03_01_000.png 0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
