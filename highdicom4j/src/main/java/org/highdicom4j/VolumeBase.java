package org.highdicom4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.highdicom4j.internal.Mat;
import org.highdicom4j.spatial.Spatial;

/**
 * Geometry shared by {@link Volume} and {@link VolumeGeometry} (highdicom's {@code _VolumeBase}): a
 * 4 x 4 affine matrix mapping zero-based voxel indices (slice, row, column) to frame-of-reference
 * coordinates (LPS in the patient coordinate system, millimetres), the spatial shape, coordinate
 * system and Frame of Reference UID, and the geometric operations that change them together —
 * indexing with steps, flips, axis permutations, padding, cropping, re-orientation and matching
 * another geometry — all without resampling.
 *
 * <p>Images stack frames down axis 0, rows down axis 1 and columns down axis 2; with that
 * convention {@link #directionCosines()}, {@link #pixelSpacing()} and {@link
 * #spacingBetweenSlices()} give the DICOM attribute values.
 *
 * @param <T> the concrete type returned by operations
 */
public abstract sealed class VolumeBase<T extends VolumeBase<T>> permits Volume, VolumeGeometry {
  final double[][] affine;
  final CoordinateSystemNames coordinateSystem;
  final String frameOfReferenceUid;

  VolumeBase(double[][] affine, CoordinateSystemNames coordinateSystem, String forUid) {
    Objects.requireNonNull(affine, "affine");
    this.coordinateSystem = Objects.requireNonNull(coordinateSystem, "coordinateSystem");
    if (affine.length != 4) {
      throw new IllegalArgumentException("Affine matrix must have shape (4, 4): " + affine.length);
    }
    for (double[] row : affine) {
      if (row == null || row.length != 4) {
        throw new IllegalArgumentException("Affine matrix must have shape (4, 4).");
      }
      for (double v : row) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("Affine matrix must be finite: " + v);
        }
      }
    }
    if (affine[3][0] != 0 || affine[3][1] != 0 || affine[3][2] != 0 || affine[3][3] != 1) {
      throw new IllegalArgumentException(
          "Final row of affine matrix must be [0.0, 0.0, 0.0, 1.0]: " + Arrays.toString(affine[3]));
    }
    for (int j = 0; j < 3; j++) {
      if (Mat.norm(Mat.column3(affine, j)) == 0) {
        throw new IllegalArgumentException(
            "Argument 'affine' must be an orthogonal matrix (a column is zero, so it is"
                + " singular): "
                + Arrays.deepToString(affine));
      }
    }
    if (!Mat.isOrthogonal(affine, false, Spatial.DEFAULT_EQUALITY_TOLERANCE)) {
      throw new IllegalArgumentException(
          "Argument 'affine' must be an orthogonal matrix: " + Arrays.deepToString(affine));
    }
    this.affine = Mat.copy(affine);
    this.frameOfReferenceUid = forUid;
  }

  // ---------------------------------------------------------------- hooks

  /** Returns this as the concrete type. */
  abstract T self();

  /**
   * Returns a new object whose voxel k along axis i is this object's voxel {@code first[i] +
   * k·step[i]}, filling voxels outside this object by {@code mode}, with the given affine.
   */
  abstract T regrid(
      int[] first,
      int[] step,
      int[] size,
      double[][] newAffine,
      PadModes mode,
      double constantValue,
      boolean perChannel);

  /** Returns a new object with spatial axes permuted and the given affine. */
  abstract T permuted(int[] perm, double[][] newAffine);

  // ---------------------------------------------------------------- properties

  /** Returns the number of voxels along the three spatial axes. */
  public abstract int[] spatialShape();

  /** Returns the coordinate system (PATIENT or SLIDE). */
  public CoordinateSystemNames coordinateSystem() {
    return coordinateSystem;
  }

  /** Returns Frame of Reference UID (0020,0052), or null when unknown. */
  public String frameOfReferenceUid() {
    return frameOfReferenceUid;
  }

  /** Returns a copy of the 4 x 4 affine matrix mapping (i, j, k, 1) to LPS (x, y, z, 1). */
  public double[][] affine() {
    return Mat.copy(affine);
  }

  /** Returns the inverse of the affine matrix (LPS coordinates to indices). */
  public double[][] inverseAffine() {
    return Mat.inverse(affine);
  }

  /**
   * Returns the affine matrix in another frame-of-reference convention, e.g. {@code "RAH"} (alias
   * {@code "RAS"}) as used by NIfTI: same indices, coordinates along the axes of the convention.
   *
   * @param outputConvention three letters, one of L/R, A/P, F/H (S/I accepted)
   * @return 4 x 4 matrix
   */
  public double[][] getAffine(String outputConvention) {
    return Spatial.convertAffineToConvention(affine, "LPH", outputConvention);
  }

  /** Returns the spacing along the three axes (column norms of the affine), in millimetres. */
  public double[] spacing() {
    double[] s = new double[3];
    for (int j = 0; j < 3; j++) {
      s[j] = Mat.norm(Mat.column3(affine, j));
    }
    return s;
  }

  /** Returns the direction matrix: columns are unit vectors of increasing index per axis. */
  public double[][] direction() {
    double[] s = spacing();
    double[][] d = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        d[i][j] = affine[i][j] / s[j];
      }
    }
    return d;
  }

  /**
   * Returns the six direction cosines as in Image Orientation (Patient) (0020,0037): along the rows
   * (axis 2), then along the columns (axis 1).
   */
  public double[] directionCosines() {
    double[] r = Mat.scale(Mat.column3(affine, 2), 1 / spacing()[2]);
    double[] c = Mat.scale(Mat.column3(affine, 1), 1 / spacing()[1]);
    return new double[] {r[0], r[1], r[2], c[0], c[1], c[2]};
  }

  /** Returns Pixel Spacing (0028,0030): spacing between rows (axis 1), then columns (axis 2). */
  public double[] pixelSpacing() {
    double[] s = spacing();
    return new double[] {s[1], s[2]};
  }

  /** Returns the spacing between slices (axis 0) in millimetres. */
  public double spacingBetweenSlices() {
    return spacing()[0];
  }

  /** Returns the volume of one voxel in cubic millimetres. */
  public double voxelVolume() {
    double[] s = spacing();
    return s[0] * s[1] * s[2];
  }

  /** Returns the position of the centre of voxel (0, 0, 0). */
  public double[] position() {
    return new double[] {affine[0][3], affine[1][3], affine[2][3]};
  }

  /** Returns the side lengths (extent × spacing) in millimetres. */
  public double[] physicalExtent() {
    double[] s = spacing();
    int[] n = spatialShape();
    return new double[] {n[0] * s[0], n[1] * s[1], n[2] * s[2]};
  }

  /** Returns the total volume in cubic millimetres. */
  public double physicalVolume() {
    int[] n = spatialShape();
    return voxelVolume() * n[0] * n[1] * n[2];
  }

  /** Returns the continuous index of the volume centre: (n − 1) / 2 per axis. */
  public double[] centerIndices() {
    int[] n = spatialShape();
    return new double[] {(n[0] - 1) / 2.0, (n[1] - 1) / 2.0, (n[2] - 1) / 2.0};
  }

  /** Returns the index of the voxel at the centre, rounded down: (n − 1) / 2 per axis. */
  public int[] nearestCenterIndices() {
    int[] n = spatialShape();
    return new int[] {(n[0] - 1) / 2, (n[1] - 1) / 2, (n[2] - 1) / 2};
  }

  /** Returns the frame-of-reference position of the volume centre. */
  public double[] centerPosition() {
    return Mat.applyAffine(affine, centerIndices());
  }

  /** Returns the vectors between neighbouring voxel centres along axes 0, 1 and 2. */
  public double[][] spacingVectors() {
    return new double[][] {Mat.column3(affine, 0), Mat.column3(affine, 1), Mat.column3(affine, 2)};
  }

  /** Returns the unit vectors of increasing index along axes 0, 1 and 2. */
  public double[][] unitVectors() {
    double[][] v = spacingVectors();
    for (int j = 0; j < 3; j++) {
      v[j] = Mat.scale(v[j], 1 / Mat.norm(v[j]));
    }
    return v;
  }

  /** Returns whether axes 0, 1, 2 form a right- or left-handed system in the frame of reference. */
  public AxisHandedness handedness() {
    double[][] v = spacingVectors();
    return Mat.dot(Mat.cross(v[0], v[1]), v[2]) < 0
        ? AxisHandedness.LEFT_HANDED
        : AxisHandedness.RIGHT_HANDED;
  }

  // ---------------------------------------------------------------- mapping

  /**
   * Maps voxel indices to frame-of-reference coordinates.
   *
   * @param indices n (i, j, k) indices, possibly fractional
   * @return n (x, y, z) coordinates
   */
  public double[][] mapIndicesToReference(double[][] indices) {
    double[][] out = new double[indices.length][];
    for (int k = 0; k < indices.length; k++) {
      if (indices[k] == null || indices[k].length != 3) {
        throw new IllegalArgumentException(
            "Argument \"indices\" must be a two-dimensional array with shape [n, 3].");
      }
      out[k] = Mat.applyAffine(affine, indices[k]);
    }
    return out;
  }

  /**
   * Maps frame-of-reference coordinates to voxel indices.
   *
   * @param coordinates n (x, y, z) coordinates
   * @param roundOutput round to the nearest voxel
   * @param checkBounds require every index (before rounding) within [−0.5, n − 0.5]
   * @return n (i, j, k) indices (whole numbers when rounding); may be negative without the check
   * @throws IllegalArgumentException when the bounds check fails
   */
  public double[][] mapReferenceToIndices(
      double[][] coordinates, boolean roundOutput, boolean checkBounds) {
    double[][] inv = inverseAffine();
    int[] n = spatialShape();
    double[][] out = new double[coordinates.length][];
    for (int k = 0; k < coordinates.length; k++) {
      if (coordinates[k] == null || coordinates[k].length != 3) {
        throw new IllegalArgumentException(
            "Argument \"coordinates\" must be a two-dimensional array with shape [n, 3].");
      }
      double[] idx = Mat.applyAffine(inv, coordinates[k]);
      for (int d = 0; d < 3; d++) {
        if (checkBounds && (idx[d] < -0.5 || idx[d] > n[d] - 0.5)) {
          throw new IllegalArgumentException(
              "Bounds check failed (expected index along axis "
                  + d
                  + " within [-0.5, "
                  + (n[d] - 0.5)
                  + "]): "
                  + idx[d]);
        }
        if (roundOutput) {
          idx[d] = Math.rint(idx[d]);
        }
      }
      out[k] = idx;
    }
    return out;
  }

  // ---------------------------------------------------------------- DICOM export

  /**
   * Returns the plane position of one slice (highdicom {@code get_plane_position}).
   *
   * @param planeIndex zero-based index along axis 0
   * @return the Plane Position Sequence content ((1, 1) matrix position for SLIDE)
   */
  public PlanePositionSequence getPlanePosition(int planeIndex) {
    if (planeIndex < 0 || planeIndex >= spatialShape()[0]) {
      throw new IllegalArgumentException(
          "Invalid plane number for volume (expected 0.."
              + (spatialShape()[0] - 1)
              + "): "
              + planeIndex);
    }
    double[] p = Mat.applyAffine(affine, new double[] {planeIndex, 0, 0});
    return new PlanePositionSequence(
        coordinateSystem,
        p,
        coordinateSystem == CoordinateSystemNames.SLIDE ? new int[] {1, 1} : null);
  }

  /** Returns the plane positions of all slices along axis 0. */
  public List<PlanePositionSequence> getPlanePositions() {
    List<PlanePositionSequence> out = new ArrayList<>();
    for (int i = 0; i < spatialShape()[0]; i++) {
      out.add(getPlanePosition(i));
    }
    return out;
  }

  /** Returns the Plane Orientation Sequence content of the slices. */
  public PlaneOrientationSequence getPlaneOrientation() {
    return new PlaneOrientationSequence(coordinateSystem, directionCosines());
  }

  /**
   * Returns the Pixel Measures Sequence content: pixel spacing, and the slice spacing as both slice
   * thickness and spacing between slices (as highdicom does).
   */
  public PixelMeasuresSequence getPixelMeasures() {
    return new PixelMeasuresSequence(
        pixelSpacing(), spacingBetweenSlices(), spacingBetweenSlices());
  }

  /** Returns the geometry without voxel data. */
  public VolumeGeometry getGeometry() {
    return new VolumeGeometry(affine, spatialShape(), coordinateSystem, frameOfReferenceUid);
  }

  // ---------------------------------------------------------------- indexing

  /**
   * Returns a sub-volume, like highdicom's {@code vol[...]}: one item per leading spatial axis
   * (missing items mean the whole axis); integer indices keep their axis with extent 1; steps may
   * be negative. The affine's origin and axis vectors follow (a step s scales the axis vector by
   * s).
   *
   * @param index up to three items
   * @return the sub-volume
   */
  public T slice(SliceSpec... index) {
    if (index.length > 3) {
      throw new IllegalArgumentException(
          "at most three spatial index items are allowed: " + index.length);
    }
    int[] n = spatialShape();
    int[] first = new int[3];
    int[] step = {1, 1, 1};
    int[] size = n.clone();
    for (int d = 0; d < index.length; d++) {
      int[] r = Objects.requireNonNull(index[d], "index").resolve(n[d], d);
      first[d] = r[0];
      step[d] = r[1];
      size[d] = r[2];
    }
    return regrid(first, step, size, regridAffine(first, step), PadModes.CONSTANT, 0, false);
  }

  /**
   * Returns a sub-volume from a numpy-style index string, e.g. {@code slice("1, 10:, 20:")} or
   * {@code slice("12:14, :, 12:6:-2")}.
   *
   * @param index the index
   * @return the sub-volume
   */
  public T slice(String index) {
    return slice(SliceSpec.parse(index));
  }

  double[][] regridAffine(int[] first, int[] step) {
    double[][] cols = new double[3][];
    for (int j = 0; j < 3; j++) {
      cols[j] = Mat.scale(Mat.column3(affine, j), step[j]);
    }
    double[] origin = Mat.applyAffine(affine, new double[] {first[0], first[1], first[2]});
    return Mat.affineFromColumns(cols, origin);
  }

  /**
   * Reverses spatial axes, updating the affine.
   *
   * @param axes axes among 0, 1, 2
   * @return the flipped object
   */
  public T flipSpatial(int... axes) {
    if (axes.length > 3) {
      throw new IllegalArgumentException(
          "Argument \"axes\" must contain only values 0, 1, and/or 2: " + Arrays.toString(axes));
    }
    SliceSpec[] idx = {SliceSpec.all(), SliceSpec.all(), SliceSpec.all()};
    for (int a : axes) {
      if (a < 0 || a > 2) {
        throw new IllegalArgumentException(
            "Argument \"axes\" must contain only values 0, 1, and/or 2: " + Arrays.toString(axes));
      }
      idx[a] = SliceSpec.range(-1, null, -1);
    }
    return slice(idx);
  }

  /**
   * Flips each of the given axes with probability 0.5.
   *
   * @param random source of randomness
   * @param axes two or three distinct axes among 0, 1, 2
   * @return the possibly flipped object
   */
  public T randomFlipSpatial(Random random, int... axes) {
    checkRandomAxes(axes);
    List<Integer> flip = new ArrayList<>();
    for (int a : axes) {
      if (random.nextBoolean()) {
        flip.add(a);
      }
    }
    return flipSpatial(flip.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void checkRandomAxes(int[] axes) {
    if (axes.length < 2 || axes.length > 3) {
      throw new IllegalArgumentException("Argument 'axes' must contain 2 or 3 items.");
    }
    if (Arrays.stream(axes).distinct().count() != axes.length) {
      throw new IllegalArgumentException("Argument 'axes' should contain unique values.");
    }
    for (int a : axes) {
      if (a < 0 || a > 2) {
        throw new IllegalArgumentException("Argument 'axes' should contain only 0, 1, and 2.");
      }
    }
  }

  /**
   * Permutes the spatial axes: new axis i is old axis {@code indices[i]}.
   *
   * @param indices 0, 1 and 2 in some order
   * @return the permuted object
   */
  public T permuteSpatialAxes(int... indices) {
    if (indices.length != 3 || !isPermutation(indices)) {
      throw new IllegalArgumentException(
          "Argument \"indices\" must consist of the values 0, 1, and 2 in some order: "
              + Arrays.toString(indices));
    }
    double[][] cols = new double[3][];
    for (int j = 0; j < 3; j++) {
      cols[j] = Mat.column3(affine, indices[j]);
    }
    return permuted(indices.clone(), Mat.affineFromColumns(cols, position()));
  }

  private static boolean isPermutation(int[] p) {
    boolean[] seen = new boolean[3];
    for (int v : p) {
      if (v < 0 || v > 2 || seen[v]) {
        return false;
      }
      seen[v] = true;
    }
    return true;
  }

  /**
   * Permutes a random subset of axes, keeping the others in place.
   *
   * @param random source of randomness
   * @param axes two or three distinct axes among 0, 1, 2
   * @return the permuted object
   */
  public T randomPermuteSpatialAxes(Random random, int... axes) {
    checkRandomAxes(axes);
    List<Integer> shuffled = new ArrayList<>();
    for (int a : axes) {
      shuffled.add(a);
    }
    java.util.Collections.shuffle(shuffled, random);
    int[] perm = {0, 1, 2};
    for (int i = 0; i < axes.length; i++) {
      perm[axes[i]] = shuffled.get(i);
    }
    return permuteSpatialAxes(perm);
  }

  /**
   * Swaps two spatial axes.
   *
   * @param axis1 0, 1 or 2
   * @param axis2 0, 1 or 2, different from axis1
   * @return the permuted object
   */
  public T swapSpatialAxes(int axis1, int axis2) {
    for (int a : new int[] {axis1, axis2}) {
      if (a < 0 || a > 2) {
        throw new IllegalArgumentException("Axis values must be one of 0, 1 or 2: " + a);
      }
    }
    if (axis1 == axis2) {
      throw new IllegalArgumentException("Arguments 'axis_1' and 'axis_2' must be different.");
    }
    int[] p = {0, 1, 2};
    p[axis1] = axis2;
    p[axis2] = axis1;
    return permuteSpatialAxes(p);
  }

  // ---------------------------------------------------------------- orientation

  private void requirePatient() {
    if (coordinateSystem != CoordinateSystemNames.PATIENT) {
      throw new IllegalStateException("Volume is not defined in the patient coordinate system.");
    }
  }

  /**
   * Returns the patient directions closest to the three axes (patient coordinate system only).
   *
   * @return three directions, e.g. [F, P, L]
   */
  public PatientOrientationValuesBiped[] getClosestPatientOrientation() {
    requirePatient();
    return Spatial.getClosestPatientOrientation(affine);
  }

  /**
   * Rearranges axes by permutations and flips (no resampling) so that they point as closely as
   * possible in the requested patient directions.
   *
   * @param patientOrientation e.g. {@code "LPH"} ("LPS"), {@code "RAH"} ("RAS"), {@code "FPL"}
   * @return the re-oriented object
   */
  public T toPatientOrientation(String patientOrientation) {
    requirePatient();
    PatientOrientationValuesBiped[] want = Spatial.normalizePatientOrientation(patientOrientation);
    List<PatientOrientationValuesBiped> current = Arrays.asList(getClosestPatientOrientation());
    int[] perm = new int[3];
    List<Integer> flips = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int from = current.indexOf(want[i]);
      if (from < 0) {
        from = current.indexOf(Spatial.PATIENT_ORIENTATION_OPPOSITES.get(want[i]));
        flips.add(from);
      }
      perm[i] = from;
    }
    T flipped = flips.isEmpty() ? self() : flipSpatial(flips.stream().mapToInt(i -> i).toArray());
    return flipped.permuteSpatialAxes(perm);
  }

  /**
   * Re-orients this object to the closest patient orientation of another (highdicom 0.26 {@code
   * match_orientation}).
   *
   * @param other the reference
   * @return the re-oriented object
   */
  public T matchOrientation(VolumeBase<?> other) {
    PatientOrientationValuesBiped[] o = other.getClosestPatientOrientation();
    return toPatientOrientation(o[0].value() + o[1].value() + o[2].value());
  }

  /**
   * Ensures a handedness by flipping one axis when needed.
   *
   * @param handedness wanted handedness
   * @param flipAxis axis to flip if the handedness differs
   * @return this object or the flipped one
   */
  public T ensureHandedness(AxisHandedness handedness, int flipAxis) {
    Objects.requireNonNull(handedness, "handedness");
    return handedness == handedness() ? self() : flipSpatial(flipAxis);
  }

  /**
   * Ensures a handedness by swapping two axes when needed.
   *
   * @param handedness wanted handedness
   * @param axis1 first axis to swap
   * @param axis2 second axis to swap
   * @return this object or the permuted one
   */
  public T ensureHandednessBySwap(AxisHandedness handedness, int axis1, int axis2) {
    Objects.requireNonNull(handedness, "handedness");
    return handedness == handedness() ? self() : swapSpatialAxes(axis1, axis2);
  }

  // ---------------------------------------------------------------- padding and cropping

  /**
   * Pads all spatial axes by the same number of voxels at both ends with zeros.
   *
   * @param width voxels before and after, non-negative
   * @return the padded object
   */
  public T pad(int width) {
    return pad(new int[][] {{width}, {width}, {width}});
  }

  /**
   * Pads with zeros.
   *
   * @param padWidth three rows of {before, after} or of one value for both
   * @return the padded object
   */
  public T pad(int[][] padWidth) {
    return pad(padWidth, PadModes.CONSTANT, 0.0, false);
  }

  /**
   * Pads the spatial axes (highdicom {@code pad}); the affine origin moves by the leading pads. For
   * a {@link VolumeGeometry} the mode arguments are ignored.
   *
   * @param padWidth three rows of {before, after} or of one value for both; or one row {before,
   *     after} for all axes
   * @param mode how to fill the new voxels
   * @param constantValue value for CONSTANT
   * @param perChannel compute MINIMUM/MAXIMUM/MEAN/MEDIAN per channel
   * @return the padded object
   */
  public T pad(int[][] padWidth, PadModes mode, double constantValue, boolean perChannel) {
    int[][] pw = normalizePadWidth(padWidth);
    int[] n = spatialShape();
    int[] first = new int[3];
    int[] size = new int[3];
    for (int d = 0; d < 3; d++) {
      first[d] = -pw[d][0];
      size[d] = n[d] + pw[d][0] + pw[d][1];
    }
    int[] step = {1, 1, 1};
    return regrid(
        first,
        step,
        size,
        regridAffine(first, step),
        Objects.requireNonNull(mode, "mode"),
        constantValue,
        perChannel);
  }

  private static int[][] normalizePadWidth(int[][] padWidth) {
    Objects.requireNonNull(padWidth, "padWidth");
    int[][] out = new int[3][2];
    if (padWidth.length == 1 && padWidth[0].length == 2) {
      out = new int[][] {padWidth[0].clone(), padWidth[0].clone(), padWidth[0].clone()};
    } else if (padWidth.length == 3) {
      int len = padWidth[0].length;
      for (int d = 0; d < 3; d++) {
        if (padWidth[d].length != len || len < 1 || len > 2) {
          throw new IllegalArgumentException("Invalid arrangement in 'pad_width'.");
        }
        out[d][0] = padWidth[d][0];
        out[d][1] = padWidth[d][len - 1];
      }
    } else {
      throw new IllegalArgumentException("Invalid arrangement in 'pad_width'.");
    }
    for (int[] p : out) {
      if (p[0] < 0 || p[1] < 0) {
        throw new IllegalArgumentException("Argument 'pad_width' cannot contain negative values.");
      }
    }
    return out;
  }

  /**
   * Pads symmetrically to a spatial shape (one more voxel at the end for odd differences).
   *
   * @param spatialShape target extents, none smaller than the current ones
   * @param mode how to fill
   * @param constantValue value for CONSTANT
   * @param perChannel statistics per channel
   * @return the padded object
   */
  public T padToSpatialShape(
      int[] spatialShape, PadModes mode, double constantValue, boolean perChannel) {
    int[] n = checkShape(spatialShape);
    int[][] pw = new int[3][2];
    for (int d = 0; d < 3; d++) {
      int diff = spatialShape[d] - n[d];
      if (diff < 0) {
        throw new IllegalArgumentException(
            "Shape is smaller than existing shape along at least one axis: "
                + Arrays.toString(spatialShape));
      }
      pw[d][0] = diff / 2;
      pw[d][1] = diff - diff / 2;
    }
    return pad(pw, mode, constantValue, perChannel);
  }

  /**
   * Centre-crops to a spatial shape (one more voxel removed at the end for odd differences).
   *
   * @param spatialShape target extents, none larger than the current ones
   * @return the cropped object
   */
  public T cropToSpatialShape(int[] spatialShape) {
    int[] n = checkShape(spatialShape);
    int[] first = new int[3];
    for (int d = 0; d < 3; d++) {
      int diff = n[d] - spatialShape[d];
      if (diff < 0) {
        throw new IllegalArgumentException(
            "Shape is larger than existing shape along at least one axis: "
                + Arrays.toString(spatialShape));
      }
      first[d] = diff / 2;
    }
    int[] step = {1, 1, 1};
    return regrid(
        first, step, spatialShape.clone(), regridAffine(first, step), PadModes.CONSTANT, 0, false);
  }

  /**
   * Pads and/or centre-crops each axis to a spatial shape.
   *
   * @param spatialShape target extents
   * @param mode how to fill padded voxels
   * @param constantValue value for CONSTANT
   * @param perChannel statistics per channel
   * @return the resized object
   */
  public T padOrCropToSpatialShape(
      int[] spatialShape, PadModes mode, double constantValue, boolean perChannel) {
    int[] n = checkShape(spatialShape);
    int[] cropShape = new int[3];
    for (int d = 0; d < 3; d++) {
      cropShape[d] = Math.min(n[d], spatialShape[d]);
    }
    return cropToSpatialShape(cropShape)
        .padToSpatialShape(spatialShape, mode, constantValue, perChannel);
  }

  /**
   * Crops a random block of a spatial shape.
   *
   * @param random source of randomness
   * @param spatialShape block extents, none larger than the current ones
   * @return the cropped object
   */
  public T randomSpatialCrop(Random random, int[] spatialShape) {
    int[] n = checkShape(spatialShape);
    int[] first = new int[3];
    for (int d = 0; d < 3; d++) {
      int max = n[d] - spatialShape[d];
      if (max < 0) {
        throw new IllegalArgumentException(
            "Crop shape is larger than volume in at least one dimension: "
                + Arrays.toString(spatialShape));
      }
      first[d] = random.nextInt(max + 1);
    }
    int[] step = {1, 1, 1};
    return regrid(
        first, step, spatialShape.clone(), regridAffine(first, step), PadModes.CONSTANT, 0, false);
  }

  private int[] checkShape(int[] spatialShape) {
    Objects.requireNonNull(spatialShape, "spatialShape");
    if (spatialShape.length != 3) {
      throw new IllegalArgumentException(
          "Argument 'shape' must have length 3: " + spatialShape.length);
    }
    for (int v : spatialShape) {
      if (v < 1) {
        throw new IllegalArgumentException(
            "spatial extents must be positive: " + Arrays.toString(spatialShape));
      }
    }
    return spatialShape();
  }

  // ---------------------------------------------------------------- comparing and matching

  /**
   * Tells whether another volume or geometry has the same geometry: same spatial shape, coordinate
   * system, Frame of Reference UID (when both are known) and affine within an absolute tolerance.
   *
   * @param other the other volume or geometry
   * @param tol absolute tolerance on affine entries, or null for exact equality
   * @return whether the geometries are equal
   */
  public boolean geometryEqual(VolumeBase<?> other, Double tol) {
    Objects.requireNonNull(other, "other");
    if (frameOfReferenceUid != null
        && other.frameOfReferenceUid != null
        && !frameOfReferenceUid.equals(other.frameOfReferenceUid)) {
      return false;
    }
    if (!Arrays.equals(spatialShape(), other.spatialShape())
        || coordinateSystem != other.coordinateSystem) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double a = affine[i][j];
        double b = other.affine[i][j];
        if (tol == null ? Double.compare(a, b) != 0 : Math.abs(a - b) > tol) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Tells whether another volume or geometry has the same geometry within 1e-5.
   *
   * @param other the other volume or geometry
   * @return whether the geometries are equal
   */
  public boolean geometryEqual(VolumeBase<?> other) {
    return geometryEqual(other, Spatial.DEFAULT_EQUALITY_TOLERANCE);
  }

  /**
   * Re-grids this object onto another's geometry using only permutation, flips, cropping and
   * padding (highdicom {@code match_geometry}); voxels of the other geometry outside this one are
   * filled by {@code mode}, so non-intersecting volumes give an all-pad result.
   *
   * @param other the target geometry
   * @param mode how to fill voxels outside this volume
   * @param constantValue value for CONSTANT
   * @param perChannel statistics per channel
   * @param tol tolerance on direction dot products, scale factors and translations (in voxels)
   * @return an object whose geometry equals {@code other}'s
   * @throws IllegalArgumentException when frame of reference or coordinate system differ, or when
   *     directions, spacings or translation cannot be matched without resampling
   */
  public T matchGeometry(
      VolumeBase<?> other, PadModes mode, double constantValue, boolean perChannel, double tol) {
    Objects.requireNonNull(other, "other");
    if (frameOfReferenceUid != null
        && other.frameOfReferenceUid != null
        && !frameOfReferenceUid.equals(other.frameOfReferenceUid)) {
      throw new IllegalArgumentException(
          "Volumes do not have matching frame of reference UIDs: "
              + frameOfReferenceUid
              + " vs "
              + other.frameOfReferenceUid);
    }
    if (coordinateSystem != other.coordinateSystem) {
      throw new IllegalArgumentException(
          "Volumes do not exist in the same coordinate system: "
              + coordinateSystem
              + " vs "
              + other.coordinateSystem);
    }
    double[][] ou = other.unitVectors();
    double[] os = other.spacing();
    double[][] su = unitVectors();
    double[] ss = spacing();
    int[] perm = new int[3];
    int[] step = new int[3];
    for (int i = 0; i < 3; i++) {
      int found = -1;
      for (int j = 0; j < 3; j++) {
        double dot = Mat.dot(ou[i], su[j]);
        if (Math.abs(dot - 1) < tol || Math.abs(dot + 1) < tol) {
          found = j;
          double scale = os[i] / ss[j];
          long s = Math.round(scale);
          if (Math.abs(scale - s) > tol) {
            throw new IllegalArgumentException(
                "Non-integer scale factor required (expected whole multiples of the spacing): "
                    + scale);
          }
          step[i] = (int) (dot < 0 ? -s : s);
          break;
        }
      }
      if (found < 0) {
        throw new IllegalArgumentException(
            "Direction vectors could not be aligned (expected each axis of the target parallel"
                + " to an axis of this volume)");
      }
      perm[i] = found;
    }
    if (!isPermutation(perm)) {
      throw new IllegalArgumentException("Direction vectors could not be aligned.");
    }
    T permutedSelf = Arrays.equals(perm, new int[] {0, 1, 2}) ? self() : permuteSpatialAxes(perm);
    double[][] pu = permutedSelf.unitVectors();
    double[] ps = permutedSelf.spacing();
    double[] offset = Mat.subtract(other.position(), permutedSelf.position());
    int[] first = new int[3];
    for (int d = 0; d < 3; d++) {
      double start = Mat.dot(pu[d], offset) / ps[d];
      long s = Math.round(start);
      if (Math.abs(start - s) > tol) {
        throw new IllegalArgumentException(
            "Required translation is non-integer multiple of voxel spacing: " + start);
      }
      first[d] = (int) s;
    }
    // Aligned unit vectors, whole-number steps and an on-grid origin fix the whole affine.
    T result =
        permutedSelf.regrid(
            first,
            step,
            other.spatialShape(),
            permutedSelf.regridAffine(first, step),
            mode,
            constantValue,
            perChannel);
    return result;
  }

  /**
   * Re-grids onto another geometry with zero padding and tolerance 1e-5.
   *
   * @param other the target geometry
   * @return the matched object
   */
  public T matchGeometry(VolumeBase<?> other) {
    return matchGeometry(other, PadModes.CONSTANT, 0.0, false, Spatial.DEFAULT_EQUALITY_TOLERANCE);
  }
}
