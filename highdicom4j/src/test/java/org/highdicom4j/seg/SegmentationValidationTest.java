package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.highdicom4j.DType;
import org.highdicom4j.DimensionOrganizationTypeValues;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.Test;

/** Every check {@link Segmentation.Builder#build()} makes: exception type and message. */
class SegmentationValidationTest {
  private static final SyntheticCtSeries SERIES = new SyntheticCtSeries(3, 8, 8, 1.0, 2.0);
  private static final List<DicomDataset> SLICES = slices();

  private static List<DicomDataset> slices() {
    List<DicomDataset> out = new ArrayList<>();
    for (int s = 0; s < SERIES.slices(); s++) {
      out.add(SERIES.slice(s));
    }
    return out;
  }

  private static NdArray labels(int max) {
    NdArray a = NdArray.zeros(DType.UINT8, 3, 8, 8);
    for (int v = 1; v <= max; v++) {
      a.setDouble(v, 1, v % 8, 0);
    }
    return a;
  }

  /** A valid BINARY builder with segments 1 and 2, modified by {@code change}. */
  private static Segmentation.Builder valid(Consumer<Segmentation.Builder> change) {
    Segmentation.Builder b =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(SLICES)
            .pixelArray(labels(2))
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1, 2));
    change.accept(b);
    return b;
  }

  private static void rejects(
      Class<? extends Exception> type, String fragment, Consumer<Segmentation.Builder> change) {
    Exception e = assertThrows(type, () -> valid(change).build());
    assertTrue(
        e.getMessage().contains(fragment),
        "message should contain \"" + fragment + "\": " + e.getMessage());
  }

  @Test
  void acceptsTheValidBaseline() {
    assertTrue(valid(b -> {}).build().numberOfFrames() > 0);
  }

  @Test
  void rejectsEmptySourceImages() {
    rejects(
        IllegalArgumentException.class,
        "sourceImages must not be empty",
        b -> b.sourceImages(List.of()));
  }

  @Test
  void rejectsMixedSourceSeries() {
    DicomDataset other = SLICES.get(2).deepCopy();
    other.setString(Tag.SeriesInstanceUID, VR.UI, UidGenerator.newUid());
    rejects(
        IllegalArgumentException.class,
        "mixed source series",
        b -> b.sourceImages(List.of(SLICES.get(0), SLICES.get(1), other)));
  }

  @Test
  void rejectsSourcesOfDifferentSize() {
    DicomDataset other = SLICES.get(2).deepCopy();
    other.setInt(Tag.Rows, VR.US, 9);
    rejects(
        IllegalArgumentException.class,
        "same Rows (0028,0010) and Columns",
        b -> b.sourceImages(List.of(SLICES.get(0), SLICES.get(1), other)));
  }

  @Test
  void rejectsSeveralMultiFrameSources() {
    DicomDataset mf = SegTestData.enhancedCt(3, 8, 8);
    rejects(
        IllegalArgumentException.class,
        "only one image when it is multi-frame",
        b -> b.sourceImages(List.of(mf, mf)));
  }

  @Test
  void rejectsSourceWithoutUids() {
    DicomDataset bad = SLICES.get(0).deepCopy();
    bad.remove(Tag.SeriesInstanceUID);
    rejects(
        IllegalArgumentException.class,
        "lacks SeriesInstanceUID (0020,000E)",
        b -> b.sourceImages(List.of(bad)).pixelArray(labels(2).get(0)));
  }

  @Test
  void rejectsSourcesWithoutSopInstanceUid() {
    // Source Image Sequence and Referenced Instance Sequence items need Referenced SOP Instance
    // UID (0008,1155), Type 1 (PS3.3 C.7.6.1.1.4, C.12.2).
    DicomDataset first = SLICES.get(0).deepCopy();
    first.remove(Tag.SOPInstanceUID);
    rejects(
        IllegalArgumentException.class,
        "sourceImages[0] lacks SOPInstanceUID (0008,0018)",
        b -> b.sourceImages(List.of(first)).pixelArray(labels(2).get(0)));
    DicomDataset third = SLICES.get(2).deepCopy();
    third.remove(Tag.SOPInstanceUID);
    rejects(
        IllegalArgumentException.class,
        "sourceImages[2] lacks SOPInstanceUID (0008,0018)",
        b -> b.sourceImages(List.of(SLICES.get(0), SLICES.get(1), third)));
  }

  @Test
  void requiresThePixelArrayAndEquipment() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                SegTestData.identity(Segmentation.builder())
                    .sourceImages(SLICES)
                    .segmentationType(SegmentationTypeValues.BINARY)
                    .segmentDescriptions(SegTestData.descriptions(1))
                    .build());
    assertTrue(e.getMessage().contains("pixelArray is required"), e.getMessage());
    IllegalStateException m =
        assertThrows(
            IllegalStateException.class,
            () ->
                Segmentation.builder()
                    .seriesInstanceUid(UidGenerator.newUid())
                    .seriesNumber(1)
                    .sopInstanceUid(UidGenerator.newUid())
                    .instanceNumber(1)
                    .sourceImages(SLICES)
                    .pixelArray(labels(1))
                    .segmentationType(SegmentationTypeValues.BINARY)
                    .segmentDescriptions(SegTestData.descriptions(1))
                    .build());
    assertTrue(m.getMessage().contains("manufacturer is required"), m.getMessage());
  }

  @Test
  void rejectsUnsupportedTransferSyntaxes() {
    rejects(
        IllegalArgumentException.class,
        "transferSyntaxUid is not supported for segmentations",
        b -> b.transferSyntaxUid(UID.JPEGBaseline8Bit));
    rejects(
        IllegalArgumentException.class,
        "not supported for BINARY segmentations",
        b -> b.transferSyntaxUid(UID.RLELossless));
    rejects(
        IllegalArgumentException.class,
        "not supported for BINARY segmentations",
        b -> b.transferSyntaxUid(UID.JPEGLSLossless));
    rejects(
        IllegalArgumentException.class,
        "TransferSyntaxUID (0002,0010) is big endian",
        b -> b.transferSyntaxUid(UID.ExplicitVRBigEndian));
    rejects(
        IllegalArgumentException.class,
        "transferSyntaxUid is not supported for segmentations",
        b -> b.transferSyntaxUid("1.2.3.4"));
  }

  @Test
  void rejectsPaletteOutsideLabelMaps() {
    int[] lut = new int[3];
    rejects(
        IllegalArgumentException.class,
        "paletteColorLut is only allowed for LABELMAP",
        b -> b.paletteColorLut(lut, lut, lut));
  }

  @Test
  void rejectsPaletteThatMissesSegmentsOrCompetesWithDisplayColours() {
    int[] shortLut = new int[2];
    rejects(
        IllegalArgumentException.class,
        "must cover pixel values 0 to the largest segment number",
        b ->
            b.segmentationType(SegmentationTypeValues.LABELMAP)
                .paletteColorLut(shortLut, shortLut, shortLut));
    int[] lut = new int[3];
    SegmentDescription coloured =
        SegmentDescription.builder(
                2,
                "Coloured",
                SegTestData.organ(),
                SegTestData.organ(),
                SegmentAlgorithmTypeValues.MANUAL)
            .displayColorCIELab(40000, 30000, 30000)
            .build();
    rejects(
        IllegalArgumentException.class,
        "must not set a display colour",
        b ->
            b.segmentationType(SegmentationTypeValues.LABELMAP)
                .segmentDescriptions(List.of(SegTestData.manual(1, "a"), coloured))
                .paletteColorLut(lut, lut, lut));
  }

  @Test
  void rejectsMalformedPaletteTables() {
    Segmentation.Builder b = Segmentation.builder();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> b.paletteColorLut(new int[3], new int[2], new int[3]));
    assertTrue(e.getMessage().contains("same length"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> b.paletteColorLut(new int[] {70000}, new int[1], new int[1]));
    assertTrue(e.getMessage().contains("16-bit"), e.getMessage());
  }

  @Test
  void rejectsMaximumFractionalValuesOutsideEightBits() {
    for (int max : new int[] {0, 256}) {
      rejects(
          IllegalArgumentException.class,
          "MaximumFractionalValue (0062,000E)",
          b -> b.segmentationType(SegmentationTypeValues.FRACTIONAL).maxFractionalValue(max));
    }
  }

  @Test
  void rejectsSegmentDescriptionListsHighdicomRejects() {
    rejects(
        IllegalArgumentException.class,
        "segmentDescriptions must not be empty",
        b -> b.segmentDescriptions(List.of()));
    rejects(
        IllegalArgumentException.class,
        "should be numbered starting from 1 (expected 1). Found 2.",
        b -> b.segmentDescriptions(SegTestData.descriptions(2, 3)));
    rejects(
        IllegalArgumentException.class,
        "numbered consecutively",
        b -> b.segmentDescriptions(SegTestData.descriptions(1, 3)));
    rejects(
        IllegalArgumentException.class,
        "numbered consecutively",
        b -> b.segmentDescriptions(SegTestData.descriptions(1, 3, 2)));
    rejects(
        IllegalArgumentException.class,
        "unique segment numbers",
        b -> b.segmentDescriptions(SegTestData.descriptions(1, 1)));
    rejects(
        IllegalArgumentException.class,
        "unique segment numbers",
        b ->
            b.segmentationType(SegmentationTypeValues.LABELMAP)
                .segmentDescriptions(SegTestData.descriptions(2, 1, 2)));
  }

  @Test
  void rejectsLabelsWithoutDescriptions() {
    rejects(
        IllegalArgumentException.class,
        "pixelArray contains segments that lack descriptions",
        b -> b.pixelArray(labels(3)));
    rejects(
        IllegalArgumentException.class,
        "lack descriptions (expected a segment description for every value): 2",
        b ->
            b.segmentationType(SegmentationTypeValues.LABELMAP)
                .segmentDescriptions(SegTestData.descriptions(1, 5)));
  }

  @Test
  void rejectsStackedSegmentsThatDoNotMatchTheDescriptions() {
    NdArray stacked = NdArray.zeros(DType.BOOL, 3, 8, 8, 3);
    rejects(
        IllegalArgumentException.class,
        "pixelArray has 3 segments on its last axis (expected one per segment description: 2)",
        b -> b.pixelArray(stacked));
  }

  @Test
  void rejectsOverlappingSegmentsForLabelMaps() {
    NdArray stacked = NdArray.zeros(DType.UINT8, 3, 8, 8, 2);
    stacked.setDouble(1, 1, 2, 2, 0);
    stacked.setDouble(1, 1, 2, 2, 1);
    rejects(
        IllegalArgumentException.class,
        "use BINARY if segments overlap",
        b -> b.segmentationType(SegmentationTypeValues.LABELMAP).pixelArray(stacked));
  }

  @Test
  void rejectsPixelValuesThatAreNotSegmentMasks() {
    NdArray nonBinary = NdArray.zeros(DType.UINT8, 3, 8, 8, 2);
    nonBinary.setDouble(2, 0, 0, 0, 0);
    rejects(IllegalArgumentException.class, "must be binary", b -> b.pixelArray(nonBinary));
    NdArray outOfRange = NdArray.zeros(DType.FLOAT32, 3, 8, 8, 2);
    outOfRange.setDouble(1.5, 0, 0, 0, 1);
    rejects(
        IllegalArgumentException.class,
        "must lie in [0, 1]",
        b -> b.segmentationType(SegmentationTypeValues.FRACTIONAL).pixelArray(outOfRange));
    NdArray nan = NdArray.zeros(DType.FLOAT64, 3, 8, 8, 2);
    nan.setDouble(Double.NaN, 0, 0, 0, 1);
    rejects(
        IllegalArgumentException.class,
        "must lie in [0, 1]",
        b -> b.segmentationType(SegmentationTypeValues.FRACTIONAL).pixelArray(nan));
    NdArray half = NdArray.zeros(DType.FLOAT32, 3, 8, 8, 2);
    half.setDouble(0.5, 0, 0, 0, 1);
    rejects(
        IllegalArgumentException.class,
        "must be 0.0 or 1.0 unless the segmentation type is FRACTIONAL",
        b -> b.pixelArray(half));
    NdArray negative = NdArray.zeros(DType.INT16, 3, 8, 8);
    negative.setDouble(-1, 2, 0, 0);
    rejects(
        IllegalArgumentException.class,
        "must not contain negative values",
        b -> b.pixelArray(negative));
  }

  @Test
  void rejectsArraysOfTheWrongShape() {
    rejects(
        IllegalArgumentException.class,
        "pixelArray must be a 2D, 3D or 4D array",
        b -> b.pixelArray(NdArray.zeros(DType.UINT8, 64)));
    rejects(
        IllegalArgumentException.class,
        "pixelArray has 2 frames (expected one per source image: 3)",
        b -> b.pixelArray(NdArray.zeros(DType.UINT8, 2, 8, 8)));
    rejects(
        IllegalArgumentException.class,
        "(expected the source images' Rows x Columns 8 x 8",
        b -> b.pixelArray(NdArray.zeros(DType.UINT8, 3, 8, 9)));
    rejects(
        IllegalArgumentException.class,
        "must not have an empty axis",
        b -> b.pixelArray(NdArray.zeros(DType.UINT8, 3, 0, 8)));
    DicomDataset mf = SegTestData.enhancedCt(4, 8, 8);
    rejects(
        IllegalArgumentException.class,
        "(expected one per source frame: 4)",
        b -> b.sourceImages(List.of(mf)));
  }

  @Test
  void rejectsInconsistentPlanePositions() {
    rejects(
        IllegalArgumentException.class,
        "planePositions has 2 positions (expected one per frame of pixelArray: 3)",
        b -> b.planePositions(new double[][] {{0, 0, 0}, {0, 0, 1}}));
    rejects(
        IllegalArgumentException.class,
        "planePositions contain duplicate plane positions",
        b -> b.planePositions(new double[][] {{0, 0, 0}, {0, 0, 1}, {0, 0, 1}}));
    rejects(
        IllegalArgumentException.class,
        "planePositions[1] must be 3 finite coordinates",
        b -> b.planePositions(new double[][] {{0, 0, 0}, {0, 0, Double.NaN}, {0, 0, 2}}));
    rejects(
        IllegalArgumentException.class,
        "planeOrientation must be two orthogonal unit vectors",
        b -> b.planeOrientation(1, 0, 0, 1, 0, 0));
    rejects(
        IllegalArgumentException.class,
        "planeOrientation must have 6 direction cosines",
        b -> b.planeOrientation(1, 0, 0));
    rejects(
        IllegalArgumentException.class,
        "pixelMeasures spacings and thickness must be positive",
        b -> b.pixelMeasures(0, 1, 1, null));
    rejects(
        IllegalArgumentException.class,
        "spacingBetweenSlices must be positive",
        b -> b.pixelMeasures(1, 1, 1, -2.0));
  }

  @Test
  void rejectsPlanePositionsForSourcesWithoutFrameOfReference() {
    List<DicomDataset> noFor = new ArrayList<>();
    for (DicomDataset s : SLICES) {
      DicomDataset c = s.deepCopy();
      c.remove(Tag.FrameOfReferenceUID);
      noFor.add(c);
    }
    rejects(
        IllegalArgumentException.class,
        "require source images with a frame of reference",
        b ->
            b.sourceImages(noFor).planePositions(new double[][] {{0, 0, 0}, {0, 0, 1}, {0, 0, 2}}));
  }

  @Test
  void rejectsDimensionOrganisationsItCannotHonour() {
    rejects(
        IllegalArgumentException.class,
        "dimensionOrganizationType TILED_FULL requires a tiled source image",
        b -> b.dimensionOrganizationType(DimensionOrganizationTypeValues.TILED_FULL));
    rejects(
        IllegalArgumentException.class,
        "dimensionOrganizationType 3D_TEMPORAL is not supported",
        b ->
            b.dimensionOrganizationType(
                DimensionOrganizationTypeValues.THREE_DIMENSIONAL_TEMPORAL));
    rejects(
        IllegalArgumentException.class,
        "3D requires frames that form a volume",
        b ->
            b.dimensionOrganizationType(DimensionOrganizationTypeValues.THREE_DIMENSIONAL)
                .planePositions(new double[][] {{0, 0, 0}, {5, 0, 1}, {0, 0, 2}}));
  }

  @Test
  void rejectsContentAttributesThatBreakTheirVr() {
    rejects(
        IllegalArgumentException.class,
        "ContentLabel (0070,0080) is not a valid code string",
        b -> b.contentLabel("liver seg"));
    rejects(
        IllegalArgumentException.class,
        "ContentDescription (0070,0081) is too long for LO",
        b -> b.contentDescription("x".repeat(65)));
    rejects(
        IllegalArgumentException.class,
        "ContentCreatorName (0070,0084) is not a valid person name",
        b -> b.contentCreatorName("a=b=c=d"));
  }

  @Test
  void rejectsIdentityValuesOutOfRange() {
    rejects(
        IllegalArgumentException.class,
        "SeriesNumber (0020,0011) must be positive",
        b -> b.seriesNumber(0));
    rejects(
        IllegalArgumentException.class,
        "InstanceNumber (0020,0013) must be positive",
        b -> b.instanceNumber(-3));
    rejects(
        IllegalArgumentException.class,
        "Manufacturer (0008,0070) is too long for LO (expected at most 64 characters)",
        b -> b.manufacturer("m".repeat(65)));
    rejects(
        IllegalArgumentException.class,
        "SOPInstanceUID (0008,0018) is not a valid UID",
        b -> b.sopInstanceUid("1.02.3"));
  }
}
