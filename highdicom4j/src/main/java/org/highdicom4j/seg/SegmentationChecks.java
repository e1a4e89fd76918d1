package org.highdicom4j.seg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.DimensionOrganizationTypeValues;
import org.highdicom4j.ValueRepresentations;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;

/**
 * The consistency checks {@link Segmentation.Builder#build()} makes on its inputs, in the order it
 * makes them: source images, transfer syntax, the options that depend on the Segmentation Type
 * (0062,0001), a {@code Volume} pixel array, tiling options, segment descriptions against the pixel
 * array and Dimension Organization Type (0020,9311). They live apart from {@link
 * SegmentationAssembler}, which writes the data set, so that the builder's rules can be read in one
 * place. Each throws {@link IllegalArgumentException} whose message names the builder parameter.
 */
final class SegmentationChecks {
  private SegmentationChecks() {}

  // Checks of single builder options, made when the option is set.

  /** Plane positions: (x, y, z) finite coordinates each; returns a deep copy. */
  static double[][] planePositions(double[][] positions) {
    Objects.requireNonNull(positions, "planePositions");
    double[][] copy = new double[positions.length][];
    for (int i = 0; i < positions.length; i++) {
      double[] p = Objects.requireNonNull(positions[i], "planePositions element");
      if (p.length != 3 || !Double.isFinite(p[0] + p[1] + p[2])) {
        throw new IllegalArgumentException(
            "planePositions["
                + i
                + "] must be 3 finite coordinates (expected x, y, z in mm): "
                + Arrays.toString(p));
      }
      copy[i] = p.clone();
    }
    return copy;
  }

  /** Image Orientation (Patient): two orthogonal unit vectors; returns a copy. */
  static double[] planeOrientation(double[] cosines) {
    Objects.requireNonNull(cosines, "planeOrientation");
    if (cosines.length != 6) {
      throw new IllegalArgumentException(
          "planeOrientation must have 6 direction cosines (expected row x, y, z then column x,"
              + " y, z): "
              + cosines.length);
    }
    double rr = Planes.dot(cosines, 0, cosines, 0);
    double cc = Planes.dot(cosines, 3, cosines, 3);
    double rc = Planes.dot(cosines, 0, cosines, 3);
    if (Math.abs(rr - 1) > 1e-4 || Math.abs(cc - 1) > 1e-4 || Math.abs(rc) > 1e-4) {
      throw new IllegalArgumentException(
          "planeOrientation must be two orthogonal unit vectors (expected |row| = |column| = 1"
              + " and row . column = 0): "
              + Arrays.toString(cosines));
    }
    return cosines.clone();
  }

  /** Pixel Measures: positive spacings and thickness. */
  static void checkPixelMeasures(
      double rowSpacing, double columnSpacing, double sliceThickness, Double spacingBetweenSlices) {
    if (!(rowSpacing > 0) || !(columnSpacing > 0) || !(sliceThickness > 0)) {
      throw new IllegalArgumentException(
          "pixelMeasures spacings and thickness must be positive (expected > 0 mm): "
              + rowSpacing
              + ", "
              + columnSpacing
              + ", "
              + sliceThickness);
    }
    if (spacingBetweenSlices != null && !(spacingBetweenSlices > 0)) {
      throw new IllegalArgumentException(
          "pixelMeasures spacingBetweenSlices must be positive (expected > 0 mm): "
              + spacingBetweenSlices);
    }
  }

  /** Tile size: fits Rows and Columns (US). */
  static void checkTileSize(int rows, int columns) {
    if (rows < 1 || columns < 1 || rows > 65535 || columns > 65535) {
      throw new IllegalArgumentException(
          "tileSize must be positive and fit Rows/Columns (0028,0010/0011) (expected 1..65535):"
              + " "
              + rows
              + " x "
              + columns);
    }
  }

  /** Palette colour LUT: three equal-length 16-bit tables of 1 to 65536 entries; returns copies. */
  static int[][] paletteColorLut(int[] red, int[] green, int[] blue) {
    Objects.requireNonNull(red, "red");
    Objects.requireNonNull(green, "green");
    Objects.requireNonNull(blue, "blue");
    if (red.length != green.length
        || red.length != blue.length
        || red.length == 0
        || red.length > 65536) {
      throw new IllegalArgumentException(
          "paletteColorLut red, green and blue must have the same length, 1 to 65536 (expected"
              + " equal lengths): "
              + red.length
              + ", "
              + green.length
              + ", "
              + blue.length);
    }
    for (int[] lut : new int[][] {red, green, blue}) {
      for (int v : lut) {
        if (v < 0 || v > 65535) {
          throw new IllegalArgumentException(
              "paletteColorLut entries must be 16-bit (expected 0..65535): " + v);
        }
      }
    }
    return new int[][] {red.clone(), green.clone(), blue.clone()};
  }

  // Checks of the options together, made by build().

  /** Source images: one series, or one multi-frame image, with the UIDs the references need. */
  static void checkSources(Segmentation.Builder b) {
    if (b.sourceImages.isEmpty()) {
      throw new IllegalArgumentException(
          "sourceImages must not be empty (expected at least one source image)");
    }
    DicomDataset first = b.sourceImages.get(0);
    if (first.contains(Tag.NumberOfFrames) && b.sourceImages.size() > 1) {
      throw new IllegalArgumentException(
          "sourceImages must hold only one image when it is multi-frame (expected 1 image): "
              + b.sourceImages.size());
    }
    for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPClassUID}) {
      String v = first.getString(tag);
      if (v == null) {
        throw new IllegalArgumentException(
            "sourceImages[0] lacks " + ValueRepresentations.describe(tag) + " (expected a UID)");
      }
    }
    // Every source is referenced by SOP Class and Instance UID (Type 1 in the reference items).
    for (int i = 0; i < b.sourceImages.size(); i++) {
      for (int tag : new int[] {Tag.SOPClassUID, Tag.SOPInstanceUID}) {
        if (b.sourceImages.get(i).getString(tag) == null) {
          throw new IllegalArgumentException(
              "sourceImages["
                  + i
                  + "] lacks "
                  + ValueRepresentations.describe(tag)
                  + " (expected a UID)");
        }
      }
    }
    for (int i = 1; i < b.sourceImages.size(); i++) {
      DicomDataset s = b.sourceImages.get(i);
      if (!Objects.equals(s.getString(Tag.StudyInstanceUID), first.getString(Tag.StudyInstanceUID))
          || !Objects.equals(
              s.getString(Tag.SeriesInstanceUID), first.getString(Tag.SeriesInstanceUID))) {
        throw new IllegalArgumentException(
            "sourceImages must all be part of the same study and series (mixed source series):"
                + " sourceImages["
                + i
                + "] has SeriesInstanceUID "
                + s.getString(Tag.SeriesInstanceUID));
      }
      if (s.getInt(Tag.Rows, -1) != first.getInt(Tag.Rows, -1)
          || s.getInt(Tag.Columns, -1) != first.getInt(Tag.Columns, -1)) {
        throw new IllegalArgumentException(
            "sourceImages must all have the same Rows (0028,0010) and Columns (0028,0011)"
                + " (expected "
                + first.getInt(Tag.Rows, -1)
                + " x "
                + first.getInt(Tag.Columns, -1)
                + "): sourceImages["
                + i
                + "] is "
                + s.getInt(Tag.Rows, -1)
                + " x "
                + s.getInt(Tag.Columns, -1));
      }
      if (s.contains(Tag.NumberOfFrames)) {
        throw new IllegalArgumentException(
            "sourceImages must hold only one image when it is multi-frame (expected 1 image): "
                + b.sourceImages.size());
      }
    }
  }

  /** The transfer syntaxes a segmentation of the type may be encoded in. */
  static void checkTransferSyntax(SegmentationTypeValues type, String ts) {
    boolean nativeTs =
        ts.equals(UID.ExplicitVRLittleEndian) || ts.equals(UID.ImplicitVRLittleEndian);
    boolean j2k = ts.equals(UID.JPEG2000Lossless);
    boolean other = ts.equals(UID.RLELossless) || ts.equals(UID.JPEGLSLossless);
    if (!(nativeTs || j2k || other)) {
      throw new IllegalArgumentException(
          "transferSyntaxUid is not supported for segmentations (expected Explicit or Implicit"
              + " VR Little Endian, RLE Lossless, JPEG-LS Lossless or JPEG 2000 Lossless): "
              + ts);
    }
    if (type == SegmentationTypeValues.BINARY && other) {
      throw new IllegalArgumentException(
          "transferSyntaxUid is not supported for BINARY segmentations (expected Explicit or"
              + " Implicit VR Little Endian or JPEG 2000 Lossless): "
              + ts);
    }
  }

  /** Options valid only for some Segmentation Types, and the presence of segment descriptions. */
  static void checkOptions(Segmentation.Builder b, SegmentationTypeValues type) {
    boolean labelmap = type == SegmentationTypeValues.LABELMAP;
    if (b.paletteLut != null && !labelmap) {
      throw new IllegalArgumentException(
          "paletteColorLut is only allowed for LABELMAP segmentations (expected LABELMAP): "
              + type.value());
    }
    if (type == SegmentationTypeValues.FRACTIONAL
        && (b.maxFractionalValue < 1 || b.maxFractionalValue > 255)) {
      throw new IllegalArgumentException(
          "MaximumFractionalValue (0062,000E) must fit 8-bit pixels (expected 1..255): "
              + b.maxFractionalValue);
    }
    if (b.segmentDescriptions.isEmpty()) {
      throw new IllegalArgumentException(
          "segmentDescriptions must not be empty (expected one description per segment)");
    }
  }

  /** The {@code Volume} pixel array checked against the other options; null for an NdArray. */
  static VolumeInput volumeInput(Segmentation.Builder b) {
    if (b.pixelVolume == null) {
      return null;
    }
    if (TiledSource.isTiled(b.sourceImages.get(0))) {
      throw new IllegalArgumentException(
          "pixelArray(Volume) is not possible with a tiled source image (expected the total"
              + " pixel matrix as an NdArray with tilePixelArray(true))");
    }
    VolumeInput volumeInput =
        VolumeInput.of(
            b.pixelVolume,
            b.planePositions != null || b.planeOrientation != null || b.pixelSpacing != null);
    volumeInput.checkSegmentNumbers(b.segmentDescriptions);
    return volumeInput;
  }

  /**
   * The segment descriptions against the type, the palette and the pixel array.
   *
   * @return the descriptions sorted by Segment Number (0062,0004)
   */
  static List<SegmentDescription> checkDescriptions(
      Segmentation.Builder b, SegmentationTypeValues type, SegmentationInput input) {
    List<SegmentDescription> sorted = new ArrayList<>(b.segmentDescriptions);
    sorted.sort(Comparator.comparingInt(SegmentDescription::segmentNumber));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).segmentNumber() == sorted.get(i - 1).segmentNumber()) {
        throw new IllegalArgumentException(
            "segmentDescriptions must have unique segment numbers (expected no duplicates): "
                + sorted.get(i).segmentNumber());
      }
    }
    if (type != SegmentationTypeValues.LABELMAP) {
      int firstNumber = b.segmentDescriptions.get(0).segmentNumber();
      if (firstNumber != 1) {
        throw new IllegalArgumentException(
            "segmentDescriptions should be numbered starting from 1 (expected 1). Found "
                + firstNumber
                + ".");
      }
      for (int i = 0; i < b.segmentDescriptions.size(); i++) {
        if (b.segmentDescriptions.get(i).segmentNumber() != i + 1) {
          throw new IllegalArgumentException(
              "segmentDescriptions must be numbered consecutively in order (expected "
                  + (i + 1)
                  + " at index "
                  + i
                  + "): "
                  + b.segmentDescriptions.get(i).segmentNumber());
        }
      }
    }
    if (b.paletteLut != null) {
      for (SegmentDescription d : sorted) {
        if (d.displayColorCIELab().isPresent()) {
          throw new IllegalArgumentException(
              "segmentDescriptions must not set a display colour when paletteColorLut is given"
                  + " (expected no RecommendedDisplayCIELabValue (0062,000D)): segment "
                  + d.segmentNumber());
        }
      }
      int needed = sorted.get(sorted.size() - 1).segmentNumber() + 1;
      if (b.paletteLut[0].length < needed) {
        throw new IllegalArgumentException(
            "paletteColorLut must cover pixel values 0 to the largest segment number (expected"
                + " at least "
                + needed
                + " entries): "
                + b.paletteLut[0].length);
      }
    }
    if (input.stacked()) {
      if (input.channels() != sorted.size()) {
        throw new IllegalArgumentException(
            "pixelArray has "
                + input.channels()
                + " segments on its last axis (expected one per segment description: "
                + sorted.size()
                + ")");
      }
      if (type == SegmentationTypeValues.LABELMAP && input.overlap()) {
        throw new IllegalArgumentException(
            "pixelArray segments overlap (expected no overlap for LABELMAP; use BINARY if"
                + " segments overlap)");
      }
    } else {
      boolean[] described = new boolean[input.maxLabel() + 1];
      for (SegmentDescription d : sorted) {
        if (d.segmentNumber() < described.length) {
          described[d.segmentNumber()] = true;
        }
      }
      for (int v = 1; v < described.length; v++) {
        if (!described[v] && input.labelPresentAnywhere(v)) {
          throw new IllegalArgumentException(
              "pixelArray contains segments that lack descriptions (expected a segment"
                  + " description for every value): "
                  + v);
        }
      }
    }
    return sorted;
  }

  /** Places the pixel array on the tiles of a tiled source; null for other sources. */
  static SlidePlanes slidePlanes(Segmentation.Builder b) {
    DicomDataset first = b.sourceImages.get(0);
    if (!TiledSource.isTiled(first)) {
      if (b.tilePixelArray) {
        throw new IllegalArgumentException(
            "tilePixelArray requires a tiled source image (expected TotalPixelMatrixRows"
                + " (0048,0007), TotalPixelMatrixColumns (0048,0006) and NumberOfFrames in"
                + " sourceImages[0])");
      }
      if (b.tileSize != null) {
        throw new IllegalArgumentException(
            "tileSize requires a tiled source image and tilePixelArray(true) (expected"
                + " TotalPixelMatrixRows (0048,0007) in sourceImages[0])");
      }
      return null;
    }
    return SlidePlanes.of(b, TiledSource.of(first), b.pixelArray);
  }

  /** The Dimension Organization Type requested or implied by the planes; null for none. */
  static DimensionOrganizationTypeValues dimensionOrganization(
      Segmentation.Builder b, Planes planes) {
    DimensionOrganizationTypeValues t = b.dimensionOrganizationType;
    if (planes.slide != null) {
      if (t == null || t == DimensionOrganizationTypeValues.TILED_SPARSE) {
        return DimensionOrganizationTypeValues.TILED_SPARSE;
      }
      if (t != DimensionOrganizationTypeValues.TILED_FULL) {
        throw new IllegalArgumentException(
            "dimensionOrganizationType "
                + t.value()
                + " is not possible for a tiled source (expected TILED_SPARSE or TILED_FULL)");
      }
      if (!planes.slide.coversMatrixInOrder()) {
        throw new IllegalArgumentException(
            "dimensionOrganizationType TILED_FULL requires frames that cover the total pixel"
                + " matrix tile by tile (expected every tile of one focal plane exactly once)");
      }
      return t;
    }
    if (t == DimensionOrganizationTypeValues.TILED_SPARSE
        || t == DimensionOrganizationTypeValues.TILED_FULL) {
      throw new IllegalArgumentException(
          "dimensionOrganizationType "
              + t.value()
              + " requires a tiled source image (expected TotalPixelMatrixRows (0048,0007) in"
              + " sourceImages[0])");
    }
    if (t == null) {
      return planes.volume && planes.order.length > 1
          ? DimensionOrganizationTypeValues.THREE_DIMENSIONAL
          : null;
    }
    if (t != DimensionOrganizationTypeValues.THREE_DIMENSIONAL) {
      throw new IllegalArgumentException(
          "dimensionOrganizationType "
              + t.value()
              + " is not supported (expected 3D, or TILED_SPARSE/TILED_FULL for tiled sources)");
    }
    if (!planes.volume) {
      throw new IllegalArgumentException(
          "dimensionOrganizationType 3D requires frames that form a volume (expected equally"
              + " spaced parallel planes along one normal)");
    }
    return t;
  }
}
