package org.highdicom4j.spatial;

import java.util.Arrays;

/**
 * The result of {@link Spatial#getVolumePositions}: the slice spacing of a regularly spaced stack
 * of planes and, for each input plane, its zero-based position (slice index) in the volume.
 */
public final class VolumePositions {
  private final double spacing;
  private final int[] positions;

  /**
   * Creates a result.
   *
   * @param spacing absolute slice spacing in millimetres
   * @param positions zero-based volume index of each input plane, in input order
   */
  public VolumePositions(double spacing, int[] positions) {
    this.spacing = spacing;
    this.positions = positions.clone();
  }

  /** Returns the (absolute) spacing between consecutive slices in millimetres. */
  public double spacing() {
    return spacing;
  }

  /** Returns the zero-based volume index of each input plane, in input order. */
  public int[] positions() {
    return positions.clone();
  }

  /** Returns the number of slices the volume spans (largest position + 1). */
  public int numberOfSlices() {
    int max = -1;
    for (int p : positions) {
      max = Math.max(max, p);
    }
    return max + 1;
  }

  @Override
  public String toString() {
    return "VolumePositions[spacing=" + spacing + ", positions=" + Arrays.toString(positions) + "]";
  }
}
