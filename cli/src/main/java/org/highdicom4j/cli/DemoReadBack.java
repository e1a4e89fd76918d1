package org.highdicom4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.coding.SCT;
import org.highdicom4j.ko.KeyObjectSelectionDocument;
import org.highdicom4j.seg.SegmentPixelOptions;
import org.highdicom4j.seg.Segmentation;
import org.highdicom4j.sr.EvidenceReference;
import org.highdicom4j.sr.Measurement;
import org.highdicom4j.sr.MeasurementReport;
import org.highdicom4j.sr.ReferencedSegment;
import org.highdicom4j.sr.SRDocument;
import org.highdicom4j.sr.StructuredReports;
import org.highdicom4j.sr.VolumetricROIMeasurementsAndQualitativeEvaluations;

/**
 * Reads back every object {@code hd4j demo} wrote, with the library's readers, and compares what it
 * finds with what was written: the segmentations' volumes with the label map and the CT geometry,
 * the report's volumes and referenced segments, the key object selection's references.
 */
final class DemoReadBack {
  /**
   * The outcome of one comparison.
   *
   * @param what what was compared
   * @param ok whether it matched
   * @param detail what was found
   */
  record Check(String what, boolean ok, String detail) {}

  private DemoReadBack() {}

  /**
   * Reads a segmentation and compares its volume (segments combined) with the label map.
   *
   * @param file the segmentation file
   * @param labels the label map written, in the CT volume's plane order
   * @param ct the CT volume (for the geometry)
   * @return the check
   * @throws IOException when the file cannot be read
   */
  static Check segmentation(Path file, NdArray labels, Volume ct) throws IOException {
    Segmentation seg = Segmentation.read(file);
    Volume vol = seg.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    NdArray read = vol.array();
    long differing = 0;
    if (!Arrays.equals(read.shape(), labels.shape())) {
      return new Check(
          file.getFileName() + " label map", false, "shape " + Arrays.toString(read.shape()));
    }
    for (int i = 0; i < labels.size(); i++) {
      if (read.getFlatLong(i) != labels.getFlatLong(i)) {
        differing++;
      }
    }
    boolean sameGeometry = maxDifference(vol.affine(), ct.affine()) < 1e-4;
    String detail =
        seg.segmentationType().value()
            + ", "
            + seg.numberOfSegments()
            + " segments, "
            + seg.numberOfFrames()
            + " frames: "
            + (differing == 0 ? "label map identical" : differing + " voxels differ")
            + (sameGeometry ? ", geometry of the CT volume" : ", geometry differs from the CT");
    return new Check(file.getFileName().toString(), differing == 0 && sameGeometry, detail);
  }

  /**
   * Reads the report and compares each organ's volume and referenced segment.
   *
   * @param file the SR file
   * @param expectedMl the volume written per organ, in ml
   * @param segSopInstanceUid the BINARY segmentation the groups must reference
   * @return the check
   * @throws IOException when the file cannot be read
   */
  static Check report(Path file, Map<DemoOrgan, Double> expectedMl, String segSopInstanceUid)
      throws IOException {
    Map<DemoOrgan, Double> read = volumes(file, segSopInstanceUid);
    boolean ok = read.equals(expectedMl);
    return new Check(
        file.getFileName().toString(),
        ok,
        read.size()
            + " volumetric groups: "
            + (ok ? "volumes equal those written" : "volumes differ: " + read));
  }

  /**
   * Reads the organ volumes of the report, keyed by the segment each group references.
   *
   * @param file the SR file
   * @param segSopInstanceUid the segmentation the groups must reference; groups referencing another
   *     are left out
   * @return the volume in ml per organ
   * @throws IOException when the file cannot be read
   */
  static Map<DemoOrgan, Double> volumes(Path file, String segSopInstanceUid) throws IOException {
    SRDocument sr = StructuredReports.read(file);
    MeasurementReport report =
        sr.measurementReport()
            .orElseThrow(() -> new IOException(file + " holds no TID 1500 Measurement Report"));
    Map<DemoOrgan, Double> out = new EnumMap<>(DemoOrgan.class);
    for (VolumetricROIMeasurementsAndQualitativeEvaluations g :
        report.getVolumetricRoiMeasurementGroups()) {
      ReferencedSegment segment = g.referencedSegment().orElse(null);
      if (segment == null || !segment.sopInstanceUid().equals(segSopInstanceUid)) {
        continue;
      }
      List<Measurement> m = g.getMeasurements(SCT.Volume);
      if (m.size() == 1
          && m.get(0).unit().filter(DemoMeasurementReport.MILLILITER::equals).isPresent()) {
        out.put(DemoOrgan.ofLabel(segment.segmentNumber()), m.get(0).value().orElse(Double.NaN));
      }
    }
    return out;
  }

  /**
   * Reads the key object selection and compares the instances it references.
   *
   * @param file the KOS file
   * @param expectedSopInstanceUids the key slices' SOP Instance UIDs
   * @return the check
   * @throws IOException when the file cannot be read
   */
  static Check keyObjects(Path file, Set<String> expectedSopInstanceUids) throws IOException {
    KeyObjectSelectionDocument kos = KeyObjectSelectionDocument.read(file);
    Set<String> read = new HashSet<>();
    for (EvidenceReference r : kos.getReferencedInstances()) {
      read.add(r.sopInstanceUid());
    }
    boolean ok = read.equals(expectedSopInstanceUids);
    return new Check(
        file.getFileName().toString(),
        ok,
        "\""
            + kos.content().documentTitle().meaning()
            + "\", "
            + read.size()
            + " CT instances"
            + (ok ? ", the key slices" : ", expected " + expectedSopInstanceUids.size()));
  }

  private static double maxDifference(double[][] a, double[][] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return max;
  }
}
