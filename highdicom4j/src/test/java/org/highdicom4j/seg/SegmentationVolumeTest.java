package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.highdicom4j.ChannelDescriptor;
import org.highdicom4j.CoordinateSystemNames;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.PixelTransformOptions;
import org.highdicom4j.Volume;
import org.highdicom4j.VolumeReadOptions;
import org.highdicom4j.Volumes;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A {@link Volume} as the pixel array of a segmentation: geometry from the affine, per-frame source
 * references inferred from the source slices, and further source images. Every written variant is
 * validated with dciodvfy (through ../shared/tools/dicom-validate) and must have no errors.
 *
 * <p>The source is a synthetic CT series; the CT volume is read back from its pixels with {@link
 * Volumes#fromSeries}, and the label map is a threshold of its Hounsfield units, so expected
 * positions and instances come from the source data sets, not from the code under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmentationVolumeTest {
  private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

  private final SyntheticCtSeries series = new SyntheticCtSeries(6, 20, 18, 0.8, 2.5);
  private final List<DicomDataset> slices = new ArrayList<>();

  /** SOP Instance UID of the source slice at each z (mm), from its Image Position (Patient). */
  private final Map<Long, String> instanceAtZ = new HashMap<>();

  private Volume ct;
  private Volume labels;
  private Path dir;
  private final Map<String, Path> written = new LinkedHashMap<>();

  @BeforeAll
  void readSeries() throws IOException {
    for (int s = 0; s < series.slices(); s++) {
      DicomDataset ds = series.slice(s);
      slices.add(ds);
      instanceAtZ.put(
          Math.round(ds.getDoubles(Tag.ImagePositionPatient)[2] * 1000),
          ds.getString(Tag.SOPInstanceUID));
    }
    ct = Volumes.fromSeries(slices, PixelTransformOptions.DEFAULT, VolumeReadOptions.defaults());
    NdArray hu = ct.array();
    NdArray map = NdArray.zeros(DType.UINT8, hu.shape());
    for (int i = 0; i < hu.size(); i++) {
      double v = hu.getFlatDouble(i);
      map.setFlatDouble(i, v == 60 ? 1 : v == 700 ? 2 : v == 30 ? 3 : 0);
    }
    labels = ct.withArray(map);
    dir = Files.createTempDirectory("seg-volume");
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (dir != null && !Boolean.getBoolean("seg.keep")) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Segmentation.Builder builder(Object pixels, SegmentationTypeValues type) {
    Segmentation.Builder b =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(slices)
            .segmentationType(type)
            .segmentDescriptions(SegTestData.descriptions(1, 2, 3));
    return pixels instanceof Volume v ? b.pixelArray(v) : b.pixelArray((NdArray) pixels);
  }

  /** Builds, writes (for validation) and returns a segmentation. */
  private Segmentation build(String name, Segmentation.Builder b) throws IOException {
    Segmentation seg = b.build();
    Path file = dir.resolve(name + ".dcm");
    seg.write(file);
    written.put(name, file);
    return seg;
  }

  /** One frame's Image Position (Patient) and its source reference, read from the data set. */
  record FrameRef(double[] position, String instance, String preserved, int frameNumber) {}

  private static List<FrameRef> frameRefs(Segmentation seg) {
    List<FrameRef> out = new ArrayList<>();
    for (DicomDataset item : seg.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
      double[] ipp =
          item.getSequence(Tag.PlanePositionSequence).get(0).getDoubles(Tag.ImagePositionPatient);
      Sequence derivation = item.getSequence(Tag.DerivationImageSequence);
      if (derivation == null || derivation.isEmpty()) {
        out.add(new FrameRef(ipp, null, null, 0));
      } else {
        DicomDataset src = derivation.get(0).getSequence(Tag.SourceImageSequence).get(0);
        out.add(
            new FrameRef(
                ipp,
                src.getString(Tag.ReferencedSOPInstanceUID),
                src.getString(Tag.SpatialLocationsPreserved),
                src.getInt(Tag.ReferencedFrameNumber, 0)));
      }
    }
    return out;
  }

  private static double[] shared(Segmentation seg, int sequence, int tag) {
    return seg.dataset()
        .getSequence(Tag.SharedFunctionalGroupsSequence)
        .get(0)
        .getSequence(sequence)
        .get(0)
        .getDoubles(tag);
  }

  /** Positions of the volume's slices: the affine applied to (k, 0, 0), computed here. */
  private static List<double[]> slicePositions(Volume v) {
    double[][] a = v.affine();
    List<double[]> out = new ArrayList<>();
    for (int k = 0; k < v.spatialShape()[0]; k++) {
      out.add(new double[] {a[0][3] + k * a[0][0], a[1][3] + k * a[1][0], a[2][3] + k * a[2][0]});
    }
    return out;
  }

  private static void assertContainsPosition(List<double[]> expected, double[] actual) {
    for (double[] e : expected) {
      if (Math.abs(e[0] - actual[0]) < 1e-4
          && Math.abs(e[1] - actual[1]) < 1e-4
          && Math.abs(e[2] - actual[2]) < 1e-4) {
        return;
      }
    }
    throw new AssertionError("frame position is no slice of the volume: " + List.of(actual));
  }

  private String instanceAt(double z) {
    return instanceAtZ.get(Math.round(z * 1000));
  }

  private static void assertAffineEquals(double[][] expected, double[][] actual) {
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(expected[i][j], actual[i][j], 1e-6, "affine[" + i + "][" + j + "]");
      }
    }
  }

  private static void assertValuesEqual(NdArray expected, NdArray actual) {
    assertArrayEquals(expected.shape(), actual.shape(), "shape");
    for (int i = 0; i < expected.size(); i++) {
      if (expected.getFlatDouble(i) != actual.getFlatDouble(i)) {
        throw new AssertionError(
            "value " + i + ": " + expected.getFlatDouble(i) + " != " + actual.getFlatDouble(i));
      }
    }
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void thresholdedVolumeHasEveryLabel() {
    // The phantom holds liver, spine and kidney voxels at this resolution.
    assertEquals(3, labels.array().max());
    assertEquals(6, labels.spatialShape()[0]);
  }

  @Test
  void binaryLabelMapVolumeRoundTrips() throws IOException {
    Segmentation seg =
        build(
            "binary-aligned",
            builder(labels, SegmentationTypeValues.BINARY).omitEmptyFrames(false));
    Segmentation back = Segmentation.read(written.get("binary-aligned"));
    Volume vol = back.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertValuesEqual(labels.array(), vol.array());
    assertAffineEquals(labels.affine(), vol.affine());
    assertEquals("3D", seg.dataset().getString(Tag.DimensionOrganizationType));
  }

  @Test
  void labelmapVolumeRoundTrips() throws IOException {
    build(
        "labelmap-aligned",
        builder(labels, SegmentationTypeValues.LABELMAP).omitEmptyFrames(false));
    Segmentation back = Segmentation.read(written.get("labelmap-aligned"));
    Volume vol = back.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertValuesEqual(labels.array(), vol.array());
    assertAffineEquals(labels.affine(), vol.affine());
  }

  @Test
  void fractionalLabelMapVolumeRoundTrips() throws IOException {
    build(
        "fractional-aligned",
        builder(labels, SegmentationTypeValues.FRACTIONAL).omitEmptyFrames(false));
    Segmentation back = Segmentation.read(written.get("fractional-aligned"));
    Volume vol =
        back.getVolume(
            SegmentPixelOptions.DEFAULT.withCombineSegments(true).withRescaleFractional(true));
    assertValuesEqual(labels.array(), vol.array());
    assertAffineEquals(labels.affine(), vol.affine());
  }

  @Test
  void fractionalProbabilityVolumeRoundTrips() throws IOException {
    // Probabilities k / 10 are stored exactly with Maximum Fractional Value 10.
    NdArray p = NdArray.zeros(DType.FLOAT32, labels.shape());
    for (int i = 0; i < p.size(); i++) {
      p.setFlatDouble(i, labels.array().getFlatDouble(i) == 1 ? (i % 10 + 1) / 10.0 : 0);
    }
    Volume probabilities = labels.withArray(p);
    Segmentation seg =
        build(
            "fractional-probabilities",
            builder(probabilities, SegmentationTypeValues.FRACTIONAL)
                .segmentDescriptions(SegTestData.descriptions(1))
                .maxFractionalValue(10)
                .omitEmptyFrames(false));
    assertEquals(6, seg.numberOfFrames());
    Segmentation back = Segmentation.read(written.get("fractional-probabilities"));
    Volume vol = back.getVolume(SegmentPixelOptions.DEFAULT.withRescaleFractional(true));
    assertArrayEquals(new int[] {6, 20, 18, 1}, vol.shape());
    for (int i = 0; i < p.size(); i++) {
      assertEquals(p.getFlatDouble(i), vol.array().getFlatDouble(i), 1e-6, "voxel " + i);
    }
    assertAffineEquals(labels.affine(), vol.affine());
  }

  @Test
  void stackedSegmentNumberChannelVolumeEqualsLabelMap() throws IOException {
    NdArray stacked = NdArray.zeros(DType.BOOL, 6, 20, 18, 3);
    for (int i = 0; i < labels.array().size(); i++) {
      int v = (int) labels.array().getFlatDouble(i);
      if (v > 0) {
        stacked.setFlatDouble(i * 3 + v - 1, 1);
      }
    }
    Volume channels =
        new Volume(
            stacked,
            labels.affine(),
            CoordinateSystemNames.PATIENT,
            series.frameOfReferenceUid(),
            Map.of(ChannelDescriptor.of("SegmentNumber"), List.of(1, 2, 3)));
    // Empty frames are omitted alike from both forms.
    Segmentation seg = builder(channels, SegmentationTypeValues.BINARY).build();
    Segmentation fromMap = builder(labels, SegmentationTypeValues.BINARY).build();
    assertEquals(fromMap.numberOfFrames(), seg.numberOfFrames());
    assertTrue(seg.numberOfFrames() < 18, "some frames are empty");
    build(
        "binary-channels", builder(channels, SegmentationTypeValues.BINARY).omitEmptyFrames(false));
    Volume vol = Segmentation.read(written.get("binary-channels")).getVolume();
    assertValuesEqual(stacked, vol.array());
    assertEquals(List.of(1, 2, 3), vol.getChannelValues("SegmentNumber"));
  }

  // ---------------------------------------------------------------- geometry and references

  @Test
  void alignedVolumeReferencesTheSourceSliceAtEachPosition() throws IOException {
    Segmentation seg =
        build(
            "labelmap-aligned-all",
            builder(labels, SegmentationTypeValues.LABELMAP).omitEmptyFrames(false));
    List<FrameRef> refs = frameRefs(seg);
    assertEquals(6, refs.size());
    for (FrameRef r : refs) {
      assertEquals(instanceAt(r.position[2]), r.instance, "instance at z " + r.position[2]);
      assertEquals("YES", r.preserved);
    }
    assertArrayEquals(
        AXIAL, shared(seg, Tag.PlaneOrientationSequence, Tag.ImageOrientationPatient), 1e-9);
    assertArrayEquals(
        new double[] {0.8, 0.8}, shared(seg, Tag.PixelMeasuresSequence, Tag.PixelSpacing), 1e-9);
    assertEquals(2.5, shared(seg, Tag.PixelMeasuresSequence, Tag.SpacingBetweenSlices)[0], 1e-9);
    assertEquals(2.5, shared(seg, Tag.PixelMeasuresSequence, Tag.SliceThickness)[0], 1e-9);
  }

  @Test
  void croppedVolumeReferencesItsSlicesWithoutPreservedLocations() throws IOException {
    Volume cropped = labels.slice("1:5, 2:18, 3:15");
    Segmentation seg =
        build(
            "binary-cropped",
            builder(cropped, SegmentationTypeValues.BINARY).omitEmptyFrames(false));
    assertEquals(16, seg.dataset().getInt(Tag.Rows, 0));
    assertEquals(12, seg.dataset().getInt(Tag.Columns, 0));
    List<double[]> expected = slicePositions(cropped);
    for (FrameRef r : frameRefs(seg)) {
      assertContainsPosition(expected, r.position);
      // The first pixel is 2 rows and 3 columns (0.8 mm each) inside the source's first pixel.
      assertEquals(
          slices.get(0).getDoubles(Tag.ImagePositionPatient)[0] + 2.4, r.position[0], 1e-6);
      assertEquals(
          slices.get(0).getDoubles(Tag.ImagePositionPatient)[1] + 1.6, r.position[1], 1e-6);
      assertEquals(instanceAt(r.position[2]), r.instance);
      assertEquals("NO", r.preserved);
    }
    Volume back =
        Segmentation.read(written.get("binary-cropped"))
            .getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertValuesEqual(cropped.array(), back.array());
    assertAffineEquals(cropped.affine(), back.affine());
  }

  @Test
  void slabOfWholeSlicesKeepsPreservedLocations() throws IOException {
    Volume slab = labels.slice("2:4");
    Segmentation seg =
        builder(slab, SegmentationTypeValues.LABELMAP).omitEmptyFrames(false).build();
    List<FrameRef> refs = frameRefs(seg);
    assertEquals(2, refs.size());
    for (FrameRef r : refs) {
      assertEquals(instanceAt(r.position[2]), r.instance);
      assertEquals("YES", r.preserved);
    }
  }

  @Test
  void subsampledVolumeReferencesItsSlicesWithoutPreservedLocations() throws IOException {
    Volume sub = labels.slice("::2, ::2, ::2");
    Segmentation seg =
        build(
            "labelmap-subsampled",
            builder(sub, SegmentationTypeValues.LABELMAP).omitEmptyFrames(false));
    assertArrayEquals(
        new double[] {1.6, 1.6}, shared(seg, Tag.PixelMeasuresSequence, Tag.PixelSpacing), 1e-9);
    assertEquals(5.0, shared(seg, Tag.PixelMeasuresSequence, Tag.SpacingBetweenSlices)[0], 1e-9);
    List<FrameRef> refs = frameRefs(seg);
    assertEquals(3, refs.size());
    for (FrameRef r : refs) {
      assertEquals(instanceAt(r.position[2]), r.instance);
      assertEquals("NO", r.preserved);
    }
  }

  @Test
  void reversedSliceOrderStillReferencesTheSliceAtEachPosition() throws IOException {
    Volume reversed = labels.flipSpatial(0);
    Segmentation seg =
        build(
            "binary-reversed",
            builder(reversed, SegmentationTypeValues.BINARY).omitEmptyFrames(false));
    List<double[]> expected = slicePositions(reversed);
    for (FrameRef r : frameRefs(seg)) {
      assertContainsPosition(expected, r.position);
      assertEquals(instanceAt(r.position[2]), r.instance);
      assertEquals("YES", r.preserved);
    }
    // Read back in the standard direction, the volume is the unflipped label map.
    Volume back =
        Segmentation.read(written.get("binary-reversed"))
            .getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertValuesEqual(labels.array(), back.array());
    assertAffineEquals(labels.affine(), back.affine());
  }

  @Test
  void inPlaneTransposedVolumeReferencesItsSlicesWithoutPreservedLocations() throws IOException {
    Volume transposed = labels.permuteSpatialAxes(0, 2, 1);
    Segmentation seg =
        build(
            "labelmap-transposed",
            builder(transposed, SegmentationTypeValues.LABELMAP).omitEmptyFrames(false));
    assertEquals(18, seg.dataset().getInt(Tag.Rows, 0));
    assertEquals(20, seg.dataset().getInt(Tag.Columns, 0));
    assertArrayEquals(
        new double[] {0, 1, 0, 1, 0, 0},
        shared(seg, Tag.PlaneOrientationSequence, Tag.ImageOrientationPatient),
        1e-9);
    List<FrameRef> refs = frameRefs(seg);
    assertEquals(6, refs.size());
    for (FrameRef r : refs) {
      assertEquals(instanceAt(r.position[2]), r.instance);
      assertEquals("NO", r.preserved);
    }
  }

  @Test
  void throughPlanePermutedVolumeHasNoSourceReferences() throws IOException {
    // Axis 0 now runs along the source rows: every frame is a coronal plane across all slices.
    Volume coronal = labels.permuteSpatialAxes(1, 0, 2);
    Segmentation seg =
        build(
            "binary-coronal",
            builder(coronal, SegmentationTypeValues.BINARY).omitEmptyFrames(false));
    assertEquals(6, seg.dataset().getInt(Tag.Rows, 0));
    assertEquals(18, seg.dataset().getInt(Tag.Columns, 0));
    List<double[]> expected = slicePositions(coronal);
    List<FrameRef> refs = frameRefs(seg);
    assertEquals(3 * 20, refs.size());
    for (FrameRef r : refs) {
      assertContainsPosition(expected, r.position);
      assertNull(r.instance, "no source slice holds a coronal frame");
    }
    Volume back =
        Segmentation.read(written.get("binary-coronal"))
            .getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(coronal.array().max(), back.array().max());
    assertEquals(coronal.array().mean(), back.array().mean(), 1e-12);
  }

  @Test
  void sliceBetweenSourceSlicesHasNoReference() throws IOException {
    // Shift by half the slice spacing along z: parallel planes, none in a source plane.
    double[][] a = labels.affine();
    a[2][3] += 1.25;
    Volume shifted =
        new Volume(labels.array(), a, CoordinateSystemNames.PATIENT, series.frameOfReferenceUid());
    Segmentation seg =
        build(
            "labelmap-shifted",
            builder(shifted, SegmentationTypeValues.LABELMAP).omitEmptyFrames(false));
    for (FrameRef r : frameRefs(seg)) {
      assertNull(r.instance);
    }
  }

  @Test
  void multiFrameSourceIsReferencedByFrameNumber() {
    DicomDataset enhanced = SegTestData.enhancedCt(4, 16, 16);
    NdArray arr = NdArray.zeros(DType.UINT8, 4, 16, 16);
    for (int k = 0; k < 4; k++) {
      arr.setDouble(1, k, k, k);
    }
    // Frames of the enhanced CT lie at z = 9, 6, 3, 0; this volume runs from z = 9 down.
    Volume v =
        Volume.fromAttributes(
            arr,
            new double[] {-4, -4, 9},
            AXIAL,
            new double[] {0.5, 0.5},
            3.0,
            CoordinateSystemNames.PATIENT,
            enhanced.getString(Tag.FrameOfReferenceUID),
            null);
    Segmentation seg =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(List.of(enhanced))
            .pixelArray(v)
            .segmentationType(SegmentationTypeValues.LABELMAP)
            .segmentDescriptions(SegTestData.descriptions(1))
            .build();
    List<FrameRef> refs = frameRefs(seg);
    assertEquals(4, refs.size());
    for (FrameRef r : refs) {
      assertEquals(enhanced.getString(Tag.SOPInstanceUID), r.instance);
      assertEquals("YES", r.preserved);
      // Frame f of the source is at z = 3 (3 - f).
      assertEquals(4 - (int) Math.round(r.position[2] / 3.0), r.frameNumber);
    }
  }

  @Test
  void emptySlicesAreOmittedFromBooleanVolumeInput() {
    NdArray map = NdArray.zeros(DType.BOOL, 6, 20, 18);
    map.setDouble(1, 2, 5, 5);
    Segmentation seg =
        builder(labels.withArray(map), SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1))
            .build();
    assertEquals(1, seg.numberOfFrames());
    FrameRef r = frameRefs(seg).get(0);
    assertArrayEquals(slicePositions(labels).get(2), r.position, 1e-6);
    assertEquals(instanceAt(r.position[2]), r.instance);
  }

  // ---------------------------------------------------------------- further source images

  @Test
  void furtherSourceImagesAreReferencedBySeries() throws IOException {
    String otherSeries = UidGenerator.newUid();
    List<DicomDataset> further = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      DicomDataset d = series.slice(i);
      d.setString(Tag.SeriesInstanceUID, VR.UI, otherSeries);
      further.add(d);
    }
    Segmentation seg =
        build(
            "labelmap-further",
            builder(labels, SegmentationTypeValues.LABELMAP).furtherSourceImages(further));
    Sequence refSeries = seg.dataset().getSequence(Tag.ReferencedSeriesSequence);
    assertEquals(2, refSeries.size());
    assertEquals(series.seriesInstanceUid(), refSeries.get(0).getString(Tag.SeriesInstanceUID));
    assertEquals(6, refSeries.get(0).getSequence(Tag.ReferencedInstanceSequence).size());
    assertEquals(otherSeries, refSeries.get(1).getString(Tag.SeriesInstanceUID));
    Sequence instances = refSeries.get(1).getSequence(Tag.ReferencedInstanceSequence);
    assertEquals(2, instances.size());
    for (int i = 0; i < 2; i++) {
      assertEquals(
          further.get(i).getString(Tag.SOPInstanceUID),
          instances.get(i).getString(Tag.ReferencedSOPInstanceUID));
    }
    assertEquals(8, seg.dataset().getSequence(Tag.SourceImageSequence).size());
    List<SourceImageReference> read =
        Segmentation.read(written.get("labelmap-further")).getSourceImageUids();
    assertTrue(
        read.contains(
            new SourceImageReference(
                series.studyInstanceUid(),
                otherSeries,
                further.get(1).getString(Tag.SOPInstanceUID))),
        read.toString());
    // Further sources take no part in the per-frame references.
    for (FrameRef r : frameRefs(seg)) {
      assertFalse(
          r.instance.equals(further.get(0).getString(Tag.SOPInstanceUID))
              || r.instance.equals(further.get(1).getString(Tag.SOPInstanceUID)));
    }
  }

  @Test
  void furtherSourceImagesWorkWithArrayInput() {
    DicomDataset other = series.slice(0);
    other.setString(Tag.SeriesInstanceUID, VR.UI, UidGenerator.newUid());
    Segmentation seg =
        builder(labels.array(), SegmentationTypeValues.BINARY)
            .furtherSourceImages(List.of(other))
            .build();
    assertEquals(2, seg.dataset().getSequence(Tag.ReferencedSeriesSequence).size());
  }

  @Test
  void rejectsFurtherSourceImageOfAnotherStudy() {
    DicomDataset other = series.slice(0);
    other.setString(Tag.StudyInstanceUID, VR.UI, UidGenerator.newUid());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                builder(labels, SegmentationTypeValues.BINARY)
                    .furtherSourceImages(List.of(other))
                    .build());
    assertTrue(e.getMessage().contains("furtherSourceImages"), e.getMessage());
    assertTrue(e.getMessage().contains("same study"), e.getMessage());
  }

  @Test
  void rejectsFurtherSourceImageRepeatingASource() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                builder(labels, SegmentationTypeValues.BINARY)
                    .furtherSourceImages(List.of(slices.get(3)))
                    .build());
    assertTrue(e.getMessage().contains("furtherSourceImages[0]"), e.getMessage());
  }

  @Test
  void rejectsFurtherSourceImageWithoutUids() {
    DicomDataset other = series.slice(0);
    other.remove(Tag.SOPInstanceUID);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                builder(labels, SegmentationTypeValues.BINARY)
                    .furtherSourceImages(List.of(other))
                    .build());
    assertTrue(e.getMessage().contains("SOPInstanceUID"), e.getMessage());
  }

  // ---------------------------------------------------------------- errors

  private IllegalArgumentException rejects(Segmentation.Builder b) {
    return assertThrows(IllegalArgumentException.class, b::build);
  }

  @Test
  void rejectsChannelOtherThanSegmentNumber() {
    Volume v =
        labels.withArray(
            labels.array().reshape(6, 20, 18, 1),
            Map.of(ChannelDescriptor.of("FrameLabel"), List.of("label")));
    IllegalArgumentException e = rejects(builder(v, SegmentationTypeValues.BINARY));
    assertEquals(
        "Input volume should have no channels other than 'SegmentNumber'.", e.getMessage());
  }

  @Test
  void rejectsCustomChannel() {
    Volume v =
        labels.withArray(
            labels.array().reshape(6, 20, 18, 1),
            Map.of(ChannelDescriptor.custom("segments", Integer.class), List.of(1)));
    IllegalArgumentException e = rejects(builder(v, SegmentationTypeValues.BINARY));
    assertEquals(
        "Input volume should have no channels other than 'SegmentNumber'.", e.getMessage());
  }

  @Test
  void rejectsSegmentNumbersNotMatchingTheDescriptions() {
    NdArray stacked = NdArray.zeros(DType.BOOL, 6, 20, 18, 3);
    Volume v =
        labels.withArray(stacked, Map.of(ChannelDescriptor.of("SegmentNumber"), List.of(1, 2, 15)));
    IllegalArgumentException e = rejects(builder(v, SegmentationTypeValues.BINARY));
    assertTrue(
        e.getMessage()
            .startsWith("Segment numbers in the input volume do not match the described segments."),
        e.getMessage());
    Volume fewer =
        labels.withArray(
            NdArray.zeros(DType.BOOL, 6, 20, 18, 2),
            Map.of(ChannelDescriptor.of("SegmentNumber"), List.of(1, 2)));
    e = rejects(builder(fewer, SegmentationTypeValues.BINARY));
    assertTrue(e.getMessage().startsWith("Segment numbers in the input volume"), e.getMessage());
  }

  @Test
  void rejectsTwoChannelAxes() {
    Map<ChannelDescriptor, List<?>> ch = new LinkedHashMap<>();
    ch.put(ChannelDescriptor.of("SegmentNumber"), List.of(1));
    ch.put(ChannelDescriptor.of("FrameLabel"), List.of("a"));
    Volume v = labels.withArray(NdArray.zeros(DType.BOOL, 6, 20, 18, 1, 1), ch);
    IllegalArgumentException e = rejects(builder(v, SegmentationTypeValues.BINARY));
    assertTrue(e.getMessage().contains("0 or 1 channel dimensions"), e.getMessage());
  }

  @Test
  void rejectsExplicitGeometryWithAVolume() {
    for (Segmentation.Builder b :
        List.of(
            builder(labels, SegmentationTypeValues.BINARY)
                .planePositions(new double[][] {{0, 0, 0}}),
            builder(labels, SegmentationTypeValues.BINARY).planeOrientation(AXIAL),
            builder(labels, SegmentationTypeValues.BINARY).pixelMeasures(1, 1, 1, null))) {
      IllegalArgumentException e = rejects(b);
      assertTrue(e.getMessage().contains("pixelArray is a Volume"), e.getMessage());
    }
  }

  @Test
  void rejectsVolumeOfAnotherFrameOfReference() {
    Volume v =
        new Volume(
            labels.array(), labels.affine(), CoordinateSystemNames.PATIENT, UidGenerator.newUid());
    IllegalArgumentException e = rejects(builder(v, SegmentationTypeValues.BINARY));
    assertTrue(e.getMessage().contains("FrameOfReferenceUID (0020,0052)"), e.getMessage());
    assertTrue(e.getMessage().contains(series.frameOfReferenceUid()), e.getMessage());
  }

  @Test
  void acceptsVolumeWithoutFrameOfReference() {
    Volume v = new Volume(labels.array(), labels.affine(), CoordinateSystemNames.PATIENT, null);
    Segmentation seg = builder(v, SegmentationTypeValues.BINARY).build();
    assertEquals(series.frameOfReferenceUid(), seg.dataset().getString(Tag.FrameOfReferenceUID));
  }

  @Test
  void rejectsVolumeWhenSourcesHaveNoFrameOfReference() {
    List<DicomDataset> noFor = new ArrayList<>();
    for (DicomDataset d : slices) {
      DicomDataset c = d.deepCopy();
      c.remove(Tag.FrameOfReferenceUID);
      noFor.add(c);
    }
    IllegalArgumentException e =
        rejects(builder(labels, SegmentationTypeValues.BINARY).sourceImages(noFor));
    assertTrue(e.getMessage().contains("frame of reference"), e.getMessage());
  }

  @Test
  void rejectsSlideVolume() {
    Volume v = new Volume(labels.array(), labels.affine(), CoordinateSystemNames.SLIDE, null);
    IllegalArgumentException e = rejects(builder(v, SegmentationTypeValues.BINARY));
    assertTrue(e.getMessage().contains("PATIENT"), e.getMessage());
  }

  @Test
  void laterPixelArrayReplacesTheVolume() {
    NdArray map = NdArray.zeros(DType.UINT8, 6, 20, 18);
    map.setDouble(2, 0, 0, 0);
    Segmentation seg =
        builder(labels.slice("0:2, 0:5"), SegmentationTypeValues.LABELMAP)
            .pixelArray(map)
            .omitEmptyFrames(false)
            .build();
    assertEquals(6, seg.numberOfFrames());
    assertEquals(20, seg.dataset().getInt(Tag.Rows, 0));
  }

  // ---------------------------------------------------------------- conformance

  @TestFactory
  @Order(Integer.MAX_VALUE)
  Stream<DynamicTest> everyWrittenVolumeSegmentationIsValid() throws Exception {
    Path shared = SegTestData.shared();
    boolean tools =
        shared != null
            && Files.isExecutable(shared.resolve("tools/dicom-validate"))
            && SegTestData.onPath("dciodvfy");
    SegTestData.require(tools, "dciodvfy and ../shared/tools/dicom-validate");
    // Runs last (see @Order); when run alone, write the variants first.
    if (written.isEmpty()) {
      binaryLabelMapVolumeRoundTrips();
      labelmapVolumeRoundTrips();
      fractionalLabelMapVolumeRoundTrips();
      fractionalProbabilityVolumeRoundTrips();
      stackedSegmentNumberChannelVolumeEqualsLabelMap();
      alignedVolumeReferencesTheSourceSliceAtEachPosition();
      croppedVolumeReferencesItsSlicesWithoutPreservedLocations();
      subsampledVolumeReferencesItsSlicesWithoutPreservedLocations();
      reversedSliceOrderStillReferencesTheSliceAtEachPosition();
      inPlaneTransposedVolumeReferencesItsSlicesWithoutPreservedLocations();
      throughPlanePermutedVolumeHasNoSourceReferences();
      sliceBetweenSourceSlicesHasNoReference();
      furtherSourceImagesAreReferencedBySeries();
    }
    List<String> plain =
        new ArrayList<>(List.of(shared.resolve("tools/dicom-validate").toString()));
    List<String> labelmap = new ArrayList<>(plain);
    for (String re : SegmentationConformanceTest.LABELMAP_IGNORES.keySet()) {
      labelmap.add("--ignore");
      labelmap.add(re);
    }
    for (Map.Entry<String, Path> e : written.entrySet()) {
      if (e.getKey().startsWith("labelmap")) {
        labelmap.add(SegTestData.asSegmentationStorage(e.getValue(), dir).toString());
      } else {
        plain.add(e.getValue().toString());
      }
    }
    Map<String, String> results = new HashMap<>();
    for (List<String> cmd : List.of(plain, labelmap)) {
      String current = null;
      for (String line : SegTestData.run(cmd).out().split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        if (!line.startsWith(" ")) {
          current = Path.of(line.split("\t")[0]).getFileName().toString().replace(".as66.4", "");
          results.put(current, line);
        } else {
          assertNotNull(current, "dicom-validate output starts with a detail line");
          results.merge(current, line, (a, c) -> a + "\n" + c);
        }
      }
    }
    return written.keySet().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      String v = results.get(name + ".dcm");
                      assertNotNull(v, "no dciodvfy result for " + name);
                      assertTrue(v.contains("\t0 errors"), "dciodvfy: " + v);
                    }));
  }
}
