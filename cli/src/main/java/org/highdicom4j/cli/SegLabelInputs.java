package org.highdicom4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.seg.SegmentDescription;

/**
 * The label files of {@code hd4j seg create} matched to the {@code segmentAttributes} groups of
 * dcmqi metadata, numbered as segments and combined into one segmentation array, the way dcmqi's
 * {@code itkimage2segimage} reads its {@code --inputImageList}.
 *
 * <p>Group i of {@code segmentAttributes} describes label file i (or, with {@code
 * segmentAttributesFileMapping}, the file of that name); within a group {@code labelID} is a voxel
 * value of the file. As in dcmqi, only labels that occur in a file become segments (a described
 * label without voxels is reported and skipped), and a value without a description is an error.
 * Segment numbers are the labelIDs when those are distinct and run 1, 2 … N (dcmqi's {@code
 * --useLabelIDAsSegmentNumber}, valid DICOM only then); otherwise segments are numbered 1 … N in
 * group order, labelIDs ascending within a group, as dcmqi does by default.
 */
final class SegLabelInputs {
  /**
   * One segment to write.
   *
   * @param file index of its label file in the order given on the command line
   * @param labelId its voxel value in that file
   * @param number its Segment Number (0062,0004)
   * @param description its description
   */
  record Segment(int file, int labelId, int number, SegmentDescription description) {}

  final List<Segment> segments;
  final List<String> warnings;
  final boolean overlap;
  final NdArray pixelArray;

  private SegLabelInputs(
      List<Segment> segments, List<String> warnings, boolean overlap, NdArray pixelArray) {
    this.segments = List.copyOf(segments);
    this.warnings = List.copyOf(warnings);
    this.overlap = overlap;
    this.pixelArray = pixelArray;
  }

  /**
   * Matches label files to metadata groups and builds the segmentation array: a label map (value =
   * segment number) when no voxel belongs to two segments, stacked masks (planes, rows, columns,
   * segments) otherwise.
   *
   * @param meta the dcmqi metadata
   * @param files the label files, in command-line order (for messages and the file mapping)
   * @param arrays their label arrays, aligned to the source planes, all of one shape
   * @return the segments and the array
   * @throws IllegalArgumentException when files and groups do not match, a file holds a value that
   *     its group does not describe, or no described label occurs
   */
  static SegLabelInputs assemble(SegMeta meta, List<Path> files, List<NdArray> arrays) {
    List<List<SegMeta.Label>> groups = groupsOfFiles(meta, files);
    List<String> warnings = new ArrayList<>();
    // Segments in dcmqi's order: by group (file) order, then labelID ascending.
    List<int[]> order = new ArrayList<>(); // {file, labelId}
    List<SegMeta.Label> described = new ArrayList<>();
    List<Integer> fileOrder = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      fileOrder.add(f);
    }
    fileOrder.sort(
        (a, b) -> Integer.compare(groupIndex(meta, files, a), groupIndex(meta, files, b)));
    for (int f : fileOrder) {
      TreeSet<Long> present = presentLabels(arrays.get(f), files.get(f));
      Map<Integer, SegMeta.Label> byId = new TreeMap<>();
      for (SegMeta.Label l : groups.get(f)) {
        byId.put(l.labelId(), l);
      }
      for (long v : present) {
        if (!byId.containsKey((int) v)) {
          throw new IllegalArgumentException(
              files.get(f)
                  + " holds label value "
                  + v
                  + " that "
                  + meta.path
                  + " does not describe (expected one of the labelIDs "
                  + byId.keySet()
                  + " of its segmentAttributes group)");
        }
      }
      for (SegMeta.Label l : byId.values()) {
        if (present.contains((long) l.labelId())) {
          order.add(new int[] {f, l.labelId()});
          described.add(l);
        } else {
          warnings.add(
              "labelID "
                  + l.labelId()
                  + " has no voxels in "
                  + files.get(f).getFileName()
                  + "; no segment written for it");
        }
      }
    }
    if (order.isEmpty()) {
      throw new IllegalArgumentException(
          "No described label occurs in " + files + " (expected voxels with a labelID value)");
    }
    boolean byLabelId = labelIdsRunFromOne(order);
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      int number = byLabelId ? order.get(i)[1] : i + 1;
      segments.add(
          new Segment(
              order.get(i)[0], order.get(i)[1], number, meta.describe(described.get(i), number)));
    }
    segments.sort((a, b) -> Integer.compare(a.number(), b.number()));
    NdArray labels = combined(segments, arrays);
    if (labels != null) {
      return new SegLabelInputs(segments, warnings, false, labels);
    }
    return new SegLabelInputs(segments, warnings, true, stacked(segments, arrays));
  }

  private static int groupIndex(SegMeta meta, List<Path> files, int file) {
    if (meta.fileMapping.isEmpty()) {
      return file;
    }
    return meta.fileMapping.indexOf(mappedName(meta, files.get(file)));
  }

  private static String mappedName(SegMeta meta, Path file) {
    String name = file.getFileName().toString();
    for (String m : meta.fileMapping) {
      if (m.equals(name) || file.toString().endsWith("/" + m) || file.toString().equals(m)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        file
            + " is not named in segmentAttributesFileMapping of "
            + meta.path
            + " (expected one of "
            + meta.fileMapping
            + ")");
  }

  /** The described labels of each file, in file order. */
  private static List<List<SegMeta.Label>> groupsOfFiles(SegMeta meta, List<Path> files) {
    List<List<SegMeta.Label>> out = new ArrayList<>();
    if (!meta.fileMapping.isEmpty()) {
      if (files.size() != meta.fileMapping.size()) {
        throw new IllegalArgumentException(
            files.size()
                + " label files given but segmentAttributesFileMapping of "
                + meta.path
                + " names "
                + meta.fileMapping.size());
      }
      TreeSet<String> used = new TreeSet<>();
      for (Path f : files) {
        String m = mappedName(meta, f);
        if (!used.add(m)) {
          throw new IllegalArgumentException(
              "Two label files match " + m + " of segmentAttributesFileMapping (expected one)");
        }
        out.add(meta.groups.get(meta.fileMapping.indexOf(m)));
      }
      return out;
    }
    if (files.size() == meta.groups.size()) {
      return meta.groups;
    }
    if (files.size() == 1) {
      // One label file with several groups: every group describes that file (labelIDs distinct).
      List<SegMeta.Label> all = new ArrayList<>();
      TreeSet<Integer> ids = new TreeSet<>();
      for (List<SegMeta.Label> g : meta.groups) {
        for (SegMeta.Label l : g) {
          if (!ids.add(l.labelId())) {
            throw new IllegalArgumentException(
                meta.path
                    + " describes labelID "
                    + l.labelId()
                    + " in two groups, but one label file is given (expected one file per group)");
          }
          all.add(l);
        }
      }
      out.add(all);
      return out;
    }
    throw new IllegalArgumentException(
        files.size()
            + " label files given but "
            + meta.path
            + " has "
            + meta.groups.size()
            + " segmentAttributes groups (expected one group per label file)");
  }

  private static TreeSet<Long> presentLabels(NdArray a, Path file) {
    TreeSet<Long> present = new TreeSet<>();
    boolean[] small = new boolean[65536];
    for (int i = 0, n = a.size(); i < n; i++) {
      long v = a.getFlatLong(i);
      if (v == 0) {
        continue;
      }
      if (v < 0 || v > 65535) {
        throw new IllegalArgumentException(
            file + " holds label value " + v + " (expected 0 for background or 1 to 65535)");
      }
      small[(int) v] = true;
    }
    for (int v = 1; v < small.length; v++) {
      if (small[v]) {
        present.add((long) v);
      }
    }
    return present;
  }

  private static boolean labelIdsRunFromOne(List<int[]> order) {
    int[] ids = order.stream().mapToInt(o -> o[1]).sorted().toArray();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] != i + 1) {
        return false;
      }
    }
    return true;
  }

  /** Per file, a lookup from voxel value to segment number (0 = no segment). */
  private static int[][] lookups(List<Segment> segments, int files) {
    int[][] lut = new int[files][];
    for (int f = 0; f < files; f++) {
      int max = 0;
      for (Segment s : segments) {
        if (s.file() == f) {
          max = Math.max(max, s.labelId());
        }
      }
      lut[f] = new int[max + 1];
    }
    for (Segment s : segments) {
      lut[s.file()][s.labelId()] = s.number();
    }
    return lut;
  }

  private static int lookup(int[] lut, long v) {
    return v > 0 && v < lut.length ? lut[(int) v] : 0;
  }

  /** One label map of segment numbers, or null when segments of different files overlap. */
  private static NdArray combined(List<Segment> segments, List<NdArray> arrays) {
    int[] shape = arrays.get(0).shape();
    int max = segments.stream().mapToInt(Segment::number).max().orElse(0);
    NdArray out = NdArray.zeros(max <= 255 ? DType.UINT8 : DType.UINT16, shape);
    int[][] lut = lookups(segments, arrays.size());
    for (int f = 0; f < arrays.size(); f++) {
      NdArray a = arrays.get(f);
      if (!Arrays.equals(a.shape(), shape)) {
        throw new IllegalArgumentException(
            "Label files differ in shape: "
                + Arrays.toString(shape)
                + " and "
                + Arrays.toString(a.shape()));
      }
      for (int i = 0, n = a.size(); i < n; i++) {
        int s = lookup(lut[f], a.getFlatLong(i));
        if (s != 0) {
          if (out.getFlatLong(i) != 0) {
            return null;
          }
          out.setFlatLong(i, s);
        }
      }
    }
    return out;
  }

  /** Stacked 0/1 masks (planes, rows, columns, segments), segment k + 1 in channel k. */
  private static NdArray stacked(List<Segment> segments, List<NdArray> arrays) {
    int[] shape = arrays.get(0).shape();
    int n = segments.size();
    int voxels = arrays.get(0).size();
    if ((long) voxels * n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "Overlapping segments need "
              + ((long) voxels * n)
              + " mask voxels (expected at most 2^31 - 9): use fewer segments per SEG");
    }
    NdArray out = NdArray.zeros(DType.UINT8, shape[0], shape[1], shape[2], n);
    int[][] lut = lookups(segments, arrays.size());
    for (int f = 0; f < arrays.size(); f++) {
      NdArray a = arrays.get(f);
      for (int i = 0; i < voxels; i++) {
        int s = lookup(lut[f], a.getFlatLong(i));
        if (s != 0) {
          out.setFlatLong(i * n + s - 1, 1);
        }
      }
    }
    return out;
  }
}
