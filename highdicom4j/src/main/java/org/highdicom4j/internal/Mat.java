package org.highdicom4j.internal;

import java.util.Arrays;

/**
 * Small dense matrix arithmetic on {@code double[][]} (row-major, {@code m[row][column]}) for 3 x 3
 * rotations and 4 x 4 affine matrices.
 */
public final class Mat {
  private Mat() {}

  /** Returns the n x n identity. */
  public static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  /** Returns a deep copy. */
  public static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  /** Returns {@code a × b}. */
  public static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int k = b.length;
    int m = b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int t = 0; t < k; t++) {
          s += a[i][t] * b[t][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  /**
   * Applies a 4 x 4 affine matrix to a point.
   *
   * @param affine 4 x 4 matrix
   * @param p three coordinates
   * @return the first three coordinates of {@code affine × [p, 1]}
   */
  public static double[] applyAffine(double[][] affine, double[] p) {
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      out[i] = affine[i][0] * p[0] + affine[i][1] * p[1] + affine[i][2] * p[2] + affine[i][3];
    }
    return out;
  }

  /**
   * Inverts a square matrix by Gauss-Jordan elimination with partial pivoting.
   *
   * @param m the matrix
   * @return its inverse
   * @throws IllegalArgumentException when the matrix is singular
   */
  public static double[][] inverse(double[][] m) {
    int n = m.length;
    double[][] a = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, a[i], 0, n);
      a[i][n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][col]) < 1e-300) {
        throw new IllegalArgumentException("matrix is singular: " + Arrays.deepToString(m));
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      double p = a[col][col];
      for (int j = 0; j < 2 * n; j++) {
        a[col][j] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != col && a[r][col] != 0) {
          double f = a[r][col];
          for (int j = 0; j < 2 * n; j++) {
            a[r][j] -= f * a[col][j];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], n, inv[i], 0, n);
    }
    return inv;
  }

  /** Returns the cross product {@code a × b} of two 3-vectors. */
  public static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }

  /** Returns the dot product. */
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Returns the Euclidean norm. */
  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** Returns {@code a * s}. */
  public static double[] scale(double[] a, double s) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] * s;
    }
    return out;
  }

  /** Returns {@code a - b}. */
  public static double[] subtract(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }

  /**
   * Returns the first three entries of a column of a matrix.
   *
   * @param m a 3 x 3 or 4 x 4 matrix
   * @param j column index
   * @return the column's first three entries
   */
  public static double[] column3(double[][] m, int j) {
    return new double[] {m[0][j], m[1][j], m[2][j]};
  }

  /**
   * Stacks a 3 x 3 matrix of column vectors and a translation into a 4 x 4 affine matrix.
   *
   * @param columns three column vectors (each of three entries)
   * @param translation three entries
   * @return the affine matrix
   */
  public static double[][] affineFromColumns(double[][] columns, double[] translation) {
    double[][] a = new double[4][4];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        a[i][j] = columns[j][i];
      }
      a[i][3] = translation[i];
    }
    a[3][3] = 1;
    return a;
  }

  /**
   * Tests whether a square matrix has orthogonal columns, independent of their lengths: {@code m^T
   * m} must equal the diagonal of squared column norms within {@code tol}, and with {@code
   * requireUnit} the norms must be 1 within {@code tol}.
   *
   * @param m the matrix (3 x 3, or the top-left 3 x 3 of a 4 x 4 matrix)
   * @param requireUnit whether the columns must be unit vectors
   * @param tol absolute tolerance
   * @return whether the matrix is orthogonal
   */
  public static boolean isOrthogonal(double[][] m, boolean requireUnit, double tol) {
    double[] norms = new double[3];
    for (int j = 0; j < 3; j++) {
      norms[j] = dot(column3(m, j), column3(m, j));
      if (requireUnit && Math.abs(norms[j] - 1) > tol) {
        return false;
      }
    }
    // Scale the off-diagonal test by the column lengths so that mm and metre units behave alike.
    for (int i = 0; i < 3; i++) {
      for (int j = i + 1; j < 3; j++) {
        double d = dot(column3(m, i), column3(m, j));
        if (Math.abs(d) > tol * Math.max(1, Math.sqrt(norms[i] * norms[j]))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Returns the eigenvector of the smallest eigenvalue of a symmetric 3 x 3 matrix (Jacobi
   * rotations).
   *
   * @param s symmetric matrix
   * @return unit eigenvector
   */
  public static double[] smallestEigenvector(double[][] s) {
    double[][] a = copy(s);
    double[][] v = identity(3);
    for (int sweep = 0; sweep < 50; sweep++) {
      double off = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
      if (off < 1e-15) {
        break;
      }
      for (int p = 0; p < 2; p++) {
        for (int q = p + 1; q < 3; q++) {
          if (Math.abs(a[p][q]) < 1e-300) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double sn = t * c;
          for (int k = 0; k < 3; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - sn * akq;
            a[k][q] = sn * akp + c * akq;
          }
          for (int k = 0; k < 3; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - sn * aqk;
            a[q][k] = sn * apk + c * aqk;
          }
          for (int k = 0; k < 3; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - sn * vkq;
            v[k][q] = sn * vkp + c * vkq;
          }
        }
      }
    }
    int min = 0;
    for (int i = 1; i < 3; i++) {
      if (a[i][i] < a[min][min]) {
        min = i;
      }
    }
    return column3(v, min);
  }
}
