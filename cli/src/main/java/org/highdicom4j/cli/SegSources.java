package org.highdicom4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.highdicom4j.dicom.data.DicomDataset;
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
