package org.highdicom4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One item of a volume index, the Java form of an item of Python's {@code vol[1, 10:, 20:]}: an
 * integer index (which, as in highdicom, keeps its axis with extent 1) or a {@code start:stop:step}
 * range whose bounds may be omitted or negative and whose step may be negative.
 */
public final class SliceSpec {
  private final boolean isIndex;
  private final Integer start;
  private final Integer stop;
  private final int step;

  private SliceSpec(boolean isIndex, Integer start, Integer stop, int step) {
    if (step == 0) {
      throw new IllegalArgumentException("slice step cannot be zero");
    }
    this.isIndex = isIndex;
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  /**
   * An integer index, like {@code vol[i]}; negative values count from the end.
   *
   * @param i the index
   * @return the spec
   */
  public static SliceSpec index(int i) {
    return new SliceSpec(true, i, null, 1);
  }

  /** The whole axis, like {@code :}. */
  public static SliceSpec all() {
    return new SliceSpec(false, null, null, 1);
  }

  /**
   * A range {@code start:stop}.
   *
   * @param start first index (inclusive), or null for the beginning
   * @param stop last index (exclusive), or null for the end
   * @return the spec
   */
  public static SliceSpec range(Integer start, Integer stop) {
    return new SliceSpec(false, start, stop, 1);
  }

  /**
   * A range {@code start:stop:step}.
   *
   * @param start first index (inclusive), or null (the beginning, or the end for negative steps)
   * @param stop last index (exclusive), or null (the end, or before the beginning for negative
   *     steps)
   * @param step non-zero step, negative to walk backwards
   * @return the spec
   */
  public static SliceSpec range(Integer start, Integer stop, int step) {
    return new SliceSpec(false, start, stop, step);
  }

  /**
   * Parses a numpy-style index such as {@code "1, 10:, 20:"} or {@code "12:14, :, 12:6:-2"}.
   *
   * @param index comma-separated items, each an integer or {@code start:stop[:step]}
   * @return one spec per item
   * @throws IllegalArgumentException when an item is malformed
   */
  public static SliceSpec[] parse(String index) {
    Objects.requireNonNull(index, "index");
    List<SliceSpec> out = new ArrayList<>();
    for (String raw : index.split(",", -1)) {
      String item = raw.trim();
      try {
        if (!item.contains(":")) {
          out.add(index(Integer.parseInt(item)));
          continue;
        }
        String[] parts = item.split(":", -1);
        if (parts.length > 3) {
          throw new IllegalArgumentException("too many ':' in index item: " + item);
        }
        Integer a = parts[0].isBlank() ? null : Integer.valueOf(parts[0].trim());
        Integer b = parts[1].isBlank() ? null : Integer.valueOf(parts[1].trim());
        int s = parts.length < 3 || parts[2].isBlank() ? 1 : Integer.parseInt(parts[2].trim());
        out.add(range(a, b, s));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "index item is not an integer or start:stop:step (expected e.g. 1, 10:, ::-1): " + item,
            e);
      }
    }
    return out.toArray(new SliceSpec[0]);
  }

  /** Returns whether this is an integer index. */
  public boolean isIndex() {
    return isIndex;
  }

  /**
   * Resolves this item against an axis of the given extent, with highdicom's checks.
   *
   * @param extent extent of the axis
   * @param axis axis number, for messages
   * @return {first index, step, number of indices}
   * @throws IndexOutOfBoundsException when an integer index is out of range
   * @throws IllegalArgumentException when range bounds are out of range or the result is empty
   */
  public int[] resolve(int extent, int axis) {
    if (isIndex) {
      int i = start;
      if (i < -extent || i >= extent) {
        throw new IndexOutOfBoundsException(
            "Index " + i + " is out of bounds for axis " + axis + " with size " + extent + ".");
      }
      return new int[] {i < 0 ? i + extent : i, 1, 1};
    }
    if (start != null && (start < -extent || start >= extent)) {
      throw new IllegalArgumentException(
          "Slice start " + start + " is out of bounds for axis " + axis + " with size " + extent);
    }
    if (stop != null && (stop < -extent - 1 || stop > extent)) {
      throw new IllegalArgumentException(
          "Slice stop " + stop + " is out of bounds for axis " + axis + " with size " + extent);
    }
    // Python's slice.indices(extent).
    int lower = step > 0 ? 0 : -1;
    int upper = step > 0 ? extent : extent - 1;
    int first = clampIndex(start, step < 0 ? upper : lower, extent, lower, upper);
    int last = clampIndex(stop, step < 0 ? lower : upper, extent, lower, upper);
    int range = last - first;
    if (range == 0 || (range < 0) != (step < 0)) {
      throw new IllegalArgumentException("Indexing would result in an empty array.");
    }
    int size = (Math.abs(range) - 1) / Math.abs(step) + 1;
    return new int[] {first, step, size};
  }

  private static int clampIndex(Integer v, int dflt, int extent, int lower, int upper) {
    if (v == null) {
      return dflt;
    }
    int x = v < 0 ? v + extent : v;
    return Math.max(lower, Math.min(upper, x));
  }

  @Override
  public String toString() {
    if (isIndex) {
      return String.valueOf(start);
    }
    return (start == null ? "" : start)
        + ":"
        + (stop == null ? "" : stop)
        + (step == 1 ? "" : ":" + step);
  }
}
