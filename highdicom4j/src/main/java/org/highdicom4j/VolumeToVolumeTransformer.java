package org.highdicom4j;

import org.highdicom4j.internal.Mat;

/**
 * Maps voxel indices of one volume to voxel indices of another in the same frame of reference
 * (highdicom {@code VolumeToVolumeTransformer}): the affine is the "to" inverse affine times the
 * "from" affine.
 */
public final class VolumeToVolumeTransformer {
  private final double[][] affine;
  private final int[] outputShape;
  private final boolean roundOutput;
  private final boolean checkBounds;

  /**
   * Creates a transformer.
   *
   * @param volumeFrom volume or geometry of the input indices
   * @param volumeTo volume or geometry of the output indices
   * @param roundOutput round the output to whole indices
   * @param checkBounds require outputs within [−0.5, n − 0.5] of the "to" volume
   */
  public VolumeToVolumeTransformer(
      VolumeBase<?> volumeFrom, VolumeBase<?> volumeTo, boolean roundOutput, boolean checkBounds) {
    this.affine = Mat.multiply(volumeTo.inverseAffine(), volumeFrom.affine());
    this.outputShape = volumeTo.spatialShape();
    this.roundOutput = roundOutput;
    this.checkBounds = checkBounds;
  }

  /** Returns the 4 x 4 matrix from "from" indices to "to" indices. */
  public double[][] affine() {
    return Mat.copy(affine);
  }

  /**
   * Maps indices.
   *
   * @param indices n (i, j, k) indices of the "from" volume
   * @return n (i, j, k) indices of the "to" volume (whole numbers when rounding)
   * @throws IllegalArgumentException when the bounds check fails
   */
  public double[][] apply(double[][] indices) {
    double[][] out = new double[indices.length][];
    for (int k = 0; k < indices.length; k++) {
      if (indices[k] == null || indices[k].length != 3) {
        throw new IllegalArgumentException(
            "Argument \"indices\" must be a two-dimensional array with shape [n, 3].");
      }
      double[] p = Mat.applyAffine(affine, indices[k]);
      for (int d = 0; d < 3; d++) {
        if (roundOutput) {
          p[d] = Math.rint(p[d]);
        }
        if (checkBounds && (p[d] < -0.5 || p[d] > outputShape[d] - 0.5)) {
          throw new IllegalArgumentException(
              "Bounds check failed (expected index along axis "
                  + d
                  + " within [-0.5, "
                  + (outputShape[d] - 0.5)
                  + "]): "
                  + p[d]);
        }
      }
      out[k] = p;
    }
    return out;
  }

  /**
   * Maps integer indices.
   *
   * @param indices n (i, j, k) indices of the "from" volume
   * @return n indices of the "to" volume
   */
  public double[][] apply(int[][] indices) {
    double[][] d = new double[indices.length][];
    for (int k = 0; k < indices.length; k++) {
      d[k] = new double[indices[k].length];
      for (int i = 0; i < d[k].length; i++) {
        d[k][i] = indices[k][i];
      }
    }
    return apply(d);
  }
}
