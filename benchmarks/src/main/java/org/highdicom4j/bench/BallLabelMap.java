package org.highdicom4j.bench;

import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/**
 * The peer's SEG label map (../shared/reference/peer-timings.md): uint8 of shape slices x rows x
 * columns holding K non-overlapping balls on a regular grid, the largest radius r ≤ 60 for which
 * floor(slices/d) · floor(rows/d) · floor(columns/d) ≥ K with d = 2r + 2, centres at (n − g·d)//2 +
 * d·i + d//2 per axis, enumerated z-major, then y, then x, labelled 1..K.
 */
final class BallLabelMap {
  private BallLabelMap() {}

  static int radius(int k, int slices, int rows, int columns) {
    for (int r = 60; r >= 1; r--) {
      int d = 2 * r + 2;
      if ((long) (slices / d) * (rows / d) * (columns / d) >= k) {
        return r;
      }
    }
    throw new IllegalArgumentException("no radius fits " + k + " balls");
  }

  static NdArray create(int k, int slices, int rows, int columns) {
    int r = radius(k, slices, rows, columns);
    int d = 2 * r + 2;
    int gz = slices / d;
    int gy = rows / d;
    int gx = columns / d;
    byte[] data = new byte[slices * rows * columns];
    int label = 0;
    outer:
    for (int iz = 0; iz < gz; iz++) {
      for (int iy = 0; iy < gy; iy++) {
        for (int ix = 0; ix < gx; ix++) {
          if (label == k) {
            break outer;
          }
          label++;
          int cz = (slices - gz * d) / 2 + d * iz + d / 2;
          int cy = (rows - gy * d) / 2 + d * iy + d / 2;
          int cx = (columns - gx * d) / 2 + d * ix + d / 2;
          for (int z = cz - r; z <= cz + r; z++) {
            for (int y = cy - r; y <= cy + r; y++) {
              int dz = z - cz;
              int dy = y - cy;
              int rem = r * r - dz * dz - dy * dy;
              if (rem < 0) {
                continue;
              }
              int half = (int) Math.floor(Math.sqrt(rem));
              while ((half + 1) * (half + 1) <= rem) {
                half++;
              }
              while (half * half > rem) {
                half--;
              }
              int base = (z * rows + y) * columns;
              for (int x = cx - half; x <= cx + half; x++) {
                data[base + x] = (byte) label;
              }
            }
          }
        }
      }
    }
    return NdArray.wrap(DType.UINT8, data, slices, rows, columns);
  }
}
