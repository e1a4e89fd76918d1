package org.highdicom4j.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.SpecificCharacterSet;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads every DICOM file of the shared corpus ({@code ../shared/testdata}, listed by the reference
 * tables) and checks the result against pydicom, DCMTK and the malformed-file expectations of
 * {@code ../shared/reference/malformed.txt}.
 */
class DicomReaderCorpusTest {
  /**
   * True while {@link SpecificCharacterSet} is the interim version (default repertoire and UTF-8
   * only): ISO_IR 144 byte 0xB0 is CYRILLIC CAPITAL LETTER A (U+0410) in ISO 8859-5.
   */
  private static final boolean INTERIM_CHARSETS =
      !"\u0410"
          .equals(
              SpecificCharacterSet.of("ISO_IR 144").decode(new byte[] {(byte) 0xB0}, 0, 1, VR.PN));

  private static List<String> files;
  private static Map<String, String> malformed;

  @BeforeAll
  static void corpus() {
    SharedData.assumeAvailable();
    files = SharedData.dicomFiles();
    malformed = SharedData.malformed();
  }

  private static Path file(String relative) {
    return SharedData.testdata().resolve(relative);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void readsEveryCorpusFileAndRejectsMalformedOnesWithOffsetAndTag() {
    assertTrue(files.size() > 250, "corpus lists " + files.size() + " files");
    List<String> failures = new ArrayList<>();
    int read = 0;
    int rejected = 0;
    for (String f : files) {
      String expectation = malformed.get(f);
      try {
        DicomReader.read(file(f));
        read++;
        if ("reject".equals(expectation)) {
          failures.add(f + ": read, but malformed.txt says it must be rejected");
        }
      } catch (DicomStreamException e) {
        if (expectation == null) {
          failures.add(f + ": " + e.getMessage());
        } else if (e.offset() < 0 || e.tag() < 0) {
          failures.add(f + ": rejected without offset and tag: " + e.getMessage());
        } else {
          rejected++;
        }
      } catch (Throwable e) { // NOPMD - OutOfMemoryError and every other type is a failure here
        failures.add(f + ": unexpected " + e);
      }
    }
    for (String f : malformed.keySet()) {
      if (!files.contains(f)) {
        failures.add(f + ": listed in malformed.txt but not in the reference tables");
      }
    }
    System.out.printf("corpus walk: %d files read, %d malformed rejected%n", read, rejected);
    assertEquals(List.of(), failures);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void agreesWithPydicomOnEveryCorpusFile(@TempDir Path tmp) throws Exception {
    ExternalTools.assumeInstalled("pydicom", "dcmconv");
    Map<String, DicomFile> ours = new LinkedHashMap<>();
    List<Path> toDump = new ArrayList<>();
    Map<String, Path> littleEndianCopy = new LinkedHashMap<>();
    for (String f : files) {
      DicomFile df;
      try {
        df = DicomReader.read(file(f));
      } catch (DicomStreamException e) {
        continue; // malformed; covered by the corpus walk
      }
      ours.put(f, df);
      toDump.add(file(f));
      if (df.transferSyntax().bigEndian()) {
        Path copy = tmp.resolve(littleEndianCopy.size() + ".dcm");
        ExternalTools.run("dcmconv", "+te", file(f).toString(), copy.toString());
        littleEndianCopy.put(f, copy);
        toDump.add(copy);
      }
    }
    Map<String, Map<String, Object>> dumps = PydicomDump.dump(toDump);
    List<String> failures = new ArrayList<>();
    List<String> charsetPending = new ArrayList<>();
    for (Map.Entry<String, DicomFile> e : ours.entrySet()) {
      String f = e.getKey();
      Map<String, Object> rec = dumps.get(file(f).toString());
      if (rec == null || rec.containsKey("error")) {
        failures.add(f + ": pydicom failed: " + (rec == null ? "no output" : rec.get("error")));
        continue;
      }
      Path le = littleEndianCopy.get(f);
      Map<String, Object> leRec = le == null ? null : dumps.get(le.toString());
      for (String part : List.of("elements", "meta")) {
        DicomDataset ds =
            part.equals("meta")
                ? e.getValue().fileMetaInformation().dataset()
                : e.getValue().dataset();
        PydicomComparison c =
            PydicomComparison.compare(
                ds, list(rec.get(part)), leRec == null ? null : list(leRec.get(part)));
        for (String d : c.differences()) {
          failures.add(f + ": " + d);
        }
        for (String d : c.charsetDifferences()) {
          (INTERIM_CHARSETS ? charsetPending : failures).add(f + ": " + d);
        }
      }
    }
    System.out.printf(
        "pydicom cross-check: %d files compared (%d big endian against DCMTK's conversion)%n",
        ours.size(), littleEndianCopy.size());
    if (!charsetPending.isEmpty()) {
      System.out.printf(
          "pydicom cross-check: %d text differences tolerated until the full Specific Character"
              + " Set support replaces the interim one%n",
          charsetPending.size());
    }
    assertEquals(List.of(), failures);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  /**
   * A varied sample of the corpus: every uncompressed transfer syntax, deflate, encapsulated pixel
   * data, nested and UN sequences, DICOMDIRs, files without meta information and odd cases.
   */
  static final List<String> STREAM_SAMPLE =
      List.of(
          "pydicom/CT_small.dcm",
          "pydicom/MR_small.dcm",
          "pydicom/MR_small_implicit.dcm",
          "pydicom/MR_small_bigendian.dcm",
          "pydicom/MR_small_expb.dcm",
          "pydicom/MR_small_RLE.dcm",
          "pydicom/MR_small_jp2klossless.dcm",
          "pydicom/MR_truncated.dcm",
          "pydicom/ExplVR_BigEndNoMeta.dcm",
          "pydicom/ExplVR_LitEndNoMeta.dcm",
          "pydicom/image_dfl.dcm",
          "pydicom/JPEG2000.dcm",
          "pydicom/JPEG-lossy.dcm",
          "pydicom/SC_rgb_jpeg.dcm",
          "pydicom/UN_sequence.dcm",
          "pydicom/priv_SQ.dcm",
          "pydicom/no_meta_group_length.dcm",
          "pydicom/rtplan.dcm",
          "pydicom/rtstruct.dcm",
          "pydicom/waveform_ecg.dcm",
          "pydicom/dicomdirtests/DICOMDIR",
          "pydicom/dicomdirtests/DICOMDIR-bigEnd",
          "pydicom/dicomdirtests/DICOMDIR-nooffset",
          "pydicom-data/emri_small_big_endian.dcm",
          "pydicom-data/liver_deflate.dcm",
          "pydicom-data/explicit_VR-UN.dcm",
          "pydicom-data/bad_sequence.dcm",
          "pydicom-charset/chrSQEncoding.dcm",
          "highdicom/sr_document.dcm",
          "highdicom/seg_image_ct_binary.dcm");

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void readingOneByteAtATimeGivesTheSameDataSetsAsReadingThePath() throws IOException {
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (String f : STREAM_SAMPLE) {
      if (!files.contains(f)) {
        failures.add(f + ": not in the corpus (update the sample)");
        continue;
      }
      DicomFile expected = DicomReader.read(file(f));
      DicomFile actual;
      try (InputStream in = new OneByteAtATime(Files.newInputStream(file(f)))) {
        actual = DicomReader.read(in);
      }
      compared++;
      if (!expected.dataset().equals(actual.dataset())) {
        failures.add(f + ": data set differs");
      }
      if (!expected
          .fileMetaInformation()
          .dataset()
          .equals(actual.fileMetaInformation().dataset())) {
        failures.add(f + ": File Meta Information differs");
      }
      if (!expected.transferSyntax().equals(actual.transferSyntax())) {
        failures.add(f + ": transfer syntax differs: " + actual.transferSyntax());
      }
    }
    assertEquals(STREAM_SAMPLE.size(), compared + failures.size());
    assertEquals(List.of(), failures);
  }

  @Test
  void malformedFilesAreRejectedWhenReadThroughAStreamToo() throws IOException {
    for (String f : malformed.keySet()) {
      try (InputStream in =
          new BufferedInputStream(new OneByteAtATime(Files.newInputStream(file(f))))) {
        DicomReader.read(in);
        if ("reject".equals(malformed.get(f))) {
          fail(f + ": read from a stream, but malformed.txt says it must be rejected");
        }
      } catch (DicomStreamException e) {
        assertTrue(e.offset() >= 0 && e.tag() >= 0, f + ": " + e.getMessage());
      }
    }
  }

  /** A stream that returns at most one byte per read, as slow sockets and pipes may. */
  static final class OneByteAtATime extends FilterInputStream {
    OneByteAtATime(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return len == 0 ? 0 : super.read(b, off, 1);
    }

    @Override
    public long skip(long n) throws IOException {
      return super.skip(Math.min(n, 1));
    }
  }
}
