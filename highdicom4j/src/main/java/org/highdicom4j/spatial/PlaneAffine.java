package org.highdicom4j.spatial;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.internal.Mat;

/** Affine matrices of one image plane shared by the transformers. */
final class PlaneAffine {
  private PlaneAffine() {}

  /**
   * Maps (column, row, slice, 1) to the frame of reference: columns are the row cosines times the
   * column spacing, the column cosines times the row spacing, and their cross product times the
   * slice spacing; translation is the position of the first pixel's centre.
   */
  static double[][] pixelToReference(
      double[] position, double[] orientation, double[] pixelSpacing, double sliceSpacing) {
    return Spatial.createAffineMatrixFromAttributes(
        position,
        orientation,
        pixelSpacing,
        sliceSpacing,
        "RD",
        false,
        org.highdicom4j.AxisHandedness.RIGHT_HANDED);
  }

  /** Translation by (dx, dy, 0). */
  static double[][] shift(double dx, double dy) {
    double[][] t = Mat.identity(4);
    t[0][3] = dx;
    t[1][3] = dy;
    return t;
  }

  static void checkCoplanar(SpatialInformation a, SpatialInformation b) {
    double[] na = Spatial.getNormalVector(a.imageOrientation());
    double[] nb = Spatial.getNormalVector(b.imageOrientation());
    double tol = Spatial.DEFAULT_EQUALITY_TOLERANCE;
    boolean parallel = 1.0 - Math.abs(Mat.dot(na, nb)) <= tol;
    double da = Mat.dot(a.imagePosition(), na);
    double db = Mat.dot(b.imagePosition(), na);
    if (!parallel || Math.abs(da - db) >= tol) {
      throw new IllegalArgumentException(
          "To and from images are not coplanar (expected parallel planes at one distance): normals "
              + java.util.Arrays.toString(na)
              + " and "
              + java.util.Arrays.toString(nb));
    }
  }

  static void checkSameFrameOfReference(DicomDataset from, DicomDataset to) {
    String a = from.getString(Tag.FrameOfReferenceUID);
    String b = to.getString(Tag.FrameOfReferenceUID);
    if (a == null || b == null) {
      throw new IllegalArgumentException(
          "Cannot determine spatial relationship because datasets lack a frame of reference UID"
              + " (expected FrameOfReferenceUID (0020,0052))");
    }
    if (!a.equals(b)) {
      throw new IllegalArgumentException(
          "Datasets do not share a frame of reference (expected equal FrameOfReferenceUID"
              + " (0020,0052)): "
              + a
              + " vs "
              + b);
    }
  }

  static double[][] apply(double[][] affine, double[][] points, int inDims, int outDims) {
    double[][] out = new double[points.length][outDims];
    for (int k = 0; k < points.length; k++) {
      double[] p = points[k];
      if (p == null || p.length != inDims) {
        throw new IllegalArgumentException(
            "Argument must be a two-dimensional array with shape [n, " + inDims + "]");
      }
      double[] q = new double[3];
      System.arraycopy(p, 0, q, 0, inDims);
      double[] r = Mat.applyAffine(affine, q);
      System.arraycopy(r, 0, out[k], 0, outDims);
    }
    return out;
  }

  static double[][] toDoubles(int[][] indices, int dims) {
    double[][] out = new double[indices.length][];
    for (int k = 0; k < indices.length; k++) {
      int[] p = indices[k];
      if (p == null || p.length != dims) {
        throw new IllegalArgumentException(
            "Argument \"indices\" must be a two-dimensional array with shape [n, " + dims + "]");
      }
      out[k] = new double[dims];
      for (int i = 0; i < dims; i++) {
        out[k][i] = p[i];
      }
    }
    return out;
  }
}
