package org.highdicom4j.dicom.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.testing.Mutator;
import org.highdicom4j.dicom.testing.Mutator.Mutant;
import org.highdicom4j.dicom.testing.RobustnessProbe;
import org.highdicom4j.dicom.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Robustness of {@link DicomReader} against malformed input: seeded mutants of corpus files
 * (truncations, overwritten length fields, flipped and random header bytes, changed VRs, corrupted
 * item tags, removed delimiters, inserted and deleted bytes) and synthesized deep nesting are
 * either read or rejected with {@link DicomStreamException}, within bounded allocation; data sets
 * that are read give only the exceptions {@link DicomDataset}'s accessors document, and can be
 * written and read again. Reading from a byte array, a file and a stream that returns one byte per
 * read gives the same result.
 */
class DicomReaderMutationTest {
  private static final long SEED = 0x5EED_D1C0_2024L;

  /** A watchdog against hangs, per file: generous, the cases take milliseconds. */
  private static final Duration BATCH_LIMIT = Duration.ofSeconds(20);

  /** Every encoding and structure the reader handles, in small files. */
  private static final List<String> FILES =
      List.of(
          // Implicit VR little endian
          "pydicom/rtdose_1frame.dcm",
          "pydicom/MR_small_implicit.dcm",
          "highdicom/seg_image_ct_binary.dcm",
          "pydicom/rtplan.dcm",
          "pydicom/priv_SQ.dcm",
          "pydicom/dicomdirtests/DICOMDIR-implicit",
          "pydicom/no_meta_group_length.dcm",
          "pydicom/empty_charset_LEI.dcm",
          // Explicit VR little endian, with and without File Meta Information
          "pydicom/SC_rgb_small_odd.dcm",
          "pydicom-charset/chrH31.dcm",
          "pydicom-charset/chrSQEncoding.dcm",
          "pydicom/dicomdirtests/DICOMDIR",
          "pydicom/MR_small.dcm",
          "pydicom/CT_small.dcm",
          "highdicom/sr_document.dcm",
          "highdicom/sm_annotations.dcm",
          "pydicom/test-SR.dcm",
          "pydicom/reportsi_with_empty_number_tags.dcm",
          "pydicom-palettes/pet.dcm",
          "dcmqi-segmentations/sparse-labelmap-noppv.dcm",
          "pydicom-data/parametric_map_float.dcm",
          "highdicom/seg_image_sm_dots_tiled_full.dcm",
          "pydicom/no_meta.dcm",
          "pydicom/meta_missing_tsyntax.dcm",
          "pydicom/ExplVR_LitEndNoMeta.dcm",
          "pydicom/MR_truncated.dcm",
          "dcmqi-sr-example/rwvm.dcm",
          // Deflated
          "pydicom/image_dfl.dcm",
          "pydicom-data/liver_deflate.dcm",
          // Explicit VR big endian
          "pydicom/MR_small_bigendian.dcm",
          "pydicom/ExplVR_BigEnd.dcm",
          "pydicom/ExplVR_BigEndNoMeta.dcm",
          "pydicom/dicomdirtests/DICOMDIR-bigEnd",
          "pydicom/rtdose_expb_1frame.dcm",
          // Encapsulated: RLE, JPEG, JPEG-LS, JPEG 2000
          "pydicom/SC_rgb_rle_2frame.dcm",
          "pydicom/rtdose_rle_1frame.dcm",
          "pydicom/SC_rgb_small_odd_jpeg.dcm",
          "pydicom/JPEG-lossy.dcm",
          "pydicom/UN_sequence.dcm",
          "pydicom/JPEGLSNearLossless_08.dcm",
          "pydicom/MR_small_jpeg_ls_lossless.dcm",
          "pydicom/JPEG2000-embedded-sequence-delimiter.dcm",
          "pydicom-data/liver_j2k.dcm",
          "pydicom/693_J2KI.dcm",
          // Larger: UN sequences, a malformed sequence, a waveform, a cut codestream
          "pydicom-data/explicit_VR-UN.dcm",
          "pydicom-data/bad_sequence.dcm",
          "pydicom/waveform_ecg.dcm",
          "pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm");

  /** Small files cut at every header boundary. */
  private static final List<String> BOUNDARY_FILES =
      List.of(
          "pydicom/rtplan.dcm",
          "pydicom-charset/chrSQEncoding.dcm",
          "pydicom/ExplVR_BigEnd.dcm",
          "pydicom/SC_rgb_rle_2frame.dcm",
          "highdicom/sr_document.dcm");

  /**
   * The exceptions each accessor of {@link DicomDataset} documents for bad values (besides {@link
   * UncheckedIOException} for bulk data that cannot be read).
   */
  private static final Map<String, Set<Class<? extends Exception>>> DOCUMENTED =
      Map.ofEntries(
          Map.entry("getBytes", Set.of(IllegalStateException.class)),
          Map.entry("getText", Set.of(IllegalStateException.class)),
          Map.entry("getStrings", Set.of(IllegalStateException.class)),
          Map.entry("getInts", Set.of(IllegalStateException.class, NumberFormatException.class)),
          Map.entry("getLongs", Set.of(IllegalStateException.class, NumberFormatException.class)),
          Map.entry("getDoubles", Set.of(IllegalStateException.class, NumberFormatException.class)),
          Map.entry("getFloats", Set.of(IllegalStateException.class, NumberFormatException.class)),
          Map.entry("getDate", Set.of(IllegalArgumentException.class)),
          Map.entry("getTime", Set.of(IllegalArgumentException.class)),
          Map.entry("getDateTime", Set.of(IllegalArgumentException.class)),
          Map.entry("getPersonName", Set.of(IllegalArgumentException.class)),
          Map.entry("getSequence", Set.of(IllegalStateException.class)),
          Map.entry("basicOffsetTable", Set.of(DicomStreamException.class)),
          Map.entry("fragment", Set.of(IOException.class)),
          Map.entry("write", Set.of(IllegalArgumentException.class)));

  private static final List<Class<? extends Throwable>> REJECTIONS =
      List.of(DicomStreamException.class);

  /** The reader logs a warning per tolerated defect: thousands here, so they are silenced. */
  private static final java.util.logging.Logger LOGS =
      java.util.logging.Logger.getLogger("org.highdicom4j");

  private static java.util.logging.Level logLevel;

  @TempDir Path tmp;

  private FileChannel channel;

  @BeforeAll
  static void silenceWarnings() {
    logLevel = LOGS.getLevel();
    LOGS.setLevel(java.util.logging.Level.OFF);
  }

  @AfterAll
  static void restoreWarnings() {
    LOGS.setLevel(logLevel);
  }

  /** The transfer syntax of a corpus file; for the one file that is rejected, the default. */
  private static TransferSyntax syntaxOf(byte[] original) {
    try {
      return DicomReader.read(original).transferSyntax();
    } catch (IOException e) {
      return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }
  }

  private static byte[] corpus(String path) throws IOException {
    return Files.readAllBytes(SharedData.testdata().resolve(path));
  }

  @Test
  void seededMutantsOfCorpusFilesAreReadOrRejectedWithDicomStreamException() throws IOException {
    SharedData.assumeAvailable();
    RobustnessProbe probe = new RobustnessProbe("DicomReader mutants", REJECTIONS);
    Path file = tmp.resolve("mutant.dcm");
    int index = 0;
    for (String name : FILES) {
      byte[] original = corpus(name);
      TransferSyntax ts = syntaxOf(original);
      List<Mutator.Header> headers =
          Mutator.scan(original, ts.explicitVr(), ts.bigEndian(), ts.deflated());
      Mutator mutator = new Mutator(original, headers, SEED ^ name.hashCode());
      int count = original.length < 20_000 ? 130 : original.length < 100_000 ? 70 : 30;
      List<Mutant> mutants = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        mutants.add(mutator.next());
      }
      int first = index;
      assertTimeoutPreemptively(
          BATCH_LIMIT,
          () -> {
            int k = first;
            for (Mutant m : mutants) {
              check(probe, name + ": " + m.description(), m.bytes(), file, k++);
            }
          },
          () -> "hangs: " + probe.current());
      index += mutants.size();
    }
    probe.count(index + " mutants of " + FILES.size() + " files");
    probe.assertNoFailures();
    assertTrue(index >= 3000, "expected thousands of mutants: " + index);
  }

  @Test
  void truncationAtEveryHeaderIsReadOrRejectedWithDicomStreamException() throws IOException {
    SharedData.assumeAvailable();
    RobustnessProbe probe = new RobustnessProbe("DicomReader truncations at headers", REJECTIONS);
    Path file = tmp.resolve("cut.dcm");
    for (String name : BOUNDARY_FILES) {
      byte[] original = corpus(name);
      TransferSyntax ts = syntaxOf(original);
      Mutator mutator =
          new Mutator(
              original, Mutator.scan(original, ts.explicitVr(), ts.bigEndian(), false), SEED);
      List<Mutant> cuts = mutator.truncationsAtBoundaries();
      assertTrue(cuts.size() > 30, name + " has headers: " + cuts.size());
      assertTimeoutPreemptively(
          BATCH_LIMIT,
          () -> {
            int k = 0;
            for (Mutant m : cuts) {
              check(probe, name + ": " + m.description(), m.bytes(), file, k++);
            }
          },
          () -> "hangs: " + probe.current());
    }
    probe.assertNoFailures();
  }

  @Test
  void tenThousandNestedSequencesAreRejectedWithoutStackOverflow() {
    RobustnessProbe probe = new RobustnessProbe("DicomReader deep nesting", REJECTIONS);
    int depth = 10_000;
    int referencedSeries = 0x00081115; // a standard SQ element
    int privateSequence = 0x00091010; // private, read as UN of undefined length
    List<Mutant> cases =
        List.of(
            new Mutant(
                "explicit, closed", Mutator.nestedSequences(depth, true, true, referencedSeries)),
            new Mutant(
                "explicit, unclosed",
                Mutator.nestedSequences(depth, true, false, referencedSeries)),
            new Mutant(
                "implicit, closed", Mutator.nestedSequences(depth, false, true, referencedSeries)),
            new Mutant(
                "implicit private (UN), closed",
                Mutator.nestedSequences(depth, false, true, privateSequence)),
            new Mutant(
                "implicit, defined lengths",
                Mutator.nestedDefinedLengthSequences(depth, referencedSeries)));
    ReadOptions unlimited = new ReadOptions(false, Long.MAX_VALUE, Integer.MAX_VALUE);
    assertTimeoutPreemptively(
        BATCH_LIMIT,
        () -> {
          for (Mutant m : cases) {
            byte[] b = m.bytes();
            // The default limit (64 levels) rejects them.
            assertThrows(DicomStreamException.class, () -> DicomReader.read(b), m.description());
            assertThrows(
                DicomStreamException.class,
                () -> DicomReader.read(oneByteAtATime(b)),
                m.description());
            // Without a limit they must still end in a documented way, never a StackOverflowError.
            probe.run(
                m.description() + ", no depth limit",
                b.length,
                () -> DicomReader.read(b, unlimited));
          }
        });
    probe.assertNoFailures();
  }

  @Test
  void oneByteAtATimeStreamGivesWhatTheByteArrayGives() throws IOException {
    SharedData.assumeAvailable();
    RobustnessProbe probe = new RobustnessProbe("DicomReader one-byte stream", REJECTIONS);
    for (String name : FILES) {
      byte[] original = corpus(name);
      DicomFile[] expected = new DicomFile[1];
      boolean ok = probe.run(name, original.length, () -> expected[0] = DicomReader.read(original));
      DicomFile[] streamed = new DicomFile[1];
      boolean okStream =
          probe.run(
              name + " [one-byte stream]",
              original.length,
              () -> streamed[0] = DicomReader.read(oneByteAtATime(original)));
      agree(probe, name + " [one-byte stream]", ok, expected[0], okStream, streamed[0]);
    }
    probe.assertNoFailures();
  }

  /**
   * Replaces the content of the file that the path reads use: rewriting one open file is two orders
   * of magnitude faster than {@link Files#write} on some file systems.
   */
  private void store(Path file, byte[] bytes) throws IOException {
    if (channel == null) {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer, buffer.position());
    }
    channel.truncate(bytes.length);
  }

  @AfterEach
  void closeFile() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  /**
   * Reads one mutant from bytes, from a file (also with bulk data left in the file) and, for a
   * subset, from a one-byte-at-a-time stream; the three must agree.
   */
  private void check(RobustnessProbe probe, String description, byte[] mutant, Path file, int k)
      throws IOException {
    DicomFile[] fromBytes = new DicomFile[1];
    boolean ok =
        probe.run(
            description + " [bytes]",
            mutant.length,
            () -> {
              fromBytes[0] = DicomReader.read(mutant);
              exercise(probe, description, fromBytes[0]);
              return null;
            });
    store(file, mutant);
    DicomFile[] fromPath = new DicomFile[1];
    boolean okPath =
        probe.run(
            description + " [path]",
            mutant.length,
            () -> {
              fromPath[0] = DicomReader.read(file);
              return null;
            });
    agree(probe, description + " [path]", ok, fromBytes[0], okPath, fromPath[0]);
    if (k % 4 == 0 && mutant.length < 100_000) {
      DicomFile[] fromStream = new DicomFile[1];
      boolean okStream =
          probe.run(
              description + " [one-byte stream]",
              mutant.length,
              () -> {
                fromStream[0] = DicomReader.read(oneByteAtATime(mutant));
                return null;
              });
      agree(probe, description + " [one-byte stream]", ok, fromBytes[0], okStream, fromStream[0]);
    }
    if (k % 2 == 0) {
      ReadOptions bulk = ReadOptions.DEFAULT.withBulkDataThreshold(256);
      DicomFile[] lazy = new DicomFile[1];
      probe.run(
          description + " [path, bulk data]",
          mutant.length,
          () -> {
            lazy[0] = DicomReader.read(file, bulk);
            exercise(probe, description + " [path, bulk data]", lazy[0]);
            return null;
          });
    }
  }

  private static void agree(
      RobustnessProbe probe,
      String description,
      boolean okA,
      DicomFile a,
      boolean okB,
      DicomFile b) {
    if (okA != okB) {
      probe.failure(
          description,
          "read "
              + (okB ? "succeeded" : "failed")
              + " where bytes "
              + (okA ? "succeeded" : "failed"),
          "outcome differs " + description.substring(description.lastIndexOf('[')));
      return;
    }
    if (okA
        && !(a.transferSyntax().equals(b.transferSyntax())
            && a.fileMetaInformation().dataset().equals(b.fileMetaInformation().dataset())
            && a.dataset().equals(b.dataset()))) {
      probe.failure(
          description,
          "read differs from bytes",
          "result differs " + description.substring(description.lastIndexOf('[')));
    }
  }

  /**
   * Calls every accessor that fits each element's VR, recursively, then writes the data set and
   * reads it back: accessors may throw only what they document, and what was written must be
   * readable.
   */
  private static void exercise(RobustnessProbe probe, String description, DicomFile file) {
    DicomDataset ds = file.dataset();
    walk(probe, description, ds);
    walk(probe, description, file.fileMetaInformation().dataset());
    // Written with File Meta Information, so that reading back need not guess the encoding.
    TransferSyntax ts = file.transferSyntax();
    TransferSyntax written =
        ds.getFragments(0x7FE00010) != null
            ? TransferSyntax.of("1.2.840.10008.1.2.5")
            : ts.bigEndian()
                ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN
                : ts.explicitVr()
                    ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                    : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    FileMetaInformation meta =
        FileMetaInformation.create("1.2.840.10008.5.1.4.1.1.7", "2.25.1", written.uid());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean wrote =
        call(
            probe,
            description,
            "write",
            () -> {
              DicomWriter.write(out, ds, meta, new WriteOptions(written, false, true, 6));
              return null;
            });
    if (wrote) {
      // The writer drops group lengths and pads odd values, so the elements are compared by tag.
      try {
        DicomDataset again = DicomReader.read(out.toByteArray()).dataset();
        List<Integer> expectedTags = new ArrayList<>();
        for (int tag : ds.tags()) {
          if ((tag & 0xFFFF) != 0 && tag >>> 16 != 0x0002) {
            expectedTags.add(tag);
          }
        }
        List<Integer> tags = new ArrayList<>();
        for (int tag : again.tags()) {
          tags.add(tag);
        }
        probe.count("read back");
        if (!tags.equals(expectedTags)) {
          probe.failure(
              description,
              "written data set reads back with other elements: " + tags + " vs " + expectedTags,
              "round trip");
        }
      } catch (IOException | RuntimeException e) {
        probe.failure(description + " [read what was written]", e);
      }
    }
  }

  private static void walk(RobustnessProbe probe, String description, DicomDataset ds) {
    ds.hashCode();
    for (int i = 0; i < ds.size(); i++) {
      int tag = ds.tagAt(i);
      VR vr = ds.vrAt(i);
      Object value = ds.valueAt(i);
      ds.hasValue(tag);
      if (value instanceof Sequence) {
        call(probe, description, "getSequence", () -> ds.getSequence(tag));
        for (DicomDataset item : (Sequence) value) {
          walk(probe, description, item);
        }
        continue;
      }
      if (value instanceof Fragments) {
        Fragments f = (Fragments) value;
        call(probe, description, "basicOffsetTable", f::basicOffsetTable);
        for (int k = 0; k < f.size(); k++) {
          int index = k;
          call(probe, description, "fragment", () -> f.item(index));
        }
        continue;
      }
      call(probe, description, "getBytes", () -> ds.getBytes(tag));
      if (vr.isText()) {
        call(probe, description, "getText", () -> ds.getText(tag));
      }
      call(probe, description, "getStrings", () -> ds.getStrings(tag));
      switch (vr) {
        case DA:
          call(probe, description, "getDate", () -> ds.getDate(tag));
          break;
        case TM:
          call(probe, description, "getTime", () -> ds.getTime(tag));
          break;
        case DT:
          call(probe, description, "getDateTime", () -> ds.getDateTime(tag));
          break;
        case PN:
          call(probe, description, "getPersonName", () -> ds.getPersonName(tag));
          break;
        case IS:
        case DS:
        case US:
        case SS:
        case UL:
        case SL:
        case UV:
        case SV:
        case FL:
        case FD:
        case AT:
        case OW:
        case OL:
        case OV:
        case OF:
        case OD:
          if (vr != VR.FL && vr != VR.FD && vr != VR.OF && vr != VR.OD) {
            call(probe, description, "getInts", () -> ds.getInts(tag));
            call(probe, description, "getLongs", () -> ds.getLongs(tag));
          }
          call(probe, description, "getDoubles", () -> ds.getDoubles(tag));
          call(probe, description, "getFloats", () -> ds.getFloats(tag));
          break;
        default:
          break;
      }
    }
  }

  /**
   * Runs one accessor; an exception it does not document (or {@link UncheckedIOException} for bulk
   * data) is recorded as a failure.
   *
   * @return true when it returned normally
   */
  private static boolean call(
      RobustnessProbe probe, String description, String accessor, Callable<?> body) {
    try {
      body.call();
      probe.count(accessor);
      return true;
    } catch (UncheckedIOException e) {
      probe.count(accessor + " " + e.getClass().getSimpleName());
      return false;
    } catch (Exception e) {
      for (Class<? extends Exception> c : DOCUMENTED.getOrDefault(accessor, Set.of())) {
        if (c.isInstance(e)) {
          probe.count(accessor + " " + e.getClass().getSimpleName());
          return false;
        }
      }
      probe.failure(description + " [" + accessor + "]", e);
      return false;
    }
  }

  /** A stream that returns one byte per read, as a slow network stream may. */
  private static InputStream oneByteAtATime(byte[] b) {
    return new DicomReaderCorpusTest.OneByteAtATime(new java.io.ByteArrayInputStream(b));
  }
}
