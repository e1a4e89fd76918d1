package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.BulkDataSource;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SegmentationUtils#iterSegments}: frames grouped by segment, checked against the reference
 * decodings of ../shared/reference/pixels.tsv (SHA-256 of each frame's 0/1 or fractional values,
 * decoded by pydicom and other tools) and against each frame's own Referenced Segment Number.
 */
class SegmentationUtilsTest {
  /** path#frame → sha256 of the frame's stored values. */
  private static Map<String, String> referenceHashes() throws IOException {
    Path shared = SegTestData.shared();
    Path tsv = shared == null ? null : shared.resolve("reference/pixels.tsv");
    SegTestData.require(tsv != null && Files.isRegularFile(tsv), "../shared/reference/pixels.tsv");
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int path = header.indexOf("path");
    int frame = header.indexOf("frame");
    int sha = header.indexOf("sha256");
    Map<String, String> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      out.put(c[path] + "#" + c[frame], c[sha]);
    }
    return out;
  }

  private static String sha256(NdArray frame) {
    byte[] bytes = new byte[frame.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) frame.getFlatLong(i);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "highdicom/seg_image_ct_binary.dcm",
        "highdicom/seg_image_ct_binary_fractional.dcm",
        "highdicom/seg_image_ct_binary_overlap.dcm",
        "highdicom/seg_image_ct_binary_single_frame.dcm",
        "highdicom/seg_image_sm_numbers.dcm",
        "pydicom-data/liver.dcm",
        "pydicom-data/liver_nonbyte_aligned.dcm",
        "pydicom-data/liver_rle.dcm",
        "pydicom-data/liver_j2k.dcm"
      })
  void groupsEveryFrameUnderItsSegmentWithReferenceValues(String name) throws IOException {
    Map<String, String> hashes = referenceHashes();
    DicomFile file = DicomReader.read(SegmentationCorpusTest.testdata().resolve(name));
    DicomDataset ds = file.dataset();
    List<SegmentFrames> segments = SegmentationUtils.iterSegments(ds, file.transferSyntax().uid());
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    int previous = 0;
    int frames = 0;
    for (SegmentFrames s : segments) {
      int number = s.segmentItem().getInt(Tag.SegmentNumber, 0);
      assertTrue(number > previous, "ascending segment numbers");
      previous = number;
      assertTrue(ds.getSequence(Tag.SegmentSequence).items().contains(s.segmentItem()));
      assertEquals(ds.getInt(Tag.Rows, 0), s.frames().shape(1));
      assertEquals(ds.getInt(Tag.Columns, 0), s.frames().shape(2));
      for (int k = 0; k < s.frameItems().size(); k++) {
        DicomDataset item = s.frameItems().get(k);
        int index = indexOf(perFrame, item);
        assertTrue(index >= 0, "an item of the data set's Per-Frame Functional Groups");
        DicomDataset sid = item.getItem(Tag.SegmentIdentificationSequence);
        if (sid == null) {
          sid =
              ds.getItem(Tag.SharedFunctionalGroupsSequence)
                  .getItem(Tag.SegmentIdentificationSequence);
        }
        assertEquals(number, sid.getInt(Tag.ReferencedSegmentNumber, 0));
        assertEquals(
            hashes.get(name + "#" + (index + 1)),
            sha256(s.frames().get(k)),
            name + " frame " + (index + 1));
        frames++;
      }
    }
    assertEquals(ds.getInt(Tag.NumberOfFrames, 1), frames, "every frame once");
  }

  private static int indexOf(Sequence seq, DicomDataset item) {
    for (int i = 0; i < seq.size(); i++) {
      if (seq.get(i) == item) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void skipsSegmentsWithoutFramesAndKeepsFileOrderWithinASegment() throws IOException {
    SyntheticCtSeries series = new SyntheticCtSeries(3, 8, 8, 1.0, 2.0);
    List<DicomDataset> src = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      src.add(series.slice(i));
    }
    NdArray labels = NdArray.zeros(DType.UINT8, 3, 8, 8);
    labels.setDouble(3, 0, 1, 1);
    labels.setDouble(3, 2, 4, 4);
    labels.setDouble(1, 1, 7, 7);
    Segmentation seg =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(src)
            .pixelArray(labels)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1, 2, 3))
            .build();
    List<SegmentFrames> segments = SegmentationUtils.iterSegments(seg.dataset());
    assertEquals(2, segments.size(), "segment 2 has no frames");
    SegmentFrames first = segments.get(0);
    SegmentFrames third = segments.get(1);
    assertEquals(1, first.segmentItem().getInt(Tag.SegmentNumber, 0));
    assertEquals(3, third.segmentItem().getInt(Tag.SegmentNumber, 0));
    assertEquals(1, first.frames().shape(0));
    assertEquals(1L, first.frames().getLong(0, 7, 7));
    assertEquals(1.0 / 64, first.frames().mean(), 1e-12, "exactly the one set pixel");
    assertEquals(2, third.frames().shape(0));
    assertEquals(1L, third.frames().getLong(0, 1, 1));
    assertEquals(1L, third.frames().getLong(1, 4, 4));
    assertEquals(2.0 / 128, third.frames().mean(), 1e-12, "exactly the two set pixels");
    // File order: the frames of slice 0, then slice 2.
    for (int k = 0; k < 2; k++) {
      assertEquals(
          src.get(2 * k).getString(Tag.SOPInstanceUID),
          third
              .frameItems()
              .get(k)
              .getItem(Tag.DerivationImageSequence)
              .getItem(Tag.SourceImageSequence)
              .getString(Tag.ReferencedSOPInstanceUID));
    }
  }

  @Test
  void rejectsASegmentWhoseFramesExceedOneArray() throws IOException {
    // 33 BINARY frames of 8192 x 8192 pixels: 2^31 + 2^26 values for one segment, more than one
    // Java array holds. The Pixel Data is a reference to zeros that is never read.
    SyntheticCtSeries series = new SyntheticCtSeries(1, 8, 8, 1.0, 2.0);
    NdArray labels = NdArray.zeros(DType.UINT8, 1, 8, 8);
    labels.setDouble(1, 0, 1, 1);
    DicomDataset ds =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(List.of(series.slice(0)))
            .pixelArray(labels)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1))
            .build()
            .dataset()
            .deepCopy();
    int frames = 33;
    ds.setInt(Tag.Rows, VR.US, 8192);
    ds.setInt(Tag.Columns, VR.US, 8192);
    ds.setInt(Tag.NumberOfFrames, VR.IS, frames);
    DicomDataset item = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence).get(0);
    Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
    for (int f = 0; f < frames; f++) {
      perFrame.add(item.deepCopy());
    }
    BulkDataSource zeros =
        new BulkDataSource() {
          @Override
          public void read(long offset, byte[] dest, int destOffset, int length) {
            Arrays.fill(dest, destOffset, destOffset + length, (byte) 0);
          }

          @Override
          public String description() {
            return "zeros";
          }
        };
    ds.putValue(Tag.PixelData, VR.OB, BulkDataRef.of(zeros, 0, (long) frames * 8192 * 8192 / 8));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SegmentationUtils.iterSegments(ds));
    assertTrue(e.getMessage().contains("NumberOfFrames (0028,0008)"), e.getMessage());
  }

  @Test
  void rejectsLabelMapsAndDataSetsWithoutPixelData() throws IOException {
    DicomDataset labelmap =
        DicomReader.read(
                SegmentationCorpusTest.testdata()
                    .resolve("highdicom/seg_image_sm_control_labelmap.dcm"))
            .dataset();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SegmentationUtils.iterSegments(labelmap));
    assertTrue(e.getMessage().contains("SOPClassUID (0008,0016)"), e.getMessage());
    DicomDataset binary =
        DicomReader.read(
                SegmentationCorpusTest.testdata().resolve("highdicom/seg_image_ct_binary.dcm"))
            .dataset()
            .deepCopy();
    binary.remove(Tag.PixelData);
    e = assertThrows(IllegalArgumentException.class, () -> SegmentationUtils.iterSegments(binary));
    assertTrue(e.getMessage().contains("PixelData (7FE0,0010) is missing"), e.getMessage());
  }
}
