package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The geometry of the planes (axis 0) of a segmentation pixel array: position, orientation and
 * pixel measures of each, the source frame each one is derived from, their order along the slice
 * normal and whether they form a regular volume (Dimension Organization Type 3D).
 */
final class Planes {
  /** Relative tolerance, in mm, of position comparisons. */
  private static final double TOLERANCE = 1e-3;

  /** Whether planes have positions in a patient frame of reference. */
  final boolean geometry;

  final double[][] positions;
  final double[] orientation;
  final double[] pixelSpacing;
  final Double sliceThickness;
  final Double spacingBetweenSlices;

  /** Per plane: index of the source frame it is derived from, or -1. */
  final int[] sourceFrame;

  /**
   * Per plane: whether the pixels keep the spatial locations of the source frame it references
   * (Spatial Locations Preserved (0028,135A) YES, else NO); null when every reference preserves
   * them.
   */
  private final boolean[] preserved;

  /** Plane indices in output order (along the normal when there is geometry). */
  final int[] order;

  /** Per plane: 1-based index of its position in {@link #order}. */
  final int[] positionIndex;

  final boolean volume;

  /** The tiles of a tiled slide source (SLIDE coordinate system), else null. */
  final SlidePlanes slide;

  private Planes(
      boolean geometry,
      double[][] positions,
      double[] orientation,
      double[] pixelSpacing,
      Double sliceThickness,
      Double spacingBetweenSlices,
      int[] sourceFrame,
      boolean[] preserved,
      int[] order,
      int[] positionIndex,
      boolean volume) {
    this.geometry = geometry;
    this.positions = positions;
    this.orientation = orientation;
    this.pixelSpacing = pixelSpacing;
    this.sliceThickness = sliceThickness;
    this.spacingBetweenSlices = spacingBetweenSlices;
    this.sourceFrame = sourceFrame;
    this.preserved = preserved;
    this.order = order;
    this.positionIndex = positionIndex;
    this.volume = volume;
    this.slide = null;
  }

  private Planes(SlidePlanes slide) {
    this.geometry = false;
    this.positions = null;
    this.orientation = null;
    this.pixelSpacing = null;
    this.sliceThickness = null;
    this.spacingBetweenSlices = null;
    this.sourceFrame = slide.sourceFrame;
    // A tile references a source frame only when it coincides with that tile exactly.
    this.preserved = null;
    this.order = slide.order;
    this.positionIndex = new int[slide.order.length];
    this.volume = false;
    this.slide = slide;
  }

  /** Returns the planes of the tiles of a tiled slide source, in TILED_FULL order. */
  static Planes of(SlidePlanes slide) {
    return new Planes(slide);
  }

  static Planes of(Segmentation.Builder b, SourceGeometry src, SegmentationInput input) {
    int n = input.planes();
    double[][] explicit = b.planePositions;
    boolean custom = explicit != null || b.planeOrientation != null || b.pixelSpacing != null;
    if (custom && src.frameOfReferenceUid == null) {
      throw new IllegalArgumentException(
          "planePositions, planeOrientation and pixelMeasures require source images with a frame"
              + " of reference (expected FrameOfReferenceUID (0020,0052) in the sources)");
    }
    if (explicit == null) {
      if (n != src.frames) {
        throw new IllegalArgumentException(
            "pixelArray has "
                + n
                + " frames (expected one per source "
                + (src.multiFrame ? "frame" : "image")
                + ": "
                + src.frames
                + ")");
      }
      if (input.rows() != src.rows || input.columns() != src.columns) {
        throw new IllegalArgumentException(
            "pixelArray frames are "
                + input.rows()
                + " x "
                + input.columns()
                + " (expected the source images' Rows x Columns "
                + src.rows
                + " x "
                + src.columns
                + " unless planePositions are given)");
      }
    } else if (explicit.length != n) {
      throw new IllegalArgumentException(
          "planePositions has "
              + explicit.length
              + " positions (expected one per frame of pixelArray: "
              + n
              + ")");
    }
    if (!src.hasGeometry() && !custom) {
      int[] identity = IntStream.range(0, n).toArray();
      int[] index = new int[n];
      Arrays.fill(index, 1);
      return new Planes(
          false, null, null, null, null, null, identity, null, identity, index, false);
    }
    double[] orientation = b.planeOrientation != null ? b.planeOrientation : src.orientation;
    double[] spacing = b.pixelSpacing != null ? b.pixelSpacing : src.pixelSpacing;
    Double thickness = b.pixelSpacing != null ? b.sliceThickness : src.sliceThickness;
    Double between = b.pixelSpacing != null ? b.spacingBetweenSlices : src.spacingBetweenSlices;
    if (orientation == null || spacing == null) {
      throw new IllegalArgumentException(
          "planeOrientation and pixelMeasures are required when the source images lack them"
              + " (expected ImageOrientationPatient (0020,0037) and PixelSpacing (0028,0030))");
    }
    double[][] positions = explicit != null ? explicit : src.positions;
    if (positions == null) {
      throw new IllegalArgumentException(
          "planePositions are required when the source images lack ImagePositionPatient"
              + " (0020,0032)");
    }
    int[] sourceFrame = new int[n];
    if (explicit == null) {
      for (int p = 0; p < n; p++) {
        sourceFrame[p] = p;
      }
    } else {
      // A plane keeps its source reference when it coincides with a source frame.
      boolean sameGrid =
          src.hasGeometry()
              && input.rows() == src.rows
              && input.columns() == src.columns
              && close(orientation, src.orientation)
              && close(spacing, src.pixelSpacing);
      for (int p = 0; p < n; p++) {
        sourceFrame[p] = -1;
        if (sameGrid) {
          for (int f = 0; f < src.frames; f++) {
            if (close(positions[p], src.positions[f])) {
              sourceFrame[p] = f;
              break;
            }
          }
        }
      }
    }
    return arrange(
        positions,
        orientation,
        spacing,
        thickness,
        between,
        sourceFrame,
        null,
        explicit != null ? "planePositions" : "sourceImages");
  }

  /**
   * Returns whether plane {@code p} keeps the spatial locations of the source frame it references.
   */
  boolean spatialLocationsPreserved(int p) {
    return preserved == null || preserved[p];
  }

  /**
   * Orders planes with known geometry along the normal of their orientation and decides whether
   * they form a volume.
   *
   * @param sourceFrame per plane the source frame it is derived from, or -1
   * @param preserved per plane whether that reference preserves spatial locations, or null for all
   * @param what the parameter the positions come from, for the duplicate-position message
   */
  static Planes arrange(
      double[][] positions,
      double[] orientation,
      double[] spacing,
      Double thickness,
      Double between,
      int[] sourceFrame,
      boolean[] preserved,
      String what) {
    int n = positions.length;
    double[] normal = cross(orientation);
    double[] d = new double[n];
    for (int p = 0; p < n; p++) {
      d[p] = dot(positions[p], 0, normal, 0);
    }
    Integer[] boxed = new Integer[n];
    for (int p = 0; p < n; p++) {
      boxed[p] = p;
    }
    Comparator<Integer> byPosition =
        Comparator.<Integer>comparingDouble(p -> d[p])
            .thenComparingDouble(p -> positions[p][0])
            .thenComparingDouble(p -> positions[p][1])
            .thenComparingDouble(p -> positions[p][2]);
    Arrays.sort(boxed, byPosition);
    int[] order = new int[n];
    int[] index = new int[n];
    for (int r = 0; r < n; r++) {
      order[r] = boxed[r];
      index[order[r]] = r + 1;
      if (r > 0 && close(positions[order[r]], positions[order[r - 1]])) {
        throw new IllegalArgumentException(
            what
                + " contain duplicate plane positions (expected one frame per position): "
                + Arrays.toString(positions[order[r]]));
      }
    }
    boolean volume = isVolume(positions, normal, d, order);
    if (volume && between == null && n > 1) {
      between = minimumGap(d, order);
    }
    return new Planes(
        true,
        positions,
        orientation,
        spacing,
        thickness,
        between,
        sourceFrame,
        preserved,
        order,
        index,
        volume);
  }

  /**
   * Returns whether the positions lie on one line along the normal with gaps that are whole
   * multiples of the smallest gap (missing slices allowed, as after omitting empty frames).
   */
  private static boolean isVolume(double[][] positions, double[] normal, double[] d, int[] order) {
    int n = order.length;
    double[] origin = positions[order[0]];
    for (int r = 1; r < n; r++) {
      double[] p = positions[order[r]];
      double t = d[order[r]] - d[order[0]];
      for (int k = 0; k < 3; k++) {
        if (Math.abs(p[k] - origin[k] - t * normal[k]) > TOLERANCE * Math.max(1, Math.abs(t))) {
          return false;
        }
      }
    }
    if (n < 3) {
      return true;
    }
    double step = minimumGap(d, order);
    for (int r = 1; r < n; r++) {
      double gap = (d[order[r]] - d[order[r - 1]]) / step;
      if (Math.abs(gap - Math.rint(gap)) > 1e-3) {
        return false;
      }
    }
    return true;
  }

  private static double minimumGap(double[] d, int[] order) {
    double min = Double.MAX_VALUE;
    for (int r = 1; r < order.length; r++) {
      min = Math.min(min, d[order[r]] - d[order[r - 1]]);
    }
    return min;
  }

  private static double[] cross(double[] o) {
    return new double[] {
      o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]
    };
  }

  private static boolean close(double[] a, double[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  /** The dot product of the 3-vectors at {@code a[ao]} and {@code b[bo]}. */
  static double dot(double[] a, int ao, double[] b, int bo) {
    return a[ao] * b[bo] + a[ao + 1] * b[bo + 1] + a[ao + 2] * b[bo + 2];
  }

  /**
   * Adds a Pixel Measures Sequence (0028,9110) item to a functional groups item: Pixel Spacing and,
   * when known, Slice Thickness and Spacing Between Slices. Shared by patient and slide planes.
   */
  static void addPixelMeasures(
      DicomDataset group, double[] pixelSpacing, Double sliceThickness, Double between) {
    DicomDataset pm = group.newSequence(Tag.PixelMeasuresSequence).addNewItem();
    pm.setDouble(Tag.PixelSpacing, VR.DS, pixelSpacing);
    if (sliceThickness != null) {
      pm.setDouble(Tag.SliceThickness, VR.DS, sliceThickness);
    }
    if (between != null) {
      pm.setDouble(Tag.SpacingBetweenSlices, VR.DS, between);
    }
  }
}
