package org.highdicom4j.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decodes every JPEG-LS frame of the shared corpus and compares the SHA-256 of the decoded stored
 * values with the reference decodings ({@code ../shared/reference/pixels.tsv}).
 */
class JpegLsCorpusTest {
  @TempDir Path temp;

  @Test
  void decodesEveryCorpusFrameToTheReferenceHash() throws Exception {
    Path shared = JpegLsCorpusFiles.requireShared();
    JpegLsCorpusFiles.requireTool("dcmdump");
    List<String> lines = Files.readAllLines(shared.resolve("reference/pixels.tsv"));
    List<String> header = List.of(lines.get(0).split("\t", -1));
    Map<String, List<byte[]>> framesByFile = new HashMap<>();
    JpegLsCodec codec = new JpegLsCodec();
    int checked = 0;
    StringBuilder failures = new StringBuilder();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      String ts = f[header.indexOf("transfer_syntax")];
      if (!ts.equals(JpegLsCodec.JPEG_LS_LOSSLESS)
          && !ts.equals(JpegLsCodec.JPEG_LS_NEAR_LOSSLESS)) {
        continue;
      }
      String path = f[header.indexOf("path")];
      assertEquals("exact", f[header.indexOf("compare")], path);
      int frame = Integer.parseInt(f[header.indexOf("frame")]);
      FrameDescriptor d =
          new FrameDescriptor(
              Integer.parseInt(f[header.indexOf("rows")]),
              Integer.parseInt(f[header.indexOf("columns")]),
              Integer.parseInt(f[header.indexOf("samples_per_pixel")]),
              Integer.parseInt(f[header.indexOf("bits_allocated")]),
              Integer.parseInt(f[header.indexOf("bits_stored")]),
              "1".equals(f[header.indexOf("pixel_representation")]),
              0,
              f[header.indexOf("photometric_stored")]);
      long frameCount = lines.stream().filter(l -> l.startsWith(path + "\t")).count();
      List<byte[]> frames =
          framesByFile.computeIfAbsent(
              path, p -> extract(shared.resolve("testdata").resolve(p), (int) frameCount));
      DecodedFrame decoded = codec.decode(ts, frames.get(frame - 1), d);
      String sha =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(decoded.data()));
      if (!sha.equals(f[header.indexOf("sha256")])) {
        failures.append(path).append('#').append(frame).append(' ');
      }
      assertEquals(f[header.indexOf("photometric_output")], decoded.photometricInterpretation());
      checked++;
    }
    assertEquals("", failures.toString(), "frames whose hash differs");
    System.out.println("JpegLsCorpusTest: " + checked + " JPEG-LS frames match the reference");
    assertEquals(29, checked, "JPEG-LS rows in pixels.tsv");
  }

  private List<byte[]> extract(Path file, int frames) {
    try {
      return JpegLsCorpusFiles.frames(JpegLsCorpusFiles.pixelItems(file, temp), frames);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
