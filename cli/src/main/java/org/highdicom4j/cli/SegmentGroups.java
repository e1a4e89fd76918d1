package org.highdicom4j.cli;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/**
 * Splits stacked segment masks into the label files dcmqi's {@code segimage2itkimage} writes: one
 * per segment, or with {@code --mergeSegments} one per group of segments that share no voxel.
 */
final class SegmentGroups {
  private SegmentGroups() {}

  /**
   * Groups segments into label files. Merging is first fit in segment order: each segment joins the
   * first group none of whose segments it overlaps, else starts a new group (dcmqi's grouping:
   * liver, spine and an overlapping heart give {liver, spine}, {heart}).
   *
   * @param stacked masks, shape (planes, rows, columns, segments)
   * @param numbers the segment number of each channel
   * @param merge whether to merge segments that do not overlap
   * @return the segment numbers of each file, in file order
   */
  static List<List<Integer>> of(NdArray stacked, int[] numbers, boolean merge) {
    List<List<Integer>> groups = new ArrayList<>();
    if (!merge) {
      for (int n : numbers) {
        groups.add(List.of(n));
      }
      return groups;
    }
    List<BitSet> occupied = new ArrayList<>();
    List<List<Integer>> mutable = new ArrayList<>();
    for (int c = 0; c < numbers.length; c++) {
      BitSet mask = mask(stacked, c, numbers.length);
      int target = -1;
      for (int g = 0; g < occupied.size() && target < 0; g++) {
        if (!occupied.get(g).intersects(mask)) {
          target = g;
        }
      }
      if (target < 0) {
        occupied.add(new BitSet());
        mutable.add(new ArrayList<>());
        target = occupied.size() - 1;
      }
      occupied.get(target).or(mask);
      mutable.get(target).add(numbers[c]);
    }
    for (List<Integer> g : mutable) {
      groups.add(List.copyOf(g));
    }
    return groups;
  }

  /**
   * Returns one label file: value = segment number where a segment of the group is present.
   *
   * @param stacked masks, shape (planes, rows, columns, segments)
   * @param numbers the segment number of each channel
   * @param group segment numbers that share no voxel
   * @return shape (planes, rows, columns), uint8 or uint16
   */
  static NdArray labels(NdArray stacked, int[] numbers, List<Integer> group) {
    int channels = numbers.length;
    int[] shape = {stacked.shape(0), stacked.shape(1), stacked.shape(2)};
    int max = group.stream().mapToInt(Integer::intValue).max().orElse(0);
    NdArray out = NdArray.zeros(max <= 255 ? DType.UINT8 : DType.UINT16, shape);
    for (int c = 0; c < channels; c++) {
      if (!group.contains(numbers[c])) {
        continue;
      }
      for (int i = 0, n = out.size(); i < n; i++) {
        if (stacked.getFlatLong(i * channels + c) != 0) {
          out.setFlatLong(i, numbers[c]);
        }
      }
    }
    return out;
  }

  private static BitSet mask(NdArray stacked, int channel, int channels) {
    int voxels = stacked.size() / channels;
    BitSet b = new BitSet(voxels);
    for (int i = 0; i < voxels; i++) {
      if (stacked.getFlatLong(i * channels + channel) != 0) {
        b.set(i);
      }
    }
    return b;
  }
}
