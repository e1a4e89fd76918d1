package org.highdicom4j.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decodes every JPEG Baseline, Extended and Lossless frame of the shared corpus and compares it
 * with the reference decodings of {@code ../shared/reference/pixels.tsv}: lossless frames by
 * SHA-256, DCT frames within the README tolerance (statistics, and per pixel against an
 * uncompressed copy or, where none exists, DCMTK's accurate-IDCT decoding whose hash must equal the
 * reference).
 */
class JpegCorpusTest {

  private static final Set<String> SYNTAXES =
      Set.of(
          JpegCodec.JPEG_BASELINE,
          JpegCodec.JPEG_EXTENDED,
          JpegCodec.JPEG_LOSSLESS,
          JpegCodec.JPEG_LOSSLESS_SV1);

  private static final Set<String> NATIVE = Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1");

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> decodesEveryJpegFrameOfTheCorpusLikeTheReference() throws IOException {
    Path shared = JpegTestFiles.requireCorpus();
    List<Map<String, String>> all = CorpusFrames.referenceRows(shared);
    Map<String, Map<String, String>> byFrame =
        all.stream()
            .collect(
                Collectors.toMap(r -> r.get("path") + "#" + r.get("frame"), r -> r, (a, b) -> a));
    List<Map<String, String>> rows =
        all.stream()
            .filter(r -> SYNTAXES.contains(r.get("transfer_syntax")))
            .filter(r -> "ok".equals(r.get("status")))
            .toList();
    assertTrue(rows.size() >= 17, "JPEG rows in pixels.tsv: " + rows.size());
    return rows.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.get("path") + "#" + row.get("frame"), () -> check(shared, row, byFrame)));
  }

  private void check(Path shared, Map<String, String> row, Map<String, Map<String, String>> byFrame)
      throws IOException {
    Path file = shared.resolve("testdata").resolve(row.get("path"));
    FrameDescriptor d = CorpusFrames.descriptor(row);
    int frame = Integer.parseInt(row.get("frame"));
    byte[] encoded = CorpusFrames.encodedFrames(file).get(frame - 1);
    DecodedFrame decoded = new JpegCodec().decode(row.get("transfer_syntax"), encoded, d);
    assertEquals(row.get("photometric_output"), decoded.photometricInterpretation());
    assertEquals(d.decodedLength(), decoded.data().length);
    if ("exact".equals(row.get("compare"))) {
      assertEquals(row.get("sha256"), CorpusFrames.sha256(decoded.data()), "sha256");
      return;
    }
    double[] values = values(decoded.data(), d);
    double min = Arrays.stream(values).min().orElseThrow();
    double max = Arrays.stream(values).max().orElseThrow();
    double mean = Arrays.stream(values).average().orElseThrow();
    assertEquals(Double.parseDouble(row.get("min")), min, 2.0, "min");
    assertEquals(Double.parseDouble(row.get("max")), max, 2.0, "max");
    assertEquals(Double.parseDouble(row.get("mean")), mean, 0.5, "mean");
    if (!row.get("mean_per_sample").isEmpty()) {
      String[] means = row.get("mean_per_sample").split(";");
      int nc = d.samplesPerPixel();
      for (int c = 0; c < nc; c++) {
        double sum = 0;
        for (int i = c; i < values.length; i += nc) {
          sum += values[i];
        }
        assertEquals(Double.parseDouble(means[c]), sum / (values.length / nc), 0.5, "mean " + c);
      }
    }
    byte[] reference = pixelReference(shared, row, byFrame);
    assertEquals(row.get("sha256"), CorpusFrames.sha256(reference), "per-pixel reference hash");
    double[] ref = values(reference, d);
    double maxDiff = 0;
    int differing = 0;
    for (int i = 0; i < ref.length; i++) {
      double diff = Math.abs(ref[i] - values[i]);
      maxDiff = Math.max(maxDiff, diff);
      differing += diff > 0 ? 1 : 0;
    }
    System.out.printf(
        "%s#%s: max |diff| %.0f, %d of %d samples differ%n",
        row.get("path"), row.get("frame"), maxDiff, differing, ref.length);
    assertTrue(maxDiff <= 2, "largest per-sample difference to the reference: " + maxDiff);
  }

  /** An uncompressed frame listed in same_as, else DCMTK's decoding of the file itself. */
  private byte[] pixelReference(
      Path shared, Map<String, String> row, Map<String, Map<String, String>> byFrame)
      throws IOException {
    for (String same : row.get("same_as").split(",")) {
      Map<String, String> other = byFrame.get(same);
      if (other != null && NATIVE.contains(other.get("transfer_syntax"))) {
        Path file = shared.resolve("testdata").resolve(other.get("path"));
        byte[] all = CorpusFrames.nativePixelData(file);
        int length = (int) CorpusFrames.descriptor(other).decodedLength();
        int index = Integer.parseInt(other.get("frame")) - 1;
        return Arrays.copyOfRange(all, index * length, (index + 1) * length);
      }
    }
    Path file = shared.resolve("testdata").resolve(row.get("path"));
    byte[] all = JpegTestFiles.dcmdjpegPixels(file, work);
    int length = (int) CorpusFrames.descriptor(row).decodedLength();
    int index = Integer.parseInt(row.get("frame")) - 1;
    return Arrays.copyOfRange(all, index * length, (index + 1) * length);
  }

  /** Returns the samples as numbers, reading containers as the descriptor says. */
  static double[] values(byte[] data, FrameDescriptor d) {
    int bps = d.bytesPerSample();
    double[] out = new double[data.length / bps];
    for (int i = 0; i < out.length; i++) {
      int v;
      if (bps == 1) {
        v = d.signed() ? data[i] : data[i] & 0xff;
      } else {
        int u = (data[2 * i] & 0xff) | (data[2 * i + 1] & 0xff) << 8;
        v = d.signed() ? (short) u : u;
      }
      out[i] = v;
    }
    return out;
  }
}
