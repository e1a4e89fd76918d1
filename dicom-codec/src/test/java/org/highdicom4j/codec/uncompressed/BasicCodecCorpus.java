package org.highdicom4j.codec.uncompressed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.dict.Tag;
import org.junit.jupiter.api.DynamicTest;

/**
 * Typed access to the reference decodings ({@code ../shared/reference/pixels.tsv}) of the corpus
 * for the RLE, deflate and native pixel data corpus tests; files are read with {@link
 * CorpusFrames}.
 */
public final class BasicCodecCorpus {

  private BasicCodecCorpus() {}

  /** One row of pixels.tsv. */
  public record Row(
      String path,
      String transferSyntax,
      int frame,
      int rows,
      int columns,
      int samples,
      int bitsAllocated,
      int bitsStored,
      boolean signed,
      String photometricStored,
      String photometricOutput,
      String dtype,
      String sha256,
      String compare,
      String status) {

    /** Returns the descriptor of the row's frames with the given Planar Configuration. */
    public FrameDescriptor descriptor(int planarConfiguration) {
      return new FrameDescriptor(
          rows,
          columns,
          samples,
          bitsAllocated,
          bitsStored,
          signed,
          planarConfiguration,
          photometricStored);
    }
  }

  /**
   * The fragments of an encapsulated corpus file holding one fragment per frame, and the frames'
   * description.
   *
   * @param descriptor the description of the rows' frames, with the file's Planar Configuration
   * @param fragments the fragment of each row, in the rows' order
   */
  public record FrameFragments(FrameDescriptor descriptor, List<byte[]> fragments) {}

  /**
   * Returns {@code shared/}, or skips the calling test with one visible line (fails when the
   * environment variable CI is set) when it is missing.
   */
  public static Path sharedOrSkip() {
    return CorpusFrames.requireShared();
  }

  /** Returns the rows of pixels.tsv that match. */
  public static List<Row> rows(Path shared, Predicate<Row> filter) {
    List<Row> out = new ArrayList<>();
    for (Map<String, String> m : CorpusFrames.referenceRows(shared)) {
      if (m.get("frame").isEmpty() || m.get("bits_stored").isEmpty()) {
        continue; // undecodable files and float pixel data
      }
      Row r =
          new Row(
              m.get("path"),
              m.get("transfer_syntax"),
              Integer.parseInt(m.get("frame")),
              Integer.parseInt(m.get("rows")),
              Integer.parseInt(m.get("columns")),
              Integer.parseInt(m.get("samples_per_pixel")),
              Integer.parseInt(m.get("bits_allocated")),
              Integer.parseInt(m.get("bits_stored")),
              "1".equals(m.get("pixel_representation")),
              m.get("photometric_stored"),
              m.get("photometric_output"),
              m.get("dtype"),
              m.get("sha256"),
              m.get("compare"),
              m.get("status"));
      if (filter.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** A check of every reference row of one corpus file. */
  @FunctionalInterface
  public interface FileCheck {
    /**
     * Checks one file.
     *
     * @param file the corpus file
     * @param rows its reference rows, one per frame
     */
    void check(Path file, List<Row> rows) throws Exception;
  }

  /**
   * Returns one dynamic test per corpus file whose reference rows match, named by the file and its
   * frame count; fails unless more than {@code minimumFiles - 1} files match.
   */
  public static Stream<DynamicTest> testsPerFile(
      Predicate<Row> filter, int minimumFiles, FileCheck check) {
    Path shared = sharedOrSkip();
    Map<String, List<Row>> files = byFile(rows(shared, filter));
    assertTrue(files.size() >= minimumFiles, "matching files in pixels.tsv: " + files.size());
    List<DynamicTest> tests = new ArrayList<>();
    files.forEach(
        (path, rows) ->
            tests.add(
                DynamicTest.dynamicTest(
                    path + " (" + rows.size() + " frames)",
                    () -> check.check(shared.resolve("testdata").resolve(path), rows))));
    return tests.stream();
  }

  /** Groups rows by file, keeping the table's order. */
  public static Map<String, List<Row>> byFile(List<Row> rows) {
    Map<String, List<Row>> m = new LinkedHashMap<>();
    for (Row r : rows) {
      m.computeIfAbsent(r.path(), k -> new ArrayList<>()).add(r);
    }
    return m;
  }

  /**
   * Reads an encapsulated corpus file with our reader and returns the fragment of each row's frame;
   * fails unless the file holds exactly one fragment per frame.
   */
  public static FrameFragments oneFragmentPerFrame(Path file, List<Row> rows) throws IOException {
    DicomDataset ds = CorpusFrames.read(file).dataset();
    Fragments fragments = ds.getFragments(Tag.PixelData);
    assertNotNull(fragments, "encapsulated Pixel Data of " + file);
    assertEquals(rows.size(), fragments.fragmentCount(), "fragments of " + file);
    List<byte[]> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(fragments.item(r.frame())); // item 0 is the Basic Offset Table
    }
    return new FrameFragments(rows.get(0).descriptor(ds.getInt(Tag.PlanarConfiguration, 0)), out);
  }

  /** Swaps the bytes of each 16-bit word, in a copy. */
  public static byte[] swapWords(byte[] b) {
    byte[] out = b.clone();
    for (int i = 0; i + 1 < out.length; i += 2) {
      out[i] = b[i + 1];
      out[i + 1] = b[i];
    }
    return out;
  }
}
