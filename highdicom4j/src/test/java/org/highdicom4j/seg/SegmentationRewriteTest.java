package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.highdicom4j.ImageReadOptions;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A segmentation read from a file and written again keeps every pixel byte: reading holds native
 * BINARY Pixel Data without its all-zero blocks ({@link SparseBulkData}), and the writer must see
 * the full value. The expectation is the Pixel Data of the original file, read with plain {@link
 * DicomReader} defaults.
 */
class SegmentationRewriteTest {
  @TempDir Path dir;

  static Stream<String> files() {
    return Stream.of(
        "highdicom/seg_image_ct_binary.dcm",
        "highdicom/seg_image_ct_binary_overlap.dcm",
        "highdicom/seg_image_ct_binary_fractional.dcm",
        "highdicom/seg_image_sm_numbers.dcm",
        "pydicom-data/liver.dcm",
        "pydicom-data/liver_nonbyte_aligned.dcm",
        "pydicom-data/liver_expb.dcm",
        "pydicom-data/liver_deflate.dcm",
        "pydicom-data/liver_rle.dcm",
        "dcmqi-segmentations/liver.dcm");
  }

  @ParameterizedTest
  @MethodSource("files")
  void writingAReadSegmentationKeepsEveryPixelByte(String name) throws Exception {
    Path shared = SegTestData.shared();
    SegTestData.require(shared != null, "../shared/testdata");
    Path file = shared.resolve("testdata").resolve(name);
    SegTestData.require(Files.isRegularFile(file), name);
    DicomFile original = DicomReader.read(file);
    byte[] expected = pixelBytes(original.dataset());

    for (ImageReadOptions options : List.of(ImageReadOptions.DEFAULT, ImageReadOptions.LAZY)) {
      Segmentation seg = Segmentation.read(file, options);
      Path out = dir.resolve("rewritten.dcm");
      seg.write(out);
      DicomDataset back = DicomReader.read(out).dataset();
      assertArrayEquals(expected, pixelBytes(back), name + " " + options);
      assertEquals(
          original.dataset().getInt(Tag.NumberOfFrames, 1),
          back.getInt(Tag.NumberOfFrames, 1),
          name);
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void readingBytesOrAStreamGivesTheSamePixelsAsReadingTheFile(String name) throws Exception {
    Path shared = SegTestData.shared();
    SegTestData.require(shared != null, "../shared/testdata");
    Path file = shared.resolve("testdata").resolve(name);
    SegTestData.require(Files.isRegularFile(file), name);
    Segmentation fromFile = Segmentation.read(file);
    byte[] bytes = Files.readAllBytes(file);
    Segmentation fromBytes = Segmentation.read(bytes);
    Segmentation fromStream;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      fromStream = Segmentation.read(in);
    }
    String source = fromFile.getSourceImageUids().get(0).sopInstanceUid();
    for (Segmentation other : List.of(fromBytes, fromStream)) {
      assertArrayEquals(fromFile.segmentNumbers(), other.segmentNumbers(), name);
      assertEquals(fromFile.numberOfFrames(), other.numberOfFrames(), name);
      assertArrayEquals(pixelBytes(fromFile.dataset()), pixelBytes(other.dataset()), name);
      if (!"TILED_FULL".equals(fromFile.dataset().getString(Tag.DimensionOrganizationType))) {
        assertEquals(
            fromFile.getPixelsBySourceInstance(List.of(source)),
            other.getPixelsBySourceInstance(List.of(source)),
            name);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void valuesLeftInTheFileDuringParsingAreReadIntoMemoryAfterwards(String name) throws Exception {
    Path shared = SegTestData.shared();
    SegTestData.require(shared != null, "../shared/testdata");
    Path file = shared.resolve("testdata").resolve(name);
    SegTestData.require(Files.isRegularFile(file), name);
    byte[] expected = pixelBytes(DicomReader.read(file).dataset());
    // Threshold 0: every value, fragments included, is first left in the file.
    Segmentation seg = Segmentation.read(file, ImageReadOptions.DEFAULT, 0, 0.5);
    assertArrayEquals(expected, pixelBytes(seg.dataset()), name);
    Fragments fragments = seg.dataset().getFragments(Tag.PixelData);
    for (int i = 0; fragments != null && i < fragments.size(); i++) {
      assertEquals(null, fragments.itemRef(i), name + " fragment " + i + " is in memory");
    }
  }

  /** The Pixel Data value, or its fragments one after the other when encapsulated. */
  static byte[] pixelBytes(DicomDataset ds) throws IOException {
    Fragments fragments = ds.getFragments(Tag.PixelData);
    if (fragments == null) {
      return ds.getBytes(Tag.PixelData);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < fragments.size(); i++) {
      all.write(fragments.item(i));
    }
    return all.toByteArray();
  }
}
