package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.Test;

/** What the built data set holds, derived from PS3.3 A.51 / C.8.20 and highdicom's behaviour. */
class SegmentationTest {
  private static final SyntheticCtSeries SERIES = new SyntheticCtSeries(4, 8, 8, 1.0, 2.0);
  private static final List<DicomDataset> SLICES = slices();

  private static List<DicomDataset> slices() {
    List<DicomDataset> out = new ArrayList<>();
    for (int s = 0; s < SERIES.slices(); s++) {
      out.add(SERIES.slice(s));
    }
    return out;
  }

  private static Segmentation.Builder builder(NdArray array, SegmentationTypeValues type) {
    return SegTestData.identity(Segmentation.builder())
        .sourceImages(SLICES)
        .pixelArray(array)
        .segmentationType(type);
  }

  private static int[] segmentNumbers(DicomDataset ds) {
    Sequence s = ds.getSequence(Tag.SegmentSequence);
    int[] out = new int[s.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.get(i).getInt(Tag.SegmentNumber, -1);
    }
    return out;
  }

  private static int frameSegment(DicomDataset ds, int f) {
    return ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)
        .get(f)
        .getSequence(Tag.SegmentIdentificationSequence)
        .get(0)
        .getInt(Tag.ReferencedSegmentNumber, -1);
  }

  private static double frameZ(DicomDataset ds, int f) {
    return ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)
        .get(f)
        .getSequence(Tag.PlanePositionSequence)
        .get(0)
        .getDoubles(Tag.ImagePositionPatient)[2];
  }

  @Test
  void binaryFromLabelMapHasOneFramePerNonEmptySegmentPlaneInSegmentMajorOrder() {
    NdArray labels = NdArray.zeros(DType.UINT8, 4, 8, 8);
    labels.setDouble(1, 2, 0, 0);
    labels.setDouble(1, 1, 0, 0);
    labels.setDouble(2, 3, 5, 5);
    Segmentation seg =
        builder(labels, SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1, 2))
            .build();
    DicomDataset ds = seg.dataset();
    assertEquals(UID.SegmentationStorage, ds.getString(Tag.SOPClassUID));
    assertEquals("SEG", ds.getString(Tag.Modality));
    assertEquals(3, seg.numberOfFrames());
    assertEquals("3", ds.getString(Tag.NumberOfFrames));
    assertEquals(1, frameSegment(ds, 0));
    assertEquals(1, frameSegment(ds, 1));
    assertEquals(2, frameSegment(ds, 2));
    assertTrue(frameZ(ds, 0) < frameZ(ds, 1));
    assertEquals("NO", ds.getString(Tag.SegmentsOverlap));
    assertEquals("3D", ds.getString(Tag.DimensionOrganizationType));
    assertEquals(1, ds.getInt(Tag.BitsAllocated, 0));
    assertArrayEquals(new int[] {1, 2}, segmentNumbers(ds));
    // 3 frames x 64 pixels packed LSB first: frame 0 pixel 0 is bit 0.
    byte[] pixels = ds.getBytes(Tag.PixelData);
    assertEquals(24, pixels.length);
    assertEquals(1, pixels[0]);
    assertEquals(1, pixels[8]);
    assertEquals(1 << 5, pixels[16 + 5]);
  }

  @Test
  void keepsEmptyFramesWhenAsked() {
    NdArray labels = NdArray.zeros(DType.UINT8, 4, 8, 8);
    labels.setDouble(1, 2, 0, 0);
    Segmentation seg =
        builder(labels, SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1, 2))
            .omitEmptyFrames(false)
            .build();
    assertEquals(8, seg.numberOfFrames());
  }

  @Test
  void encodesAllFramesWhenEveryFrameIsEmpty() {
    Segmentation seg =
        builder(NdArray.zeros(DType.BOOL, 4, 8, 8), SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1))
            .build();
    assertEquals(4, seg.numberOfFrames());
  }

  @Test
  void labelMapSegmentationUsesItsOwnSopClassAndBackgroundSegment() {
    NdArray labels = NdArray.zeros(DType.UINT16, 4, 8, 8);
    labels.setDouble(7, 1, 1, 1);
    labels.setDouble(3, 2, 2, 2);
    Segmentation seg =
        builder(labels, SegmentationTypeValues.LABELMAP)
            .segmentDescriptions(SegTestData.descriptions(7, 3))
            .build();
    DicomDataset ds = seg.dataset();
    assertEquals(Segmentation.LABEL_MAP_SEGMENTATION_STORAGE, ds.getString(Tag.SOPClassUID));
    assertArrayEquals(new int[] {0, 3, 7}, segmentNumbers(ds));
    DicomDataset background = ds.getSequence(Tag.SegmentSequence).get(0);
    assertEquals("Background", background.getString(Tag.SegmentLabel));
    assertEquals(
        "125040",
        background
            .getSequence(Tag.SegmentedPropertyTypeCodeSequence)
            .get(0)
            .getString(Tag.CodeValue));
    assertEquals(2, seg.numberOfFrames());
    assertEquals(8, ds.getInt(Tag.BitsAllocated, 0));
    assertEquals(0, ds.getInt(Tag.PixelPaddingValue, -1));
    assertNull(
        ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)
            .get(0)
            .getSequence(Tag.SegmentIdentificationSequence));
    assertEquals(1, ds.getSequence(Tag.DimensionIndexSequence).size());
    byte[] pixels = ds.getBytes(Tag.PixelData);
    assertEquals(7, pixels[9]);
    assertEquals(3, pixels[64 + 18]);
  }

  @Test
  void labelMapWithSegmentNumbersAbove255Uses16BitPixels() {
    NdArray labels = NdArray.zeros(DType.UINT16, 4, 8, 8);
    labels.setDouble(300, 1, 0, 1);
    Segmentation seg =
        builder(labels, SegmentationTypeValues.LABELMAP)
            .segmentDescriptions(SegTestData.descriptions(300))
            .build();
    DicomDataset ds = seg.dataset();
    assertEquals(16, ds.getInt(Tag.BitsAllocated, 0));
    assertEquals(VR.OW, ds.vr(Tag.PixelData));
    byte[] pixels = ds.getBytes(Tag.PixelData);
    assertEquals(300, (pixels[2] & 0xff) | (pixels[3] & 0xff) << 8);
  }

  @Test
  void paletteColourLabelMapCarriesTheLookupTables() {
    NdArray labels = NdArray.zeros(DType.UINT8, 4, 8, 8);
    labels.setDouble(2, 1, 0, 1);
    int[] red = {0, 65535, 0};
    int[] green = {0, 0, 65535};
    int[] blue = {0, 0, 0};
    DicomDataset ds =
        builder(labels, SegmentationTypeValues.LABELMAP)
            .segmentDescriptions(SegTestData.descriptions(1, 2))
            .paletteColorLut(red, green, blue)
            .build()
            .dataset();
    assertEquals("PALETTE COLOR", ds.getString(Tag.PhotometricInterpretation));
    assertArrayEquals(new int[] {3, 0, 16}, ds.getInts(Tag.GreenPaletteColorLookupTableDescriptor));
    byte[] g = ds.getBytes(Tag.GreenPaletteColorLookupTableData);
    assertEquals(6, g.length);
    assertEquals(-1, g[4]);
    assertEquals(-1, g[5]);
  }

  @Test
  void stackedOverlappingMasksAreMarkedAsOverlapping() {
    NdArray masks = NdArray.zeros(DType.BOOL, 4, 8, 8, 2);
    masks.setDouble(1, 0, 3, 3, 0);
    masks.setDouble(1, 0, 3, 3, 1);
    DicomDataset ds =
        builder(masks, SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1, 2))
            .build()
            .dataset();
    assertEquals("YES", ds.getString(Tag.SegmentsOverlap));
  }

  @Test
  void fractionalScalesFloatsToTheMaximumFractionalValue() {
    NdArray prob = NdArray.zeros(DType.FLOAT64, 4, 8, 8);
    prob.setDouble(0.5, 1, 0, 0);
    prob.setDouble(1.0, 1, 0, 1);
    Segmentation seg =
        builder(prob, SegmentationTypeValues.FRACTIONAL)
            .segmentDescriptions(SegTestData.descriptions(1))
            .fractionalType(SegmentationFractionalTypeValues.OCCUPANCY)
            .maxFractionalValue(100)
            .build();
    DicomDataset ds = seg.dataset();
    assertEquals("OCCUPANCY", ds.getString(Tag.SegmentationFractionalType));
    assertEquals(100, ds.getInt(Tag.MaximumFractionalValue, 0));
    assertEquals("UNDEFINED", ds.getString(Tag.SegmentsOverlap));
    byte[] pixels = ds.getBytes(Tag.PixelData);
    assertEquals(64, pixels.length);
    assertEquals(50, pixels[0]);
    assertEquals(100, pixels[1]);
  }

  @Test
  void fractionalFromIntegersStoresTheMaximumForSetPixels() {
    NdArray labels = NdArray.zeros(DType.UINT8, 4, 8, 8);
    labels.setDouble(1, 0, 0, 0);
    DicomDataset ds =
        builder(labels, SegmentationTypeValues.FRACTIONAL)
            .segmentDescriptions(SegTestData.descriptions(1))
            .build()
            .dataset();
    assertEquals((byte) 255, ds.getBytes(Tag.PixelData)[0]);
  }

  @Test
  void copiesPatientStudyAndReferencesFromTheSources() {
    NdArray labels = NdArray.zeros(DType.UINT8, 4, 8, 8);
    labels.setDouble(1, 0, 0, 0);
    DicomDataset ds =
        builder(labels, SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1))
            .build()
            .dataset();
    DicomDataset src = SLICES.get(0);
    for (int tag :
        new int[] {
          Tag.PatientName,
          Tag.PatientID,
          Tag.StudyInstanceUID,
          Tag.StudyDate,
          Tag.FrameOfReferenceUID
        }) {
      assertEquals(src.getString(tag), ds.getString(tag));
    }
    assertEquals("CT_SEG", ds.getString(Tag.ContentLabel));
    DicomDataset series = ds.getSequence(Tag.ReferencedSeriesSequence).get(0);
    assertEquals(src.getString(Tag.SeriesInstanceUID), series.getString(Tag.SeriesInstanceUID));
    assertEquals(4, series.getSequence(Tag.ReferencedInstanceSequence).size());
    DicomDataset derivation =
        ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)
            .get(0)
            .getSequence(Tag.DerivationImageSequence)
            .get(0);
    DicomDataset ref = derivation.getSequence(Tag.SourceImageSequence).get(0);
    assertEquals(src.getString(Tag.SOPInstanceUID), ref.getString(Tag.ReferencedSOPInstanceUID));
    assertEquals("YES", ref.getString(Tag.SpatialLocationsPreserved));
    assertEquals(
        "113076",
        derivation.getSequence(Tag.DerivationCodeSequence).get(0).getString(Tag.CodeValue));
  }

  @Test
  void explicitPlanePositionsReferenceOnlyCoincidingSourceFrames() {
    NdArray labels = NdArray.zeros(DType.UINT8, 2, 8, 8);
    labels.setDouble(1, 0, 0, 0);
    labels.setDouble(1, 1, 0, 0);
    double[] onSource = SLICES.get(1).getDoubles(Tag.ImagePositionPatient);
    double[] between = {onSource[0], onSource[1], onSource[2] + 1.0};
    DicomDataset ds =
        builder(labels, SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1))
            .planePositions(new double[][] {onSource, between})
            .build()
            .dataset();
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    assertEquals(2, perFrame.size());
    assertEquals(
        SLICES.get(1).getString(Tag.SOPInstanceUID),
        perFrame
            .get(0)
            .getSequence(Tag.DerivationImageSequence)
            .get(0)
            .getSequence(Tag.SourceImageSequence)
            .get(0)
            .getString(Tag.ReferencedSOPInstanceUID));
    assertNull(perFrame.get(1).getSequence(Tag.DerivationImageSequence));
  }

  @Test
  void customGeometryReplacesTheSourceMeasuresAndOrientation() {
    NdArray labels = NdArray.zeros(DType.UINT8, 1, 4, 4);
    labels.setDouble(1, 0, 0, 0);
    DicomDataset ds =
        builder(labels, SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1))
            .planePositions(new double[][] {{10, 20, 30}})
            .planeOrientation(0, 1, 0, -1, 0, 0)
            .pixelMeasures(2.0, 2.0, 4.0, null)
            .build()
            .dataset();
    DicomDataset shared = ds.getSequence(Tag.SharedFunctionalGroupsSequence).get(0);
    assertArrayEquals(
        new double[] {2, 2},
        shared.getSequence(Tag.PixelMeasuresSequence).get(0).getDoubles(Tag.PixelSpacing));
    assertArrayEquals(
        new double[] {0, 1, 0, -1, 0, 0},
        shared
            .getSequence(Tag.PlaneOrientationSequence)
            .get(0)
            .getDoubles(Tag.ImageOrientationPatient));
    assertEquals(4, ds.getInt(Tag.Rows, 0));
    assertFalse(ds.contains(Tag.DimensionOrganizationType));
  }

  @Test
  void sourcesWithoutGeometryGetNoPlaneFunctionalGroups() {
    List<DicomDataset> noGeometry = new ArrayList<>();
    for (DicomDataset s : SLICES) {
      DicomDataset c = s.deepCopy();
      c.remove(Tag.FrameOfReferenceUID);
      c.remove(Tag.ImagePositionPatient);
      c.remove(Tag.ImageOrientationPatient);
      noGeometry.add(c);
    }
    NdArray labels = NdArray.zeros(DType.UINT8, 4, 8, 8);
    labels.setDouble(1, 3, 0, 0);
    DicomDataset ds =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(noGeometry)
            .pixelArray(labels)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1))
            .build()
            .dataset();
    assertFalse(ds.contains(Tag.FrameOfReferenceUID));
    DicomDataset frame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence).get(0);
    assertNull(frame.getSequence(Tag.PlanePositionSequence));
    assertEquals(1, ds.getSequence(Tag.DimensionIndexSequence).size());
    assertEquals(
        noGeometry.get(3).getString(Tag.SOPInstanceUID),
        frame
            .getSequence(Tag.DerivationImageSequence)
            .get(0)
            .getSequence(Tag.SourceImageSequence)
            .get(0)
            .getString(Tag.ReferencedSOPInstanceUID));
  }

  @Test
  void encodesFramesOnTheGivenExecutor() {
    AtomicInteger tasks = new AtomicInteger();
    Executor counting =
        r -> {
          tasks.incrementAndGet();
          new Thread(r).start();
        };
    NdArray labels = NdArray.zeros(DType.UINT8, 4, 8, 8);
    for (int p = 0; p < 4; p++) {
      labels.setDouble(1, p, p, p);
    }
    Segmentation seg =
        builder(labels, SegmentationTypeValues.LABELMAP)
            .segmentDescriptions(SegTestData.descriptions(1))
            .transferSyntaxUid(UID.RLELossless)
            .executor(counting)
            .build();
    assertTrue(tasks.get() > 0, "no task ran on the executor");
    assertEquals(UID.RLELossless, seg.transferSyntaxUid());
    assertEquals(5, seg.dataset().getFragments(Tag.PixelData).size());
  }

  @Test
  void datasetIsReadOnlyAndWritesAFileThatReadsBack() throws Exception {
    NdArray labels = NdArray.zeros(DType.UINT8, 4, 8, 8);
    labels.setDouble(1, 0, 0, 0);
    Segmentation seg =
        builder(labels, SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1))
            .transferSyntaxUid(UID.ImplicitVRLittleEndian)
            .build();
    assertThrows(
        UnsupportedOperationException.class,
        () -> seg.dataset().setString(Tag.PatientID, VR.LO, "x"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    seg.write(out);
    var file = DicomReader.read(out.toByteArray());
    assertEquals(UID.ImplicitVRLittleEndian, file.fileMetaInformation().transferSyntaxUid());
    assertEquals(seg.sopInstanceUid(), file.dataset().getString(Tag.SOPInstanceUID));
    assertArrayEquals(
        seg.dataset().getBytes(Tag.PixelData), file.dataset().getBytes(Tag.PixelData));
  }

  @Test
  void multiFrameSourceFramesAreReferencedByFrameNumber() {
    DicomDataset mf = SegTestData.enhancedCt(3, 8, 8);
    NdArray labels = NdArray.zeros(DType.UINT8, 3, 8, 8);
    labels.setDouble(1, 0, 0, 0);
    DicomDataset ds =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(List.of(mf))
            .pixelArray(labels)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1))
            .build()
            .dataset();
    DicomDataset ref =
        ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)
            .get(0)
            .getSequence(Tag.DerivationImageSequence)
            .get(0)
            .getSequence(Tag.SourceImageSequence)
            .get(0);
    assertEquals(1, ref.getInt(Tag.ReferencedFrameNumber, 0));
    assertEquals(mf.getString(Tag.PatientName), ds.getString(Tag.PatientName));
  }
}
