package org.highdicom4j.codec.jpeg2000;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Decodes every JPEG 2000 (.90, .91) frame of the shared corpus and compares it with the reference
 * decodings of {@code reference/pixels.tsv} (OpenJPEG 2.5.0 through pydicom/GDCM): exact rows by
 * SHA-256, irreversible (9-7) rows within the README tolerance and per pixel against the
 * uncompressed copies listed in {@code same_as}. Frames are taken from the files with our reader
 * ({@link CorpusFrames}).
 */
class Jpeg2000CorpusTest {

  private static final String LOSSLESS = Jpeg2000Codec.JPEG_2000_LOSSLESS;
  private static final String LOSSY = Jpeg2000Codec.JPEG_2000;
  private final Jpeg2000Codec codec = new Jpeg2000Codec();
  private final Map<String, List<byte[]>> frames = new ConcurrentHashMap<>();

  private static List<Map<String, String>> referenceRows() throws Exception {
    return CorpusFrames.referenceRows(CorpusFrames.requireShared()).stream()
        .filter(r -> List.of(LOSSLESS, LOSSY).contains(r.get("transfer_syntax")))
        .toList();
  }

  @TestFactory
  List<DynamicTest> decodesEveryReferenceFrame() throws Exception {
    List<Map<String, String>> rows = referenceRows();
    List<DynamicTest> tests = new ArrayList<>();
    for (Map<String, String> row : rows) {
      if (!"ok".equals(row.get("status"))) {
        continue;
      }
      tests.add(
          DynamicTest.dynamicTest(row.get("path") + "#" + row.get("frame"), () -> check(row)));
    }
    assertTrue(tests.size() >= 27, "reference rows found: " + tests.size());
    return tests;
  }

  private void check(Map<String, String> row) throws Exception {
    FrameDescriptor d = CorpusFrames.descriptor(row);
    int frame = Integer.parseInt(row.get("frame"));
    byte[] encoded = framesOf(row.get("path")).get(frame - 1);
    DecodedFrame decoded = codec.decode(row.get("transfer_syntax"), encoded, d);
    assertEquals(d.decodedLength(), decoded.data().length);
    assertEquals(row.get("photometric_output"), decoded.photometricInterpretation());
    if ("exact".equals(row.get("compare"))) {
      assertEquals(row.get("sha256"), CorpusFrames.sha256(decoded.data()));
      return;
    }
    long[] values = values(decoded.data(), d);
    long min = Arrays.stream(values).min().orElseThrow();
    long max = Arrays.stream(values).max().orElseThrow();
    double mean = Arrays.stream(values).average().orElseThrow();
    assertEquals(Double.parseDouble(row.get("min")), min, 2.0, "min");
    assertEquals(Double.parseDouble(row.get("max")), max, 2.0, "max");
    assertEquals(Double.parseDouble(row.get("mean")), mean, 0.5, "mean");
    if (d.samplesPerPixel() > 1) {
      String[] expected = row.get("mean_per_sample").split(";");
      for (int c = 0; c < d.samplesPerPixel(); c++) {
        double sum = 0;
        for (int i = c; i < values.length; i += d.samplesPerPixel()) {
          sum += values[i];
        }
        assertEquals(
            Double.parseDouble(expected[c]), sum / d.pixelCount(), 0.5, "mean of sample " + c);
      }
    }
    String native1 = nativeCopy(row.get("same_as"));
    if (native1 != null) {
      byte[] nativeValue =
          CorpusFrames.nativePixelData(
              CorpusFrames.corpusFile(native1.substring(0, native1.indexOf('#'))));
      byte[] reference =
          Arrays.copyOfRange(
              nativeValue, (int) d.decodedLength() * (frame - 1), (int) d.decodedLength() * frame);
      long[] expected = values(reference, d);
      long worst = 0;
      for (int i = 0; i < values.length; i++) {
        worst = Math.max(worst, Math.abs(values[i] - expected[i]));
      }
      assertTrue(worst <= 2, "largest per-sample difference to " + native1 + ": " + worst);
    }
  }

  @Test
  void rejectsCorruptSizOfEmbeddedSequenceDelimiterFile() throws Exception {
    // SIZ claims a width of 3722445056 where Columns is 256: must fail before allocating.
    byte[] encoded = framesOf("pydicom/JPEG2000-embedded-sequence-delimiter.dcm").get(0);
    FrameDescriptor d = new FrameDescriptor(1024, 256, 1, 16, 16, true, 0, "MONOCHROME2");
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> codec.decode(LOSSY, encoded, d));
    assertTrue(e.getMessage().contains("3722445056"), e.getMessage());
  }

  @Test
  void tooShortFileHoldsCompleteCodestreamsButNoSequenceDelimiter() throws Exception {
    // The file lacks only the Sequence Delimitation Item (FFFE,E0DD): the DICOM reader rejects
    // it, and the error belongs there. Its ten fragments are complete codestreams, identical to
    // those of the intact file; cutting one short (beyond its EOC marker) must raise.
    Path tooShort =
        CorpusFrames.corpusFile("pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm");
    assertThrows(DicomStreamException.class, () -> CorpusFrames.read(tooShort));
    byte[] file = Files.readAllBytes(tooShort);
    byte[] delimiter = {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0};
    byte[] tail = Arrays.copyOfRange(file, file.length - delimiter.length, file.length);
    assertFalse(Arrays.equals(delimiter, tail));
    Fragments intact =
        CorpusFrames.fragments(
            CorpusFrames.corpusFile("pydicom-data/emri_small_jpeg_2k_lossless.dcm"));
    byte[] last = intact.item(intact.size() - 1);
    byte[] fileTail = Arrays.copyOfRange(file, file.length - last.length, file.length);
    assertArrayEquals(last, fileTail);
    FrameDescriptor d = new FrameDescriptor(64, 64, 1, 16, 12, false, 0, "MONOCHROME2");
    for (int cut = 3; cut < last.length - 2; cut += 97) {
      byte[] shortened = Arrays.copyOf(last, last.length - cut);
      assertThrows(
          DicomStreamException.class, () -> codec.decode(LOSSLESS, shortened, d), "cut " + cut);
    }
  }

  private List<byte[]> framesOf(String path) throws Exception {
    List<byte[]> cached = frames.get(path);
    if (cached == null) {
      cached = CorpusFrames.encodedFrames(CorpusFrames.corpusFile(path));
      frames.put(path, cached);
    }
    return cached;
  }

  /** The first uncompressed copy in same_as (named *_UNC*.dcm in this corpus), or null. */
  private static String nativeCopy(String sameAs) {
    if (sameAs == null || sameAs.isEmpty()) {
      return null;
    }
    for (String s : sameAs.split(",")) {
      if (s.contains("_UNC")) {
        return s;
      }
    }
    return null;
  }

  /** The stored values of a frame in the decoded layout, sign-extended from BitsStored. */
  private static long[] values(byte[] data, FrameDescriptor d) {
    int n = d.pixelCount() * d.samplesPerPixel();
    long[] v = new long[n];
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    long mask = (1L << d.bitsStored()) - 1;
    for (int i = 0; i < n; i++) {
      long x = d.bytesPerSample() == 1 ? b.get(i) & 0xFF : b.getShort(2 * i) & 0xFFFF;
      x &= mask;
      if (d.signed() && (x >> (d.bitsStored() - 1)) != 0) {
        x |= ~mask;
      }
      v[i] = x;
    }
    return v;
  }
}
