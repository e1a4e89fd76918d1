package org.highdicom4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.highdicom4j.dicom.io.ReadOptions;

/**
 * Source images of {@code hd4j seg}: read from files and directories (metadata only; pixel data
 * stays in the files) and put in label-map order.
 */
final class SegSources {
  private SegSources() {}

  /**
   * Reads the DICOM files among the given files and directories (directories recursively; other
   * files in a directory are skipped).
   *
   * @param paths files or directories
   * @return the data sets
   * @throws IOException when a named file cannot be read
   * @throws IllegalArgumentException when no DICOM file is found
   */
  static List<DicomDataset> read(List<Path> paths) throws IOException {
    ReadOptions ro = ReadOptions.DEFAULT.withBulkDataThreshold(4096);
    List<DicomDataset> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(p)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          try {
            out.add(DicomReader.read(f, ro).dataset());
          } catch (DicomStreamException e) {
            // not a DICOM file: directories may hold other files (README, screenshots)
          }
        }
      } else {
        out.add(DicomReader.read(p, ro).dataset());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("No DICOM source images found in " + paths);
    }
    return out;
  }

  /**
   * Sorts single-frame images by position along the slice normal, row cosines × column cosines (for
   * axial images: from feet to head), the order of label map axis 0.
   *
   * @param images single-frame images of one series
   * @return a sorted copy
   * @throws IllegalArgumentException when an image lacks position or orientation
   */
  static List<DicomDataset> sortAlongNormal(List<DicomDataset> images) {
    if (images.size() == 1) {
      return List.copyOf(images);
    }
    double[] normal = normal(images.get(0));
    List<DicomDataset> sorted = new ArrayList<>(images);
    sorted.sort(Comparator.comparingDouble(d -> dot(position(d), normal)));
    return sorted;
  }

  static double[] normal(DicomDataset d) {
    double[] o = d.getDoubles(Tag.ImageOrientationPatient);
    if (o == null || o.length != 6) {
      throw new IllegalArgumentException(
          "Source image lacks ImageOrientationPatient (0020,0037) (expected 6 direction cosines)");
    }
    return cross(o);
  }

  /** Row cosines × column cosines. */
  private static double[] cross(double[] o) {
    return new double[] {
      o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]
    };
  }

  static double[] position(DicomDataset d) {
    double[] p = d.getDoubles(Tag.ImagePositionPatient);
    if (p == null || p.length != 3) {
      throw new IllegalArgumentException(
          "Source image lacks ImagePositionPatient (0020,0032) (expected 3 coordinates)");
    }
    return p;
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  /**
   * Returns the LPS affine of a label map whose axis 0 follows the frames of one multi-frame image:
   * (frame, row, column) to patient coordinates, from the plane positions, orientation and pixel
   * spacing of its functional groups.
   *
   * @param image an enhanced or legacy-converted multi-frame image
   * @return the 4 × 4 matrix, or null when the frames lack positions, orientation or spacing, do
   *     not share them, or are not equally spaced along one line
   */
  static double[][] multiFrameAffine(DicomDataset image) {
    int n = image.getInt(Tag.NumberOfFrames, 1);
    Sequence perFrame = image.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    if (n < 1 || perFrame == null || perFrame.size() != n) {
      return null;
    }
    double[] orientation = null;
    double[] spacing = null;
    double[][] positions = new double[n][];
    for (int f = 0; f < n; f++) {
      DicomDataset item = perFrame.get(f);
      positions[f] = nested(item, image, Tag.PlanePositionSequence, Tag.ImagePositionPatient);
      double[] o = nested(item, image, Tag.PlaneOrientationSequence, Tag.ImageOrientationPatient);
      double[] sp = nested(item, image, Tag.PixelMeasuresSequence, Tag.PixelSpacing);
      if (positions[f] == null || positions[f].length != 3 || o == null || o.length != 6) {
        return null;
      }
      if (sp == null || sp.length != 2) {
        return null;
      }
      if (orientation == null) {
        orientation = o;
        spacing = sp;
      } else if (!near(orientation, o) || !near(spacing, sp)) {
        return null;
      }
    }
    double[] step = new double[3];
    if (n > 1) {
      for (int i = 0; i < 3; i++) {
        step[i] = positions[1][i] - positions[0][i];
      }
      for (int f = 2; f < n; f++) {
        for (int i = 0; i < 3; i++) {
          if (Math.abs(positions[f][i] - positions[0][i] - f * step[i]) > 1e-3) {
            return null;
          }
        }
      }
    } else {
      double[] normal = cross(orientation);
      // Enhanced images hold Slice Thickness in the Pixel Measures functional group.
      double[] grouped =
          nested(perFrame.get(0), image, Tag.PixelMeasuresSequence, Tag.SliceThickness);
      double t =
          grouped != null && grouped.length == 1 && grouped[0] > 0
              ? grouped[0]
              : image.getDouble(Tag.SliceThickness, 1.0);
      step = new double[] {normal[0] * t, normal[1] * t, normal[2] * t};
    }
    double[][] a = new double[4][4];
    for (int i = 0; i < 3; i++) {
      a[i][0] = step[i];
      a[i][1] = orientation[3 + i] * spacing[0];
      a[i][2] = orientation[i] * spacing[1];
      a[i][3] = positions[0][i];
    }
    a[3][3] = 1;
    return a;
  }

  /** A value from a per-frame functional group, else from the shared functional groups. */
  private static double[] nested(DicomDataset frame, DicomDataset image, int macro, int tag) {
    for (DicomDataset groups : new DicomDataset[] {frame, shared(image)}) {
      if (groups == null) {
        continue;
      }
      Sequence seq = groups.getSequence(macro);
      if (seq != null && !seq.isEmpty() && seq.get(0).contains(tag)) {
        return seq.get(0).getDoubles(tag);
      }
    }
    return null;
  }

  private static DicomDataset shared(DicomDataset image) {
    Sequence s = image.getSequence(Tag.SharedFunctionalGroupsSequence);
    return s == null || s.isEmpty() ? null : s.get(0);
  }

  private static boolean near(double[] a, double[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > 1e-4) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the LPS affine of a label map whose axis 0 follows the sorted images: (slice, row,
   * column) to patient coordinates.
   *
   * @param sorted images sorted along the normal
   * @return the 4 × 4 matrix
   */
  static double[][] affine(List<DicomDataset> sorted) {
    DicomDataset first = sorted.get(0);
    double[] o = first.getDoubles(Tag.ImageOrientationPatient);
    double[] spacing = first.getDoubles(Tag.PixelSpacing);
    double[] p0 = position(first);
    double[] step;
    if (sorted.size() > 1) {
      double[] p1 = position(sorted.get(1));
      step = new double[] {p1[0] - p0[0], p1[1] - p0[1], p1[2] - p0[2]};
    } else {
      double[] n = normal(first);
      double t = first.getDouble(Tag.SliceThickness, 1.0);
      step = new double[] {n[0] * t, n[1] * t, n[2] * t};
    }
    double[][] a = new double[4][4];
    for (int i = 0; i < 3; i++) {
      a[i][0] = step[i];
      a[i][1] = o[3 + i] * spacing[0];
      a[i][2] = o[i] * spacing[1];
      a[i][3] = p0[i];
    }
    a[3][3] = 1;
    return a;
  }
}
