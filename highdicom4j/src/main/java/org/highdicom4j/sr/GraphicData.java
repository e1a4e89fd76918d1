package org.highdicom4j.sr;

import java.util.Objects;

/** Conversion of graphic data between rows of coordinates and Graphic Data (0070,0022) FL. */
final class GraphicData {
  private GraphicData() {}

  static float[] flatten(double[][] points, int dims) {
    Objects.requireNonNull(points, "graphicData");
    float[] out = new float[points.length * dims];
    for (int i = 0; i < points.length; i++) {
      double[] p = points[i];
      if (p == null || p.length != dims) {
        throw new IllegalArgumentException(
            "GraphicData (0070,0022) point "
                + i
                + " has "
                + (p == null ? 0 : p.length)
                + " coordinates (expected "
                + dims
                + ")");
      }
      for (int k = 0; k < dims; k++) {
        if (!Double.isFinite(p[k])) {
          throw new IllegalArgumentException(
              "GraphicData (0070,0022) coordinates must be finite (expected numbers): " + p[k]);
        }
        out[i * dims + k] = (float) p[k];
      }
    }
    return out;
  }

  static double[][] rows(float[] flat, int dims) {
    double[][] out = new double[flat.length / dims][dims];
    for (int i = 0; i < out.length; i++) {
      for (int k = 0; k < dims; k++) {
        out[i][k] = flat[i * dims + k];
      }
    }
    return out;
  }

  static void checkCount(String type, int n, int exact, int min, String dimsText) {
    boolean ok = exact > 0 ? n == exact : n >= min;
    if (!ok) {
      throw new IllegalArgumentException(
          "GraphicData (0070,0022) of graphic type "
              + type
              + " has "
              + n
              + " points (expected "
              + (exact > 0 ? "exactly " + exact : "at least " + min)
              + " "
              + dimsText
              + ")");
    }
  }
}
