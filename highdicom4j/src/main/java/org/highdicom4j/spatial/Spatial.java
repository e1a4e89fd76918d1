package org.highdicom4j.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.AxisHandedness;
import org.highdicom4j.CoordinateSystemNames;
import org.highdicom4j.PatientOrientationValuesBiped;
import org.highdicom4j.PixelIndexDirections;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.internal.Mat;

/**
 * Functions of highdicom's {@code highdicom.spatial} module: rotation and affine matrices from the
 * Image Plane attributes (PS3.3 C.7.6.2.1.1), patient orientation conventions, slice sorting and
 * the regular-spacing test that decides whether planes form a volume.
 *
 * <p>Affine matrices are {@code double[4][4]} (row-major) mapping augmented indices to
 * frame-of-reference coordinates in millimetres; the patient coordinate system is LPS (x to the
 * patient's left, y posterior, z head).
 */
public final class Spatial {
  private Spatial() {}

  /** Default absolute tolerance of equality tests on geometry (highdicom: 1e-5). */
  public static final double DEFAULT_EQUALITY_TOLERANCE = 1e-5;

  /** Tolerance on a dot product that decides that two unit vectors are (anti)parallel. */
  public static final double DOT_PRODUCT_PERPENDICULAR_TOLERANCE = 1e-3;

  /** Each biped patient direction mapped to its opposite (L↔R, A↔P, F↔H). */
  public static final Map<PatientOrientationValuesBiped, PatientOrientationValuesBiped>
      PATIENT_ORIENTATION_OPPOSITES = opposites();

  /** Index convention of volumes: rows down (D), then columns right (R), slices first. */
  public static final String VOLUME_INDEX_CONVENTION = "DR";

  private static Map<PatientOrientationValuesBiped, PatientOrientationValuesBiped> opposites() {
    Map<PatientOrientationValuesBiped, PatientOrientationValuesBiped> m =
        new EnumMap<>(PatientOrientationValuesBiped.class);
    m.put(PatientOrientationValuesBiped.L, PatientOrientationValuesBiped.R);
    m.put(PatientOrientationValuesBiped.R, PatientOrientationValuesBiped.L);
    m.put(PatientOrientationValuesBiped.A, PatientOrientationValuesBiped.P);
    m.put(PatientOrientationValuesBiped.P, PatientOrientationValuesBiped.A);
    m.put(PatientOrientationValuesBiped.F, PatientOrientationValuesBiped.H);
    m.put(PatientOrientationValuesBiped.H, PatientOrientationValuesBiped.F);
    return Collections.unmodifiableMap(m);
  }

  // ---------------------------------------------------------------- conventions

  /**
   * Parses a pixel index convention such as {@code "RD"} (first index along the rows to the right,
   * second down the columns — DICOM's) or {@code "DR"} (numpy's).
   *
   * @param convention two letters, one of R/L and one of D/U
   * @return the two directions
   * @throws IllegalArgumentException when the letters are invalid or do not combine
   */
  public static PixelIndexDirections[] normalizePixelIndexConvention(String convention) {
    Objects.requireNonNull(convention, "convention");
    if (convention.length() != 2) {
      throw new IllegalArgumentException(
          "Length of pixel index convention must be 2: " + convention);
    }
    PixelIndexDirections[] d = new PixelIndexDirections[2];
    for (int i = 0; i < 2; i++) {
      d[i] = PixelIndexDirections.fromValue(String.valueOf(convention.charAt(i)));
    }
    boolean horizontal0 = d[0] == PixelIndexDirections.L || d[0] == PixelIndexDirections.R;
    boolean horizontal1 = d[1] == PixelIndexDirections.L || d[1] == PixelIndexDirections.R;
    if (horizontal0 == horizontal1) {
      throw new IllegalArgumentException(
          "Invalid combination of pixel directions (expected one of R/L and one of D/U): "
              + convention);
    }
    return d;
  }

  /**
   * Parses a patient orientation such as {@code "LPH"} or {@code "FPL"}: one of L/R, one of A/P and
   * one of F/H in any order. As an extension, S and I are accepted for H and F so that the common
   * names "LPS" and "RAS" work.
   *
   * @param orientation three letters
   * @return the three directions
   * @throws IllegalArgumentException when the letters are invalid or do not combine
   */
  public static PatientOrientationValuesBiped[] normalizePatientOrientation(String orientation) {
    Objects.requireNonNull(orientation, "orientation");
    if (orientation.length() != 3) {
      throw new IllegalArgumentException(
          "Length of patient orientation must be 3 (expected e.g. LPH): " + orientation);
    }
    PatientOrientationValuesBiped[] d = new PatientOrientationValuesBiped[3];
    boolean[] seen = new boolean[3];
    for (int i = 0; i < 3; i++) {
      char c = orientation.charAt(i);
      String s = c == 'S' ? "H" : c == 'I' ? "F" : String.valueOf(c);
      d[i] = PatientOrientationValuesBiped.fromValue(s);
      int axis = lpsAxis(d[i]);
      if (seen[axis]) {
        throw new IllegalArgumentException(
            "Invalid combination of frame of reference directions (expected one of L/R, A/P and"
                + " F/H): "
                + orientation);
      }
      seen[axis] = true;
    }
    return d;
  }

  private static int lpsAxis(PatientOrientationValuesBiped d) {
    switch (d) {
      case L:
      case R:
        return 0;
      case A:
      case P:
        return 1;
      default:
        return 2;
    }
  }

  /**
   * Returns the LPS unit vector of a patient direction (L = +x, P = +y, H = +z).
   *
   * @param d the direction
   * @return the unit vector
   */
  public static double[] unitVector(PatientOrientationValuesBiped d) {
    double[] v = new double[3];
    boolean positive =
        d == PatientOrientationValuesBiped.L
            || d == PatientOrientationValuesBiped.P
            || d == PatientOrientationValuesBiped.H;
    v[lpsAxis(d)] = positive ? 1 : -1;
    return v;
  }

  /**
   * Returns the axis-aligned direction matrix of a patient orientation (highdicom {@code
   * rotation_for_patient_orientation}): column i is the unit vector of letter i, times the spacing.
   *
   * @param orientation e.g. {@code "FPL"}
   * @param spacing one value for all axes or three values
   * @return 3 x 3 matrix
   */
  public static double[][] rotationForPatientOrientation(String orientation, double... spacing) {
    PatientOrientationValuesBiped[] d = normalizePatientOrientation(orientation);
    double[] s = expandSpacing(spacing);
    double[][] m = new double[3][3];
    for (int j = 0; j < 3; j++) {
      double[] u = unitVector(d[j]);
      for (int i = 0; i < 3; i++) {
        m[i][j] = u[i] * s[j];
      }
    }
    return m;
  }

  static double[] expandSpacing(double[] spacing) {
    if (spacing.length == 1) {
      return new double[] {spacing[0], spacing[0], spacing[0]};
    }
    if (spacing.length != 3) {
      throw new IllegalArgumentException(
          "Argument 'spacing' must have length 1 or 3: " + Arrays.toString(spacing));
    }
    return spacing.clone();
  }

  /**
   * Returns the patient orientation closest to the axes of an affine or direction matrix (highdicom
   * {@code get_closest_patient_orientation}): for each axis the LPS direction with which its
   * direction vector is most aligned, each LPS axis used once.
   *
   * @param matrix 3 x 3 direction or 4 x 4 affine matrix with orthogonal columns
   * @return three directions, one per array axis
   * @throws IllegalArgumentException when the matrix is not orthogonal
   */
  public static PatientOrientationValuesBiped[] getClosestPatientOrientation(double[][] matrix) {
    if (!(matrix.length == 3 || matrix.length == 4)) {
      throw new IllegalArgumentException("Invalid shape for array: " + matrix.length + " rows");
    }
    if (!Mat.isOrthogonal(matrix, false, DEFAULT_EQUALITY_TOLERANCE)) {
      throw new IllegalArgumentException("Matrix is not orthogonal.");
    }
    PatientOrientationValuesBiped[] pos = {
      PatientOrientationValuesBiped.L,
      PatientOrientationValuesBiped.P,
      PatientOrientationValuesBiped.H
    };
    PatientOrientationValuesBiped[] neg = {
      PatientOrientationValuesBiped.R,
      PatientOrientationValuesBiped.A,
      PatientOrientationValuesBiped.F
    };
    boolean[] used = new boolean[3];
    PatientOrientationValuesBiped[] result = new PatientOrientationValuesBiped[3];
    for (int d = 0; d < 3; d++) {
      Integer[] order = {0, 1, 2};
      final int col = d;
      Arrays.sort(
          order, (a, b) -> Double.compare(Math.abs(matrix[b][col]), Math.abs(matrix[a][col])));
      int pick = -1;
      for (int i : order) {
        if (!used[i]) {
          pick = i;
          break;
        }
      }
      used[pick] = true;
      result[d] = matrix[pick][d] > 0 ? pos[pick] : neg[pick];
    }
    return result;
  }

  /**
   * Converts an affine matrix between frame-of-reference conventions (highdicom {@code
   * convert_affine_to_convention} for the reference conventions): the returned matrix maps the same
   * indices to coordinates along the axes of {@code to}.
   *
   * @param affine 4 x 4 matrix mapping indices to coordinates along the axes of {@code from}
   * @param from convention of the input, e.g. {@code "LPH"}
   * @param to wanted convention, e.g. {@code "RAH"} (or "RAS")
   * @return the converted matrix
   */
  public static double[][] convertAffineToConvention(double[][] affine, String from, String to) {
    PatientOrientationValuesBiped[] f = normalizePatientOrientation(from);
    PatientOrientationValuesBiped[] t = normalizePatientOrientation(to);
    // c_to = U_to^T U_from c_from, U having the LPS unit vectors of the letters as columns.
    double[][] change = new double[4][4];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        change[i][j] = Mat.dot(unitVector(t[i]), unitVector(f[j]));
      }
    }
    change[3][3] = 1;
    return Mat.multiply(change, affine);
  }

  // ---------------------------------------------------------------- rotation and affine

  /**
   * Returns the normal of an image plane (highdicom {@code get_normal_vector}) with the default
   * convention "RD", right-handed: row cosines × column cosines.
   *
   * @param imageOrientation Image Orientation (Patient) (0020,0037), 6 values
   * @return unit normal
   */
  public static double[] getNormalVector(double[] imageOrientation) {
    return getNormalVector(imageOrientation, "RD", AxisHandedness.RIGHT_HANDED);
  }

  /**
   * Returns the normal of an image plane chosen so that (first index direction, second index
   * direction, normal) has the given handedness.
   *
   * @param imageOrientation Image Orientation (Patient) (0020,0037), 6 values
   * @param indexConvention e.g. "RD" or "DR"
   * @param handedness wanted handedness
   * @return unit normal (for unit cosines)
   */
  public static double[] getNormalVector(
      double[] imageOrientation, String indexConvention, AxisHandedness handedness) {
    double[][] cols = inPlaneColumns(imageOrientation, indexConvention, 1, 1);
    return handedness == AxisHandedness.RIGHT_HANDED
        ? Mat.cross(cols[0], cols[1])
        : Mat.cross(cols[1], cols[0]);
  }

  private static double[][] inPlaneColumns(
      double[] imageOrientation, String indexConvention, double rowSpacing, double colSpacing) {
    checkLength(imageOrientation, 6, "image_orientation");
    PixelIndexDirections[] conv = normalizePixelIndexConvention(indexConvention);
    double[] rowCosines = Arrays.copyOfRange(imageOrientation, 0, 3);
    double[] colCosines = Arrays.copyOfRange(imageOrientation, 3, 6);
    double[][] cols = new double[2][];
    for (int i = 0; i < 2; i++) {
      switch (conv[i]) {
        case R:
          cols[i] = Mat.scale(rowCosines, colSpacing);
          break;
        case L:
          cols[i] = Mat.scale(rowCosines, -colSpacing);
          break;
        case D:
          cols[i] = Mat.scale(colCosines, rowSpacing);
          break;
        default:
          cols[i] = Mat.scale(colCosines, -rowSpacing);
          break;
      }
    }
    return cols;
  }

  static void checkLength(double[] v, int n, String name) {
    Objects.requireNonNull(v, name);
    if (v.length != n) {
      throw new IllegalArgumentException(
          "Argument \"" + name + "\" must have length " + n + ": " + v.length);
    }
  }

  /**
   * Returns the rotation matrix of an image orientation (highdicom {@code create_rotation_matrix}
   * with its defaults): columns row cosines, column cosines, their cross product.
   *
   * @param imageOrientation Image Orientation (Patient) (0020,0037), 6 values
   * @return 3 x 3 matrix
   */
  public static double[][] createRotationMatrix(double[] imageOrientation) {
    return createRotationMatrix(
        imageOrientation, "RD", false, AxisHandedness.RIGHT_HANDED, new double[] {1, 1}, 1);
  }

  /**
   * Returns a scaled rotation matrix (highdicom {@code create_rotation_matrix}).
   *
   * @param imageOrientation Image Orientation (Patient) (0020,0037), 6 values
   * @param indexConvention in-plane index convention, e.g. "RD" or "DR"
   * @param slicesFirst whether the slice axis comes before the in-plane axes
   * @param handedness handedness of the resulting axes, which fixes the slice direction
   * @param pixelSpacing Pixel Spacing (0028,0030): row spacing, column spacing (both positive)
   * @param spacingBetweenSlices spacing along the slice axis
   * @return 3 x 3 matrix whose columns are the scaled axis vectors
   */
  public static double[][] createRotationMatrix(
      double[] imageOrientation,
      String indexConvention,
      boolean slicesFirst,
      AxisHandedness handedness,
      double[] pixelSpacing,
      double spacingBetweenSlices) {
    checkLength(pixelSpacing, 2, "pixel_spacing");
    if (!(pixelSpacing[0] > 0 && pixelSpacing[1] > 0)) {
      throw new IllegalArgumentException(
          "All values in 'pixel_spacing' must be positive: " + Arrays.toString(pixelSpacing));
    }
    double[][] unit = inPlaneColumns(imageOrientation, indexConvention, 1, 1);
    double[] n =
        handedness == AxisHandedness.RIGHT_HANDED
            ? Mat.cross(unit[0], unit[1])
            : Mat.cross(unit[1], unit[0]);
    double[][] scaled =
        inPlaneColumns(imageOrientation, indexConvention, pixelSpacing[0], pixelSpacing[1]);
    double[] normal = Mat.scale(n, spacingBetweenSlices);
    double[][] cols =
        slicesFirst
            ? new double[][] {normal, scaled[0], scaled[1]}
            : new double[][] {scaled[0], scaled[1], normal};
    double[][] m = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        m[i][j] = cols[j][i];
      }
    }
    return m;
  }

  /**
   * Returns the affine matrix of an image plane or stack (highdicom {@code
   * create_affine_matrix_from_attributes}; PS3.3 Equation C.7.6.2.1-1).
   *
   * @param imagePosition Image Position (Patient) (0020,0032): centre of the first pixel
   * @param imageOrientation Image Orientation (Patient) (0020,0037)
   * @param pixelSpacing Pixel Spacing (0028,0030)
   * @param spacingBetweenSlices slice spacing
   * @param indexConvention "RD" or "DR" (L and U are not allowed)
   * @param slicesFirst whether the slice index comes first
   * @param handedness handedness of the index axes
   * @return 4 x 4 matrix
   */
  public static double[][] createAffineMatrixFromAttributes(
      double[] imagePosition,
      double[] imageOrientation,
      double[] pixelSpacing,
      double spacingBetweenSlices,
      String indexConvention,
      boolean slicesFirst,
      AxisHandedness handedness) {
    checkLength(imagePosition, 3, "image_position");
    if (indexConvention.contains("L") || indexConvention.contains("U")) {
      throw new IllegalArgumentException(
          "Index convention cannot include 'L' or 'U': " + indexConvention);
    }
    double[][] r =
        createRotationMatrix(
            imageOrientation,
            indexConvention,
            slicesFirst,
            handedness,
            pixelSpacing,
            spacingBetweenSlices);
    double[][] a = new double[4][4];
    for (int i = 0; i < 3; i++) {
      System.arraycopy(r[i], 0, a[i], 0, 3);
      a[i][3] = imagePosition[i];
    }
    a[3][3] = 1;
    return a;
  }

  // ---------------------------------------------------------------- point mapping

  /**
   * Maps a pixel index into the frame of reference (highdicom {@code
   * map_pixel_into_coordinate_system}).
   *
   * @param index (column, row), zero-based
   * @param imagePosition Image Position (Patient) (0020,0032)
   * @param imageOrientation Image Orientation (Patient) (0020,0037)
   * @param pixelSpacing Pixel Spacing (0028,0030)
   * @return (x, y, z) in millimetres
   */
  public static double[] mapPixelIntoCoordinateSystem(
      int[] index, double[] imagePosition, double[] imageOrientation, double[] pixelSpacing) {
    return new PixelToReferenceTransformer(imagePosition, imageOrientation, pixelSpacing)
        .apply(new int[][] {index})[0];
  }

  /**
   * Maps a frame-of-reference coordinate to the nearest pixel index (highdicom {@code
   * map_coordinate_into_pixel_matrix}).
   *
   * @param coordinate (x, y, z) in millimetres
   * @param imagePosition Image Position (Patient) (0020,0032)
   * @param imageOrientation Image Orientation (Patient) (0020,0037)
   * @param pixelSpacing Pixel Spacing (0028,0030)
   * @param spacingBetweenSlices spacing used to express the distance from the plane
   * @return (column, row, slice) rounded; slice is the signed distance from the plane in slices
   */
  public static int[] mapCoordinateIntoPixelMatrix(
      double[] coordinate,
      double[] imagePosition,
      double[] imageOrientation,
      double[] pixelSpacing,
      double spacingBetweenSlices) {
    double[] r =
        new ReferenceToPixelTransformer(
                imagePosition, imageOrientation, pixelSpacing, spacingBetweenSlices, true, false)
            .apply(new double[][] {coordinate})[0];
    return new int[] {(int) r[0], (int) r[1], (int) r[2]};
  }

  /**
   * Tests whether points lie in one plane (highdicom {@code are_points_coplanar}): the largest
   * distance of a point from the plane of best fit (through the centroid, normal along the least
   * principal direction) must not exceed {@code tol}. Fewer than four points are always coplanar.
   *
   * @param points n points of three coordinates
   * @param tol tolerance in millimetres
   * @return whether the points are coplanar
   */
  public static boolean arePointsCoplanar(double[][] points, double tol) {
    for (double[] p : points) {
      if (p.length != 3) {
        throw new IllegalArgumentException("Array should have shape (n x 3).");
      }
    }
    int n = points.length;
    if (n < 4) {
      return true;
    }
    double[] c = new double[3];
    for (double[] p : points) {
      for (int i = 0; i < 3; i++) {
        c[i] += p[i] / n;
      }
    }
    double[][] cov = new double[3][3];
    for (double[] p : points) {
      double[] d = Mat.subtract(p, c);
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          cov[i][j] += d[i] * d[j];
        }
      }
    }
    double[] normal = Mat.smallestEigenvector(cov);
    double max = 0;
    for (double[] p : points) {
      max = Math.max(max, Math.abs(Mat.dot(normal, Mat.subtract(p, c))));
    }
    return max <= tol;
  }

  // ---------------------------------------------------------------- volume positions

  /**
   * Decides whether image positions form a regularly spaced stack, with highdicom's defaults.
   *
   * @param imagePositions n positions (Image Position (Patient) of each plane)
   * @param imageOrientation the shared Image Orientation (Patient)
   * @return the spacing and the volume index of each plane, or empty when they are no volume
   */
  public static Optional<VolumePositions> getVolumePositions(
      double[][] imagePositions, double[] imageOrientation) {
    return getVolumePositions(imagePositions, imageOrientation, VolumePositionOptions.defaults());
  }

  /**
   * Decides whether image positions form a regularly spaced stack (highdicom {@code
   * get_volume_positions}). The planes are ordered by their distance along the normal of the
   * orientation (for the default convention "DR", right-handed: column cosines × row cosines); the
   * consecutive distances must equal their mean within tolerance (or, with missing positions
   * allowed, be integer multiples of the smallest distance or the spacing hint), and the line from
   * the first to the last plane must be parallel to the normal (dot product within the
   * perpendicularity tolerance, default 1e-3, of ±1). A single plane (or only duplicates of one) is
   * a volume of spacing 1.0 (or the hint).
   *
   * @param imagePositions n positions of three coordinates
   * @param imageOrientation six direction cosines
   * @param options tolerances and conventions
   * @return the absolute spacing and the zero-based volume index of each input position, or empty
   * @throws IllegalArgumentException when the input is malformed, or when a spacing hint disagrees
   *     with the inferred spacing ("Inferred spacing (…) does not match the given 'spacing_hint'")
   */
  public static Optional<VolumePositions> getVolumePositions(
      double[][] imagePositions, double[] imageOrientation, VolumePositionOptions options) {
    Objects.requireNonNull(imagePositions, "imagePositions");
    Objects.requireNonNull(options, "options");
    for (double[] p : imagePositions) {
      if (p == null || p.length != 3) {
        throw new IllegalArgumentException("Argument 'image_positions' should be an (N, 3) array.");
      }
    }
    int n = imagePositions.length;
    if (n == 0) {
      throw new IllegalArgumentException(
          "Argument 'image_positions' should contain at least 1 position.");
    }
    double hintOr1 = options.spacingHint() == null ? 1.0 : options.spacingHint();
    if (n == 1) {
      return Optional.of(new VolumePositions(hintOr1, new int[1]));
    }
    double[] normal =
        getNormalVector(imageOrientation, options.indexConvention(), options.handedness());

    List<double[]> unique = new ArrayList<>();
    int[] uniqueIndex = new int[n];
    for (int i = 0; i < n; i++) {
      int found = -1;
      for (int u = 0; u < unique.size(); u++) {
        if (Arrays.equals(unique.get(u), imagePositions[i])) {
          found = u;
          break;
        }
      }
      if (found < 0) {
        unique.add(imagePositions[i].clone());
        found = unique.size() - 1;
      }
      uniqueIndex[i] = found;
    }
    if (!options.allowDuplicatePositions() && unique.size() < n) {
      return Optional.empty();
    }
    int m = unique.size();
    if (m == 1) {
      return Optional.of(new VolumePositions(hintOr1, new int[n]));
    }
    double[] dist = new double[m];
    for (int u = 0; u < m; u++) {
      dist[u] = Mat.dot(unique.get(u), normal);
    }
    Integer[] order = new Integer[m];
    for (int u = 0; u < m; u++) {
      order[u] = u;
    }
    if (options.sort()) {
      Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
    }
    double rtol = options.effectiveRtol();
    double atol = options.effectiveAtol();
    int[] volumeIndexOfUnique = new int[m];
    double spacing;
    boolean regular = true;
    if (options.allowMissingPositions()) {
      double min = Double.POSITIVE_INFINITY;
      for (int u = 0; u < m; u++) {
        min = Math.min(min, dist[u]);
      }
      if (options.spacingHint() != null) {
        spacing = options.spacingHint();
      } else {
        spacing = Double.POSITIVE_INFINITY;
        for (int j = 1; j < m; j++) {
          spacing = Math.min(spacing, dist[order[j]] - dist[order[j - 1]]);
        }
        // Positions related only by in-plane shifts have equal distances; no spacing exists.
        if (Math.abs(spacing) <= DEFAULT_EQUALITY_TOLERANCE) {
          return Optional.empty();
        }
      }
      for (int u = 0; u < m; u++) {
        double multiple = (dist[u] - min) / spacing;
        double rounded = Math.rint(multiple);
        if (Math.abs(multiple - rounded) > atol + rtol * Math.abs(rounded)) {
          regular = false;
        }
        volumeIndexOfUnique[u] = (int) rounded;
      }
    } else {
      spacing = (dist[order[m - 1]] - dist[order[0]]) / (m - 1);
      if (options.spacingHint() != null
          && Math.abs(Math.abs(spacing) - options.spacingHint())
              > atol + rtol * options.spacingHint()) {
        throw new IllegalArgumentException(
            String.format(
                java.util.Locale.ROOT,
                "Inferred spacing (%.3f) does not match the given 'spacing_hint' (%s).",
                Math.abs(spacing),
                options.spacingHint()));
      }
      for (int j = 1; j < m; j++) {
        double d = dist[order[j]] - dist[order[j - 1]];
        if (Math.abs(d - spacing) > atol + rtol * Math.abs(spacing)) {
          regular = false;
        }
      }
      for (int j = 0; j < m; j++) {
        volumeIndexOfUnique[order[j]] = j;
      }
    }
    if (regular && options.enforceHandedness() && spacing < 0) {
      return Optional.empty();
    }
    double[] span = Mat.subtract(unique.get(order[m - 1]), unique.get(order[0]));
    double len = Mat.norm(span);
    if (len == 0) {
      return Optional.empty();
    }
    double dot = Mat.dot(normal, span) / len;
    double ptol = options.effectivePerpendicularTol();
    boolean perpendicular = Math.abs(dot - 1) < ptol || Math.abs(dot + 1) < ptol;
    if (!regular || !perpendicular) {
      return Optional.empty();
    }
    int[] positions = new int[n];
    for (int i = 0; i < n; i++) {
      positions[i] = volumeIndexOfUnique[uniqueIndex[i]];
    }
    return Optional.of(new VolumePositions(Math.abs(spacing), positions));
  }

  /**
   * Decides whether a series of single-frame images forms a volume (highdicom {@code
   * get_series_volume_positions}): all must share Image Orientation (Patient) exactly, and their
   * Image Position (Patient) values must pass {@link #getVolumePositions}; Spacing Between Slices
   * (0018,0088) of the first image, when present, serves as the spacing hint.
   *
   * @param datasets the images, in any order
   * @param options tolerances and conventions (its spacing hint is replaced)
   * @return spacing and volume index per dataset, or empty when the series is no volume
   * @throws IllegalArgumentException when the list is empty or holds multi-frame images
   */
  public static Optional<VolumePositions> getSeriesVolumePositions(
      List<DicomDataset> datasets, VolumePositionOptions options) {
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("List must not be empty.");
    }
    if (datasets.size() == 1) {
      return Optional.of(new VolumePositions(1.0, new int[1]));
    }
    for (DicomDataset ds : datasets) {
      if (isMultiFrame(ds)) {
        throw new IllegalArgumentException("Datasets should be single-frame images.");
      }
    }
    double[] orientation = required(datasets.get(0), Tag.ImageOrientationPatient, 6);
    for (DicomDataset ds : datasets) {
      if (!Arrays.equals(required(ds, Tag.ImageOrientationPatient, 6), orientation)) {
        return Optional.empty();
      }
    }
    double[][] positions = new double[datasets.size()][];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = required(datasets.get(i), Tag.ImagePositionPatient, 3);
    }
    double[] hint = datasets.get(0).getDoubles(Tag.SpacingBetweenSlices);
    return getVolumePositions(
        positions,
        orientation,
        options.withSpacingHint(hint.length > 0 && hint[0] != 0 ? hint[0] : null));
  }

  /**
   * Returns the order of planes along the normal of their orientation (highdicom {@code
   * get_plane_sort_index}, default convention "DR", right-handed).
   *
   * @param imagePositions plane positions
   * @param imageOrientation shared orientation
   * @return input indices in sorted order
   */
  public static int[] getPlaneSortIndex(double[][] imagePositions, double[] imageOrientation) {
    return getPlaneSortIndex(
        imagePositions, imageOrientation, VOLUME_INDEX_CONVENTION, AxisHandedness.RIGHT_HANDED);
  }

  /**
   * Returns the order of planes along the normal chosen by a convention and handedness.
   *
   * @param imagePositions plane positions
   * @param imageOrientation shared orientation
   * @param indexConvention in-plane index convention
   * @param handedness handedness that fixes the direction of the normal
   * @return input indices in sorted order
   */
  public static int[] getPlaneSortIndex(
      double[][] imagePositions,
      double[] imageOrientation,
      String indexConvention,
      AxisHandedness handedness) {
    double[] normal = getNormalVector(imageOrientation, indexConvention, handedness);
    double[] dist = new double[imagePositions.length];
    Integer[] order = new Integer[imagePositions.length];
    for (int i = 0; i < dist.length; i++) {
      checkLength(imagePositions[i], 3, "image_positions");
      dist[i] = Mat.dot(imagePositions[i], normal);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
    int[] out = new int[order.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /**
   * Returns the order of single-frame datasets along the normal (highdicom {@code
   * get_dataset_sort_index}).
   *
   * @param datasets single-frame images sharing Image Orientation (Patient)
   * @return input indices in sorted order
   * @throws IllegalArgumentException when an image is multi-frame or the orientations differ
   */
  public static int[] getDatasetSortIndex(List<DicomDataset> datasets) {
    if (datasets.isEmpty()) {
      return new int[0];
    }
    double[] orientation = required(datasets.get(0), Tag.ImageOrientationPatient, 6);
    double[][] positions = new double[datasets.size()][];
    for (int i = 0; i < positions.length; i++) {
      DicomDataset ds = datasets.get(i);
      if (isMultiFrame(ds)) {
        throw new IllegalArgumentException("Datasets should be single-frame images.");
      }
      if (!Arrays.equals(required(ds, Tag.ImageOrientationPatient, 6), orientation)) {
        throw new IllegalArgumentException(
            "ImageOrientationPatient (0020,0037) differs between datasets (expected all equal): "
                + Arrays.toString(orientation)
                + " vs "
                + Arrays.toString(ds.getDoubles(Tag.ImageOrientationPatient)));
      }
      positions[i] = required(ds, Tag.ImagePositionPatient, 3);
    }
    return getPlaneSortIndex(positions, orientation);
  }

  /**
   * Sorts single-frame datasets along the normal of their shared orientation (highdicom {@code
   * sort_datasets}); for an axial series with the default convention the most superior slice comes
   * first.
   *
   * @param datasets the images
   * @return a new list in volume order
   */
  public static List<DicomDataset> sortDatasets(List<DicomDataset> datasets) {
    int[] order = getDatasetSortIndex(datasets);
    List<DicomDataset> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(datasets.get(i));
    }
    return out;
  }

  // ---------------------------------------------------------------- datasets

  /**
   * Returns the coordinate system of an image (highdicom {@code get_image_coordinate_system}):
   * SLIDE when Image Orientation (Slide) or Image Center Point Coordinates Sequence is present,
   * PATIENT when a patient position is found at the root or in the functional groups, otherwise
   * none; none also without Frame of Reference UID.
   *
   * @param dataset the image
   * @return the coordinate system, if any
   */
  public static Optional<CoordinateSystemNames> getImageCoordinateSystem(DicomDataset dataset) {
    if (!dataset.contains(Tag.FrameOfReferenceUID)) {
      return Optional.empty();
    }
    if (dataset.contains(Tag.ImageOrientationSlide)
        || dataset.contains(Tag.ImageCenterPointCoordinatesSequence)) {
      return Optional.of(CoordinateSystemNames.SLIDE);
    }
    if (dataset.contains(Tag.ImagePositionPatient)) {
      return Optional.of(CoordinateSystemNames.PATIENT);
    }
    for (int kw :
        new int[] {Tag.SharedFunctionalGroupsSequence, Tag.PerFrameFunctionalGroupsSequence}) {
      DicomDataset fg = dataset.getItem(kw);
      if (fg != null) {
        DicomDataset pps = fg.getItem(Tag.PlanePositionSequence);
        if (pps != null && pps.contains(Tag.ImagePositionPatient)) {
          return Optional.of(CoordinateSystemNames.PATIENT);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether a dataset is a multi-frame image with functional groups (enhanced IODs) or has
   * Number of Frames above 1.
   *
   * @param dataset the image
   * @return whether it is multi-frame
   */
  public static boolean isMultiFrame(DicomDataset dataset) {
    return dataset.contains(Tag.PerFrameFunctionalGroupsSequence)
        || dataset.contains(Tag.SharedFunctionalGroupsSequence)
        || dataset.getInt(Tag.NumberOfFrames, 1) > 1;
  }

  static double[] required(DicomDataset ds, int tag, int n) {
    double[] v;
    try {
      v = ds.getDoubles(tag);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag) + " is not numeric (expected " + n + " numbers)", e);
    }
    if (v.length != n) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag)
              + (v.length == 0 ? " is missing" : " has a wrong number of values")
              + " (expected "
              + n
              + " values): "
              + v.length);
    }
    return v;
  }
}
