package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment queries and the semantics of the pixel options on segmentations built in code. */
class SegmentationReadingTest {
  @TempDir Path dir;

  private static List<DicomDataset> series(int n) {
    SyntheticCtSeries s = new SyntheticCtSeries(n, 9, 8, 1.0, 2.0);
    List<DicomDataset> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.slice(i));
    }
    return out;
  }

  private static List<String> uids(List<DicomDataset> src) {
    return src.stream().map(d -> d.getString(Tag.SOPInstanceUID)).toList();
  }

  /** Three planes; segments 1 (top rows), 2 (left columns) overlap; 3 only in plane 2. */
  private static NdArray overlapping() {
    NdArray a = NdArray.zeros(DType.BOOL, 3, 9, 8, 3);
    for (int p = 0; p < 3; p++) {
      for (int r = 0; r < 9; r++) {
        for (int c = 0; c < 8; c++) {
          a.setDouble(r < 2 ? 1 : 0, p, r, c, 0);
          a.setDouble(c < 2 && p > 0 ? 1 : 0, p, r, c, 1);
          a.setDouble(p == 2 && r == 5 && c == 4 ? 1 : 0, p, r, c, 2);
        }
      }
    }
    return a;
  }

  private Segmentation writeAndRead(Segmentation built) throws IOException {
    Path f = dir.resolve(UidGenerator.newUid() + ".dcm");
    built.write(f);
    return Segmentation.read(f);
  }

  private Segmentation binaryOverlap(List<DicomDataset> src) throws IOException {
    return writeAndRead(
        SegTestData.identity(Segmentation.builder())
            .sourceImages(src)
            .pixelArray(overlapping())
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1, 2, 3))
            .build());
  }

  @Test
  void segmentQueriesFilterByEveryAttribute() throws IOException {
    List<DicomDataset> src = series(3);
    SegmentDescription tracked =
        SegmentDescription.builder(
                3,
                "lesion",
                SegTestData.organ(),
                new org.highdicom4j.coding.CodedConcept("52988006", "SCT", "Lesion"),
                SegmentAlgorithmTypeValues.MANUAL)
            .trackingId("lesion-1")
            .trackingUid("1.2.3.4")
            .build();
    Segmentation seg =
        writeAndRead(
            SegTestData.identity(Segmentation.builder())
                .sourceImages(src)
                .pixelArray(overlapping())
                .segmentationType(SegmentationTypeValues.BINARY)
                .segmentDescriptions(
                    List.of(
                        SegTestData.manual(1, "liver"),
                        SegTestData.automatic(2, "kidney"),
                        tracked))
                .build());
    assertEquals(3, seg.numberOfSegments());
    assertArrayEquals(new int[] {1, 2, 3}, seg.segmentNumbers());
    assertArrayEquals(new int[] {1}, seg.getSegmentNumbers("liver", null, null, null, null, null));
    assertArrayEquals(
        new int[] {2},
        seg.getSegmentNumbers(null, null, null, SegmentAlgorithmTypeValues.AUTOMATIC, null, null));
    assertArrayEquals(
        new int[] {1, 2, 3},
        seg.getSegmentNumbers(null, SegTestData.organ(), null, null, null, null));
    assertArrayEquals(
        new int[] {3}, seg.getSegmentNumbers(null, null, null, null, "1.2.3.4", "lesion-1"));
    assertArrayEquals(
        new int[0], seg.getSegmentNumbers("liver", null, null, null, "1.2.3.4", null));
    assertEquals(
        List.of(new Segmentation.Tracking("lesion-1", "1.2.3.4")),
        seg.getTrackingIds(null, null, null));
    assertEquals("kidney", seg.getSegmentDescription(2).segmentLabel());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> seg.getSegmentDescription(4));
    assertEquals("4 is an invalid segment number for this dataset.", e.getMessage());
    assertEquals(3, seg.segmentedPropertyTypes().size());
    assertEquals(List.of(SegTestData.organ()), seg.segmentedPropertyCategories());
    assertEquals(
        uids(src), seg.getSourceImageUids().stream().map(r -> r.sopInstanceUid()).toList());
    assertEquals(
        src.get(0).getString(Tag.SeriesInstanceUID),
        seg.getSourceImageUids().get(0).seriesInstanceUid());
  }

  @Test
  void combiningOverlappingSegmentsFailsNamingThemUnlessSkipped() throws IOException {
    List<DicomDataset> src = series(3);
    Segmentation seg = binaryOverlap(src);
    assertEquals(SegmentsOverlapValues.YES, seg.segmentsOverlap());
    assertTrue(seg.detectSegmentsOverlap());
    SegmentPixelOptions combine = SegmentPixelOptions.DEFAULT.withCombineSegments(true);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> seg.getPixelsBySourceInstance(uids(src), combine));
    assertTrue(e.getMessage().startsWith("Segments 1 and 2 overlap"), e.getMessage());
    // Highest label wins; plane 0 has no segment 2, so 1 and 2 do not meet there.
    NdArray skipped = seg.getPixelsBySourceInstance(uids(src), combine.withSkipOverlapChecks(true));
    assertArrayEquals(new int[] {3, 9, 8}, skipped.shape());
    assertEquals(1, skipped.getLong(0, 0, 0));
    assertEquals(2, skipped.getLong(1, 0, 0));
    assertEquals(3, skipped.getLong(2, 5, 4));
    // Segments 1 and 3 never meet.
    NdArray oneAndThree =
        seg.getPixelsBySourceInstance(
            uids(src), combine.withSegmentNumbers(3, 1).withRelabel(true));
    assertEquals(2, oneAndThree.getLong(2, 0, 0), "segment 1 relabelled to 2");
    assertEquals(1, oneAndThree.getLong(2, 5, 4), "segment 3 relabelled to 1");
    assertEquals(0, oneAndThree.getLong(2, 3, 0), "segment 2 not requested");
  }

  @Test
  void segmentSelectionOrdersTheSegmentAxis() throws IOException {
    List<DicomDataset> src = series(3);
    Segmentation seg = binaryOverlap(src);
    NdArray all = seg.getPixelsBySourceInstance(uids(src));
    NdArray picked =
        seg.getPixelsBySourceInstance(
            List.of(uids(src).get(2), uids(src).get(1)),
            SegmentPixelOptions.DEFAULT.withSegmentNumbers(3, 1));
    assertArrayEquals(new int[] {2, 9, 8, 2}, picked.shape());
    assertEquals(DType.UINT8, picked.dtype());
    for (int r = 0; r < 9; r++) {
      for (int c = 0; c < 8; c++) {
        assertEquals(all.getLong(2, r, c, 2), picked.getLong(0, r, c, 0));
        assertEquals(all.getLong(2, r, c, 0), picked.getLong(0, r, c, 1));
        assertEquals(all.getLong(1, r, c, 0), picked.getLong(1, r, c, 1));
      }
    }
  }

  @Test
  void invalidRequestsAreRejectedWithHighdicomsMessages() throws IOException {
    List<DicomDataset> src = series(3);
    Segmentation seg = binaryOverlap(src);
    assertThrows(IllegalArgumentException.class, () -> seg.getPixelsBySourceInstance(List.of()));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class, () -> seg.getPixelsBySourceInstance(List.of("1.2.3")));
    assertTrue(unknown.getMessage().contains("1.2.3"), unknown.getMessage());
    NdArray zeros =
        seg.getPixelsBySourceInstance(
            List.of("1.2.3"), SegmentPixelOptions.DEFAULT.withAssertMissingFramesAreEmpty(true));
    assertArrayEquals(new int[] {1, 9, 8, 3}, zeros.shape());
    assertEquals(0.0, zeros.max());
    IllegalArgumentException badSegment =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                seg.getPixelsBySourceInstance(
                    uids(src), SegmentPixelOptions.DEFAULT.withSegmentNumbers(7)));
    assertEquals("7 is an invalid segment number for this dataset.", badSegment.getMessage());
    IllegalArgumentException tooSmall =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                seg.getPixelsBySourceInstance(
                    uids(src),
                    SegmentPixelOptions.DEFAULT.withCombineSegments(true).withDtype(DType.BOOL)));
    assertEquals(
        "The maximum output value of the segmentation array is 3, which is too large be"
            + " represented using dtype bool.",
        tooSmall.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            seg.getPixelsBySourceInstance(
                uids(src), SegmentPixelOptions.DEFAULT.withRelabel(true)));
    assertThrows(
        IllegalArgumentException.class,
        () -> seg.getPixelsBySourceFrame(uids(src).get(0), new int[] {0}));
    assertThrows(
        IllegalStateException.class, () -> seg.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT));
  }

  @Test
  void fractionalValuesAreRescaledOrRaw() throws IOException {
    List<DicomDataset> src = series(2);
    NdArray values = NdArray.zeros(DType.FLOAT32, 2, 9, 8);
    values.setDouble(0.5, 0, 1, 1);
    values.setDouble(1.0, 1, 2, 2);
    Segmentation seg =
        writeAndRead(
            SegTestData.identity(Segmentation.builder())
                .sourceImages(src)
                .pixelArray(values)
                .segmentationType(SegmentationTypeValues.FRACTIONAL)
                .maxFractionalValue(200)
                .fractionalType(SegmentationFractionalTypeValues.OCCUPANCY)
                .segmentDescriptions(SegTestData.descriptions(1))
                .transferSyntaxUid(UID.RLELossless)
                .build());
    assertEquals(
        SegmentationFractionalTypeValues.OCCUPANCY, seg.segmentationFractionalType().get());
    assertEquals(200, seg.maxFractionalValue());
    NdArray scaled = seg.getPixelsBySourceInstance(uids(src));
    assertEquals(DType.FLOAT32, scaled.dtype());
    assertEquals(0.5, scaled.getDouble(0, 1, 1, 0), 1e-6);
    assertEquals(1.0, scaled.getDouble(1, 2, 2, 0), 1e-6);
    NdArray raw =
        seg.getPixelsBySourceInstance(
            uids(src), SegmentPixelOptions.DEFAULT.withRescaleFractional(false));
    assertEquals(DType.UINT8, raw.dtype());
    assertEquals(100, raw.getLong(0, 1, 1, 0));
    assertEquals(200, raw.getLong(1, 2, 2, 0));
    IllegalStateException notBinary =
        assertThrows(
            IllegalStateException.class,
            () ->
                seg.getPixelsBySourceInstance(
                    uids(src), SegmentPixelOptions.DEFAULT.withCombineSegments(true)));
    assertTrue(notBinary.getMessage().contains("MaximumFractionalValue"), notBinary.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            seg.getPixelsBySourceInstance(
                uids(src), SegmentPixelOptions.DEFAULT.withDtype(DType.UINT8)));
  }

  @Test
  void labelMapsSplitIntoMasksOrCombineWithNonConsecutiveNumbers() throws IOException {
    List<DicomDataset> src = series(3);
    NdArray labels = NdArray.zeros(DType.UINT16, 3, 9, 8);
    labels.setDouble(300, 0, 0, 0);
    labels.setDouble(7, 1, 1, 1);
    labels.setDouble(300, 2, 5, 4);
    Segmentation seg =
        writeAndRead(
            SegTestData.identity(Segmentation.builder())
                .sourceImages(src)
                .pixelArray(labels)
                .segmentationType(SegmentationTypeValues.LABELMAP)
                .segmentDescriptions(SegTestData.descriptions(300, 7))
                .build());
    assertArrayEquals(new int[] {7, 300}, seg.segmentNumbers());
    assertEquals(SegmentsOverlapValues.NO, seg.segmentsOverlap());
    NdArray combined =
        seg.getPixelsBySourceInstance(
            uids(src), SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(DType.UINT16, combined.dtype());
    assertEquals(labels.astype(DType.UINT16), combined);
    NdArray relabelled =
        seg.getPixelsBySourceInstance(
            uids(src), SegmentPixelOptions.DEFAULT.withCombineSegments(true).withRelabel(true));
    assertEquals(DType.UINT8, relabelled.dtype());
    assertEquals(2, relabelled.getLong(0, 0, 0));
    assertEquals(1, relabelled.getLong(1, 1, 1));
    NdArray masks = seg.getPixelsBySourceInstance(uids(src));
    assertArrayEquals(new int[] {3, 9, 8, 2}, masks.shape());
    assertEquals(1, masks.getLong(0, 0, 0, 1));
    assertEquals(1, masks.getLong(1, 1, 1, 0));
    assertEquals(1, masks.getLong(2, 5, 4, 1));
    assertEquals(3.0, sum(masks), "one mask pixel per labelled pixel");
    assertFalse(seg.detectSegmentsOverlap());
  }

  private static double sum(NdArray a) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += a.getFlatDouble(i);
    }
    return s;
  }

  @Test
  void volumesFillOmittedPlanesWithZerosAndSliceBySlice() throws IOException {
    List<DicomDataset> src = series(5);
    NdArray labels = NdArray.zeros(DType.UINT8, 5, 9, 8);
    labels.setDouble(1, 0, 0, 0);
    labels.setDouble(2, 4, 5, 4);
    Segmentation seg =
        writeAndRead(
            SegTestData.identity(Segmentation.builder())
                .sourceImages(src)
                .pixelArray(labels)
                .segmentationType(SegmentationTypeValues.BINARY)
                .segmentDescriptions(SegTestData.descriptions(1, 2))
                .build());
    assertEquals(2, seg.numberOfFrames(), "empty frames are omitted");
    Volume v = seg.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertArrayEquals(new int[] {5, 9, 8}, v.shape());
    // highdicom's volume axes are right-handed from the rows (down) and columns (right): for an
    // axial series (row cosine +x, column cosine +y) slices run along -z, highest z first.
    for (int s = 0; s < 5; s++) {
      assertEquals(labels.get(4 - s), v.array().get(s), "slice " + s);
    }
    assertArrayEquals(src.get(4).getDoubles(Tag.ImagePositionPatient), v.position(), 1e-6);
    assertEquals(2.0, v.spacingBetweenSlices(), 1e-9);
    Volume stacked = seg.getVolume();
    assertEquals(List.of(1, 2), stacked.getChannelValues("SegmentNumber"));
    Volume last = seg.getVolume(-1, null, SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertArrayEquals(new int[] {1, 9, 8}, last.shape());
    assertEquals(1, last.array().getLong(0, 0, 0));
    assertArrayEquals(src.get(0).getDoubles(Tag.ImagePositionPatient), last.position(), 1e-6);
  }

  @Test
  void dimensionIndexValuesAddressFrames() throws IOException {
    List<DicomDataset> src = series(3);
    Segmentation seg = binaryOverlap(src);
    assertArrayEquals(new int[] {Tag.ImagePositionPatient}, seg.getDefaultDimensionIndexPointers());
    assertTrue(seg.areDimensionIndicesUnique(Tag.ImagePositionPatient));
    NdArray byIndex =
        seg.getPixelsByDimensionIndexValues(
            new int[][] {{3}, {1}}, null, SegmentPixelOptions.DEFAULT);
    NdArray bySource = seg.getPixelsBySourceInstance(List.of(uids(src).get(2), uids(src).get(0)));
    assertEquals(bySource, byIndex);
    assertThrows(
        IllegalArgumentException.class,
        () -> seg.areDimensionIndicesUnique(Tag.ReferencedSegmentNumber));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            seg.getPixelsByDimensionIndexValues(
                new int[][] {{9}}, null, SegmentPixelOptions.DEFAULT));
  }

  @Test
  void fromDatasetCopiesAndRejectsOtherSopClasses() throws IOException {
    List<DicomDataset> src = series(3);
    Segmentation seg = binaryOverlap(src);
    Segmentation copy = Segmentation.fromDataset(seg.dataset());
    assertEquals(
        seg.getPixelsBySourceInstance(uids(src)), copy.getPixelsBySourceInstance(uids(src)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Segmentation.fromDataset(src.get(0)));
    assertTrue(e.getMessage().startsWith("SOPClassUID (0008,0016)"), e.getMessage());
  }
}
