package org.highdicom4j.cli;

import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;

/**
 * Segments the CT volume of {@code hd4j demo} by Hounsfield unit thresholds into a label map: each
 * voxel gets the label of the {@link DemoOrgan} whose window holds its value (the windows are
 * disjoint; the kidneys are split at patient x = 0), else 0 for background.
 *
 * <p>This is deliberately the simplest honest method: the phantom has noise-free, constant organ
 * values, so thresholds recover it exactly, which {@link DemoGroundTruth} checks.
 */
final class DemoPhantomSegmenter {
  private DemoPhantomSegmenter() {}

  /**
   * The outcome of segmenting a volume.
   *
   * @param labels the label map (planes, rows, columns), UINT8, in the volume's plane order
   * @param voxelCounts voxels per label, indexed by label (index 0 = background)
   */
  record Result(NdArray labels, long[] voxelCounts) {
    /** Returns the number of voxels labelled with an organ. */
    long voxels(DemoOrgan organ) {
      return voxelCounts[organ.label()];
    }
  }

  /**
   * Thresholds a CT volume.
   *
   * @param ct the volume in HU (3 spatial axes, no channels), e.g. from {@code
   *     Image.getVolumeFromSeries}
   * @return the label map and voxel counts
   */
  static Result segment(Volume ct) {
    if (ct.ndim() != 3) {
      throw new IllegalArgumentException("Expected a volume without channels: " + ct);
    }
    int[] shape = ct.spatialShape();
    double[] xRow = ct.affine()[0];
    NdArray hu = ct.array();
    NdArray labels = NdArray.zeros(DType.UINT8, shape);
    DemoOrgan[] organs = DemoOrgan.values();
    long[] counts = new long[organs.length + 1];
    int flat = 0;
    for (int i = 0; i < shape[0]; i++) {
      for (int j = 0; j < shape[1]; j++) {
        for (int k = 0; k < shape[2]; k++, flat++) {
          // Patient x of the voxel centre: the first row of the affine applied to (i, j, k, 1).
          double x = xRow[0] * i + xRow[1] * j + xRow[2] * k + xRow[3];
          double v = hu.getFlatDouble(flat);
          int label = 0;
          for (DemoOrgan o : organs) {
            if (o.matches(v, x)) {
              label = o.label();
              break;
            }
          }
          if (label != 0) {
            labels.setFlatLong(flat, label);
          }
          counts[label]++;
        }
      }
    }
    return new Result(labels, counts);
  }
}
