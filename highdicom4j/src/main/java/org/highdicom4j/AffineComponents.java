package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;
import org.highdicom4j.internal.Mat;
import org.highdicom4j.spatial.Spatial;

/**
 * The components from which a volume's affine matrix is built (highdicom's keyword arguments of
 * {@code from_components} and {@code create_affine_matrix_from_components}): voxel spacing, the
 * position of voxel (0, 0, 0) or of the volume centre, and a direction matrix or an axis-aligned
 * patient orientation. Immutable; start with {@link #spacing(double...)}.
 */
public final class AffineComponents {
  private final double[] spacing;
  private final double[] position;
  private final double[] centerPosition;
  private final double[][] direction;
  private final String patientOrientation;

  private AffineComponents(
      double[] spacing,
      double[] position,
      double[] centerPosition,
      double[][] direction,
      String patientOrientation) {
    this.spacing = spacing;
    this.position = position;
    this.centerPosition = centerPosition;
    this.direction = direction;
    this.patientOrientation = patientOrientation;
  }

  /**
   * Starts with the spacing between voxel centres.
   *
   * @param spacing one value for all three axes, or three values (millimetres, positive)
   * @return the components
   */
  public static AffineComponents spacing(double... spacing) {
    double[] s = expand(spacing);
    for (double v : s) {
      if (!(v > 0)) {
        throw new IllegalArgumentException(
            "Argument 'spacing' must contain positive values: " + Arrays.toString(spacing));
      }
    }
    return new AffineComponents(s, null, null, null, null);
  }

  private static double[] expand(double[] spacing) {
    Objects.requireNonNull(spacing, "spacing");
    if (spacing.length == 1) {
      return new double[] {spacing[0], spacing[0], spacing[0]};
    }
    if (spacing.length != 3) {
      throw new IllegalArgumentException(
          "Argument 'spacing' must have length 1 or 3: " + spacing.length);
    }
    return spacing.clone();
  }

  /**
   * Sets the position of the centre of voxel (0, 0, 0).
   *
   * @param xyz three coordinates in millimetres
   * @return new components
   */
  public AffineComponents position(double... xyz) {
    check3(xyz, "position");
    return new AffineComponents(spacing, xyz.clone(), null, direction, patientOrientation);
  }

  /**
   * Sets the position of the centre of the volume instead of voxel (0, 0, 0).
   *
   * @param xyz three coordinates in millimetres
   * @return new components
   */
  public AffineComponents centerPosition(double... xyz) {
    check3(xyz, "center_position");
    return new AffineComponents(spacing, null, xyz.clone(), direction, patientOrientation);
  }

  /**
   * Sets the direction matrix: its columns are orthogonal unit vectors giving the direction of
   * increasing index of each axis.
   *
   * @param matrix 3 x 3 matrix, or 9 values row by row
   * @return new components
   */
  public AffineComponents direction(double[][] matrix) {
    Objects.requireNonNull(matrix, "direction");
    if (matrix.length != 3) {
      throw new IllegalArgumentException("Argument 'direction' must have shape (3, 3).");
    }
    for (double[] row : matrix) {
      if (row.length != 3) {
        throw new IllegalArgumentException("Argument 'direction' must have shape (3, 3).");
      }
    }
    if (!Mat.isOrthogonal(matrix, true, Spatial.DEFAULT_EQUALITY_TOLERANCE)) {
      throw new IllegalArgumentException(
          "Argument 'direction' must be an orthogonal matrix of unit vectors: "
              + Arrays.deepToString(matrix));
    }
    return new AffineComponents(spacing, position, centerPosition, Mat.copy(matrix), null);
  }

  /**
   * Sets the direction matrix from 9 values (first row, second row, third row).
   *
   * @param flat nine values
   * @return new components
   */
  public AffineComponents direction(double... flat) {
    if (flat.length != 9) {
      throw new IllegalArgumentException("Argument 'direction' must have shape (9, ) or (3, 3).");
    }
    return direction(
        new double[][] {
          Arrays.copyOfRange(flat, 0, 3),
          Arrays.copyOfRange(flat, 3, 6),
          Arrays.copyOfRange(flat, 6, 9)
        });
  }

  /**
   * Sets an axis-aligned direction by patient orientation, e.g. {@code "FPL"}: axis 0 towards the
   * feet, axis 1 posterior, axis 2 to the patient's left (patient coordinate system only).
   *
   * @param orientation three letters
   * @return new components
   */
  public AffineComponents patientOrientation(String orientation) {
    Spatial.normalizePatientOrientation(orientation);
    return new AffineComponents(spacing, position, centerPosition, null, orientation);
  }

  /** Returns whether a patient orientation (rather than a direction matrix) was given. */
  public boolean usesPatientOrientation() {
    return patientOrientation != null;
  }

  private static void check3(double[] v, String name) {
    Objects.requireNonNull(v, name);
    if (v.length != 3) {
      throw new IllegalArgumentException("Argument '" + name + "' must have length 3: " + v.length);
    }
  }

  /**
   * Builds the affine matrix (highdicom {@code create_affine_matrix_from_components}).
   *
   * @param spatialShape the volume's three extents (needed for a centre position)
   * @return 4 x 4 matrix
   * @throws IllegalArgumentException when neither or both of position and centre position, or of
   *     direction and patient orientation, were given
   */
  public double[][] toAffine(int[] spatialShape) {
    if ((position == null) == (centerPosition == null)) {
      throw new IllegalArgumentException(
          "Exactly one of the arguments 'position' and 'center_position' must be provided.");
    }
    if ((direction == null) == (patientOrientation == null)) {
      throw new IllegalArgumentException(
          "Exactly one of the arguments 'direction' and 'patient_orientation' must be provided.");
    }
    double[][] unit =
        direction != null
            ? direction
            : Spatial.rotationForPatientOrientation(patientOrientation, 1.0);
    double[][] cols = new double[3][];
    for (int j = 0; j < 3; j++) {
      cols[j] = Mat.scale(Mat.column3(unit, j), spacing[j]);
    }
    double[] origin;
    if (position != null) {
      origin = position.clone();
    } else {
      if (spatialShape == null || spatialShape.length != 3) {
        throw new IllegalArgumentException("a centre position needs the three spatial extents");
      }
      origin = centerPosition.clone();
      for (int j = 0; j < 3; j++) {
        double c = (spatialShape[j] - 1) / 2.0;
        for (int i = 0; i < 3; i++) {
          origin[i] -= cols[j][i] * c;
        }
      }
    }
    return Mat.affineFromColumns(cols, origin);
  }
}
