package org.highdicom4j.seg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.highdicom4j.ChannelDescriptor;
import org.highdicom4j.CoordinateSystemNames;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.internal.Mat;

/**
 * A {@link Volume} given as the pixel array of a segmentation (highdicom 0.24+): its array is the
 * label map or the stacked segments, and its affine gives every plane's Image Position (Patient),
 * the shared Image Orientation (Patient) and the Pixel Measures, one frame per slice along axis 0.
 *
 * <p>Each slice is matched with the source frames to infer its Derivation Image reference: a slice
 * lying in the plane of a source frame references that frame, with Spatial Locations Preserved YES
 * when position, orientation, pixel spacing, rows and columns all coincide (the pixel grids are the
 * same) and NO otherwise (cropped, resampled in-plane, rotated or flipped within the plane). A
 * slice that lies in no source plane — between source slices, or across them after a through-plane
 * permutation — references none.
 */
final class VolumeInput {
  /** Position tolerance in mm, as for explicit plane positions. */
  private static final double POSITION_TOLERANCE = 1e-3;

  /** Tolerance of direction cosines (unit vectors). */
  private static final double DIRECTION_TOLERANCE = 1e-4;

  /** Tolerance of pixel spacings, relative. */
  private static final double SPACING_TOLERANCE = 1e-4;

  private static final String SEGMENT_NUMBER = "SegmentNumber";

  private final Volume volume;

  private VolumeInput(Volume volume) {
    this.volume = volume;
  }

  /**
   * Checks that a volume can be a segmentation's pixel array with the builder's other options.
   *
   * @param volume the volume
   * @param explicitGeometry whether planePositions, planeOrientation or pixelMeasures were set
   * @return the input
   * @throws IllegalArgumentException when explicit geometry is given too, the volume is not in the
   *     patient coordinate system or has channels other than one SegmentNumber axis
   */
  static VolumeInput of(Volume volume, boolean explicitGeometry) {
    if (explicitGeometry) {
      throw new IllegalArgumentException(
          "planePositions, planeOrientation and pixelMeasures should not be provided if"
              + " pixelArray is a Volume (expected the geometry of the volume's affine only)");
    }
    if (volume.coordinateSystem() != CoordinateSystemNames.PATIENT) {
      throw new IllegalArgumentException(
          "pixelArray volume must be in the PATIENT coordinate system (expected PATIENT; tiled"
              + " slide sources are not supported with a Volume): "
              + volume.coordinateSystem());
    }
    int channelAxes = volume.numberOfChannelDimensions();
    if (channelAxes == 1) {
      ChannelDescriptor d = volume.channelDescriptors().get(0);
      if (!SEGMENT_NUMBER.equals(d.keyword())) {
        throw new IllegalArgumentException(
            "Input volume should have no channels other than 'SegmentNumber'.");
      }
    } else if (channelAxes != 0) {
      throw new IllegalArgumentException(
          "If 'pixelArray' is a Volume, it should have 0 or 1 channel dimensions (expected a"
              + " label map or one 'SegmentNumber' axis): "
              + channelAxes);
    }
    return new VolumeInput(volume);
  }

  /** Returns the array to segment: (slices, rows, columns) or (slices, rows, columns, segments). */
  NdArray array() {
    return volume.array();
  }

  /**
   * Checks that the SegmentNumber channel values of stacked input equal the described segment
   * numbers in ascending order (the order in which stacked channels are assigned to segments).
   *
   * @param descriptions the segment descriptions as given
   * @throws IllegalArgumentException "Segment numbers in the input volume do not match the
   *     described segments." otherwise
   */
  void checkSegmentNumbers(List<SegmentDescription> descriptions) {
    if (volume.numberOfChannelDimensions() == 0) {
      return;
    }
    int[] described =
        descriptions.stream().mapToInt(SegmentDescription::segmentNumber).sorted().toArray();
    List<Object> values = volume.getChannelValues(SEGMENT_NUMBER);
    List<Integer> numbers = new ArrayList<>();
    for (Object v : values) {
      numbers.add(v instanceof Number n ? n.intValue() : -1);
    }
    boolean match = numbers.size() == described.length;
    for (int k = 0; match && k < described.length; k++) {
      match = numbers.get(k) == described[k];
    }
    if (!match) {
      throw new IllegalArgumentException(
          "Segment numbers in the input volume do not match the described segments."
              + " SegmentNumber channel values (expected "
              + Arrays.toString(described)
              + "): "
              + numbers);
    }
  }

  /**
   * Computes the planes: geometry from the affine, references inferred from the source frames.
   *
   * @param src the source images' geometry
   * @return the planes
   * @throws IllegalArgumentException when the sources have no frame of reference or another one
   *     than the volume
   */
  Planes planes(SourceGeometry src) {
    if (src.frameOfReferenceUid == null) {
      throw new IllegalArgumentException(
          "pixelArray as a Volume requires source images with a frame of reference (expected"
              + " FrameOfReferenceUID (0020,0052) in the sources)");
    }
    String volumeFor = volume.frameOfReferenceUid();
    if (volumeFor != null && !volumeFor.equals(src.frameOfReferenceUid)) {
      throw new IllegalArgumentException(
          "pixelArray volume has FrameOfReferenceUID (0020,0052) of another frame of reference"
              + " than the source images (expected "
              + src.frameOfReferenceUid
              + "): "
              + volumeFor);
    }
    int[] shape = volume.spatialShape();
    int n = shape[0];
    double[][] affine = volume.affine();
    double[][] positions = new double[n][];
    for (int k = 0; k < n; k++) {
      positions[k] = Mat.applyAffine(affine, new double[] {k, 0, 0});
    }
    double[] orientation = volume.directionCosines();
    double[] spacing = volume.pixelSpacing();
    double between = volume.spacingBetweenSlices();
    int[] sourceFrame = new int[n];
    boolean[] preserved = new boolean[n];
    Arrays.fill(sourceFrame, -1);
    if (src.hasGeometry()) {
      boolean sameGrid =
          shape[1] == src.rows
              && shape[2] == src.columns
              && close(orientation, src.orientation, DIRECTION_TOLERANCE)
              && closeRelative(spacing, src.pixelSpacing);
      double[] srcNormal = normal(src.orientation);
      boolean parallel =
          Math.abs(Math.abs(Mat.dot(normal(orientation), srcNormal)) - 1) <= DIRECTION_TOLERANCE;
      for (int k = 0; parallel && k < n; k++) {
        int f = coplanarFrame(positions[k], srcNormal, src);
        if (f >= 0) {
          sourceFrame[k] = f;
          preserved[k] = sameGrid && close(positions[k], src.positions[f], POSITION_TOLERANCE);
        }
      }
    }
    return Planes.arrange(
        positions, orientation, spacing, between, between, sourceFrame, preserved, "pixelArray");
  }

  /** Returns the source frame in whose plane a point lies (the nearest one), or -1. */
  private static int coplanarFrame(double[] point, double[] srcNormal, SourceGeometry src) {
    int best = -1;
    double bestDistance = POSITION_TOLERANCE;
    for (int f = 0; f < src.frames; f++) {
      double distance = Math.abs(Mat.dot(Mat.subtract(point, src.positions[f]), srcNormal));
      if (distance <= bestDistance) {
        best = f;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static double[] normal(double[] orientation) {
    double[] row = Arrays.copyOfRange(orientation, 0, 3);
    double[] column = Arrays.copyOfRange(orientation, 3, 6);
    double[] n = Mat.cross(row, column);
    return Mat.scale(n, 1 / Mat.norm(n));
  }

  private static boolean close(double[] a, double[] b, double tolerance) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > tolerance) {
        return false;
      }
    }
    return true;
  }

  private static boolean closeRelative(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > SPACING_TOLERANCE * Math.max(Math.abs(a[i]), Math.abs(b[i]))) {
        return false;
      }
    }
    return true;
  }
}
