package org.highdicom4j.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.junit.jupiter.api.Test;

/**
 * Decodes every JPEG-LS frame of the shared corpus and compares the SHA-256 of the decoded stored
 * values with the reference decodings ({@code ../shared/reference/pixels.tsv}).
 */
class JpegLsCorpusTest {
  @Test
  void decodesEveryCorpusFrameToTheReferenceHash() throws Exception {
    Path shared = CorpusFrames.requireShared();
    Map<String, List<byte[]>> framesByFile = new HashMap<>();
    JpegLsCodec codec = new JpegLsCodec();
    int checked = 0;
    StringBuilder failures = new StringBuilder();
    for (Map<String, String> row : CorpusFrames.referenceRows(shared)) {
      String ts = row.get("transfer_syntax");
      if (!ts.equals(JpegLsCodec.JPEG_LS_LOSSLESS)
          && !ts.equals(JpegLsCodec.JPEG_LS_NEAR_LOSSLESS)) {
        continue;
      }
      String path = row.get("path");
      assertEquals("exact", row.get("compare"), path);
      int frame = Integer.parseInt(row.get("frame"));
      FrameDescriptor d = CorpusFrames.descriptor(row);
      List<byte[]> frames =
          framesByFile.computeIfAbsent(path, p -> extract(shared.resolve("testdata").resolve(p)));
      DecodedFrame decoded = codec.decode(ts, frames.get(frame - 1), d);
      String sha = CorpusFrames.sha256(decoded.data());
      if (!sha.equals(row.get("sha256"))) {
        failures.append(path).append('#').append(frame).append(' ');
      }
      assertEquals(row.get("photometric_output"), decoded.photometricInterpretation());
      checked++;
    }
    assertEquals("", failures.toString(), "frames whose hash differs");
    System.out.println("JpegLsCorpusTest: " + checked + " JPEG-LS frames match the reference");
    assertEquals(29, checked, "JPEG-LS rows in pixels.tsv");
  }

  private static List<byte[]> extract(Path file) {
    try {
      return CorpusFrames.encodedFrames(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
