package org.highdicom4j.formats;

import java.nio.ByteOrder;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/**
 * A NIfTI-1 image as read by {@link Nifti1#read}: the header fields that matter for voxel values
 * and geometry, the stored voxel values and the affine matrices the header defines.
 *
 * <p>{@link #array()} holds the stored values with axes (k, j, i) = (slice, row, column) — NIfTI's
 * Fortran-order (i, j, k) reversed into C order — and, when {@code dim[4] > 1}, a last axis of
 * {@code dim[4]} channels: shape {@code (dim[3], dim[2], dim[1][, dim[4]])}. The NIfTI affines
 * ({@link #sformAffine()}, {@link #qformAffine()}, {@link #affineRas()}) map (i, j, k, 1) to RAS+
 * world coordinates as the standard defines them; {@link #affineLps()} maps (slice, row, column, 1)
 * = (k, j, i, 1) to LPS, ready for {@link org.highdicom4j.Volume}.
 */
public final class Nifti1Image {
  /** Which of the standard's three methods gave {@link #affineRas()}. */
  public enum AffineSource {
    /** Method 3: sform_code > 0, the affine is srow_x, srow_y, srow_z. */
    SFORM,
    /** Method 2: sform_code = 0 and qform_code > 0, quaternion, qoffset and pixdim. */
    QFORM,
    /** Method 1: both codes 0, a diagonal of pixdim[1..3] (ANALYZE 7.5 compatibility). */
    PIXDIM
  }

  private final ByteOrder byteOrder;
  private final int[] dim;
  private final int datatype;
  private final double[] pixdim;
  private final long voxOffset;
  private final double sclSlope;
  private final double sclInter;
  private final int qformCode;
  private final int sformCode;
  private final double[] quatern;
  private final double[] qoffset;
  private final double[][] srow;
  private final int intentCode;
  private final String intentName;
  private final String description;
  private final int xyztUnits;
  private final NdArray array;

  Nifti1Image(
      ByteOrder byteOrder,
      int[] dim,
      int datatype,
      double[] pixdim,
      long voxOffset,
      double sclSlope,
      double sclInter,
      int qformCode,
      int sformCode,
      double[] quatern,
      double[] qoffset,
      double[][] srow,
      int intentCode,
      String intentName,
      String description,
      int xyztUnits,
      NdArray array) {
    this.byteOrder = byteOrder;
    this.dim = dim;
    this.datatype = datatype;
    this.pixdim = pixdim;
    this.voxOffset = voxOffset;
    this.sclSlope = sclSlope;
    this.sclInter = sclInter;
    this.qformCode = qformCode;
    this.sformCode = sformCode;
    this.quatern = quatern;
    this.qoffset = qoffset;
    this.srow = srow;
    this.intentCode = intentCode;
    this.intentName = intentName;
    this.description = description;
    this.xyztUnits = xyztUnits;
    this.array = array;
  }

  /** Returns the byte order of the file (detected from sizeof_hdr). */
  public ByteOrder byteOrder() {
    return byteOrder;
  }

  /** Returns a copy of dim[0..7]. */
  public int[] dim() {
    return dim.clone();
  }

  /** Returns the datatype code (2 uint8, 4 int16, 8 int32, 16 float32, 64 float64, 256 int8 …). */
  public int datatype() {
    return datatype;
  }

  /** Returns a copy of pixdim[0..7] (pixdim[0] is qfac). */
  public double[] pixdim() {
    return pixdim.clone();
  }

  /** Returns vox_offset, the byte offset of the voxel data. */
  public long voxOffset() {
    return voxOffset;
  }

  /** Returns scl_slope as stored (0 or NaN mean no scaling). */
  public double sclSlope() {
    return sclSlope;
  }

  /** Returns scl_inter as stored. */
  public double sclInter() {
    return sclInter;
  }

  /**
   * Returns true when scl_slope and scl_inter change the stored values: scl_slope is finite and
   * non-zero, and not (scl_slope = 1 and scl_inter = 0 or non-finite).
   */
  public boolean hasScaling() {
    if (!Double.isFinite(sclSlope) || sclSlope == 0) {
      return false;
    }
    double inter = Double.isFinite(sclInter) ? sclInter : 0;
    return sclSlope != 1 || inter != 0;
  }

  /** Returns qform_code (0 unknown, 1 scanner, 2 aligned, 3 Talairach, 4 MNI152). */
  public int qformCode() {
    return qformCode;
  }

  /** Returns sform_code (0 unknown, 1 scanner, 2 aligned, 3 Talairach, 4 MNI152). */
  public int sformCode() {
    return sformCode;
  }

  /** Returns quatern_b, quatern_c, quatern_d. */
  public double[] quaternion() {
    return quatern.clone();
  }

  /** Returns qoffset_x, qoffset_y, qoffset_z. */
  public double[] qoffset() {
    return qoffset.clone();
  }

  /** Returns srow_x, srow_y, srow_z as a 3 x 4 matrix. */
  public double[][] srow() {
    return new double[][] {srow[0].clone(), srow[1].clone(), srow[2].clone()};
  }

  /** Returns intent_code. */
  public int intentCode() {
    return intentCode;
  }

  /** Returns intent_name (up to 16 characters, trailing NULs removed). */
  public String intentName() {
    return intentName;
  }

  /** Returns descrip (up to 80 characters, trailing NULs removed). */
  public String description() {
    return description;
  }

  /** Returns xyzt_units (spatial units in bits 0-2: 1 metre, 2 millimetre, 3 micron). */
  public int xyztUnits() {
    return xyztUnits;
  }

  /**
   * Returns the stored voxel values (shared, not copied), shape (dim[3], dim[2], dim[1]) or
   * (dim[3], dim[2], dim[1], dim[4]) when dim[4] > 1.
   */
  public NdArray array() {
    return array;
  }

  /**
   * Returns the values after scaling, {@code scl_slope · stored + scl_inter}, as FLOAT64, or {@link
   * #array()} itself when {@link #hasScaling()} is false.
   *
   * @return the scaled values
   */
  public NdArray scaledArray() {
    if (!hasScaling()) {
      return array;
    }
    double inter = Double.isFinite(sclInter) ? sclInter : 0;
    NdArray out = NdArray.zeros(DType.FLOAT64, array.shape());
    double[] o = (double[]) out.data();
    boolean floating = array.dtype().isFloatingPoint();
    for (int i = 0; i < o.length; i++) {
      double v = floating ? array.getFlatDouble(i) : array.getFlatLong(i);
      o[i] = sclSlope * v + inter;
    }
    return out;
  }

  /**
   * Returns the method-3 affine (srow_x, srow_y, srow_z) mapping (i, j, k, 1) to RAS+, whatever
   * sform_code says.
   */
  public double[][] sformAffine() {
    return new double[][] {srow[0].clone(), srow[1].clone(), srow[2].clone(), {0, 0, 0, 1}};
  }

  /**
   * Returns the method-2 affine mapping (i, j, k, 1) to RAS+, whatever qform_code says: {@code R ·
   * diag(pixdim[1], pixdim[2], qfac · pixdim[3]) · (i, j, k) + qoffset}, with the rotation {@code
   * R} of the unit quaternion (a, b, c, d), {@code a = sqrt(1 − b² − c² − d²)}, qfac = −1 when
   * pixdim[0] &lt; 0 and 1 otherwise. A non-positive or non-finite pixdim is taken as 1.
   */
  public double[][] qformAffine() {
    double b = quatern[0];
    double c = quatern[1];
    double d = quatern[2];
    double aa = 1.0 - (b * b + c * c + d * d);
    double a;
    if (aa < 1e-7) {
      // A 180° rotation, or rounding just past it: renormalise (b, c, d) to a unit vector with a =
      // 0.
      a = 0;
      double n = Math.sqrt(b * b + c * c + d * d);
      if (n > 0) {
        b /= n;
        c /= n;
        d /= n;
      }
    } else {
      a = Math.sqrt(aa);
    }
    double[][] r = {
      {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
      {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
      {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}
    };
    double qfac = pixdim[0] < 0 ? -1 : 1;
    double[] zoom = {spacing(1), spacing(2), qfac * spacing(3)};
    double[][] m = new double[4][4];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        m[row][col] = r[row][col] * zoom[col];
      }
      m[row][3] = qoffset[row];
    }
    m[3][3] = 1;
    return m;
  }

  private double spacing(int axis) {
    double v = pixdim[axis];
    return Double.isFinite(v) && v > 0 ? v : 1;
  }

  /** Returns the method-1 affine diag(pixdim[1], pixdim[2], pixdim[3], 1) (non-positive as 1). */
  public double[][] pixdimAffine() {
    double[][] m = new double[4][4];
    for (int i = 0; i < 3; i++) {
      m[i][i] = spacing(i + 1);
    }
    m[3][3] = 1;
    return m;
  }

  /**
   * Returns which affine the standard's precedence selects: the sform when sform_code &gt; 0, else
   * the qform when qform_code &gt; 0, else the pixdim diagonal.
   */
  public AffineSource affineSource() {
    if (sformCode > 0) {
      return AffineSource.SFORM;
    }
    return qformCode > 0 ? AffineSource.QFORM : AffineSource.PIXDIM;
  }

  /** Returns the affine selected by {@link #affineSource()}, mapping (i, j, k, 1) to RAS+. */
  public double[][] affineRas() {
    switch (affineSource()) {
      case SFORM:
        return sformAffine();
      case QFORM:
        return qformAffine();
      default:
        return pixdimAffine();
    }
  }

  /**
   * Returns {@link #affineRas()} converted for {@link org.highdicom4j.Volume}: mapping (slice, row,
   * column, 1) = (k, j, i, 1), the index order of {@link #array()}, to LPS (x and y negated).
   */
  public double[][] affineLps() {
    return DataIo.swapIk(DataIo.flipXy(affineRas()));
  }
}
