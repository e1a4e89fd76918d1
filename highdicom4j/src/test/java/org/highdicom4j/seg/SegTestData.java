package org.highdicom4j.seg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.highdicom4j.AlgorithmIdentificationSequence;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Inputs and external tools shared by the segmentation tests. */
final class SegTestData {
  private SegTestData() {}

  /** Returns the shared folder (../shared beside the repository), or null. */
  static Path shared() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    return p == null ? null : p.resolve("shared");
  }

  /** Skips (or fails under CI) when a prerequisite is missing. */
  static void require(boolean present, String what) {
    if (!present && System.getenv("CI") != null) {
      Assertions.fail(what + " is required under CI");
    }
    Assumptions.assumeTrue(present, what + " is absent: skipped");
  }

  static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Result of an external command. */
  record Result(int exit, String out, String err) {}

  static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    Path out = Files.createTempFile("seg-tool", ".out");
    Path err = Files.createTempFile("seg-tool", ".err");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    Result r =
        new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  static CodedConcept organ() {
    return new CodedConcept("123037004", "SCT", "Anatomical Structure");
  }

  static SegmentDescription manual(int number, String label) {
    return SegmentDescription.builder(
            number,
            label,
            organ(),
            new CodedConcept("10200004", "SCT", "Liver"),
            SegmentAlgorithmTypeValues.MANUAL)
        .build();
  }

  static SegmentDescription automatic(int number, String label) {
    return SegmentDescription.builder(
            number,
            label,
            organ(),
            new CodedConcept("64033007", "SCT", "Kidney"),
            SegmentAlgorithmTypeValues.AUTOMATIC)
        .algorithmIdentification(
            new AlgorithmIdentificationSequence("Test AI", DCM.ArtificialIntelligence, "1.0"))
        .anatomicRegions(new CodedConcept("818981001", "SCT", "Abdomen"))
        .build();
  }

  static List<SegmentDescription> descriptions(int... numbers) {
    List<SegmentDescription> out = new ArrayList<>();
    for (int n : numbers) {
      out.add(n % 2 == 0 ? automatic(n, "Segment " + n) : manual(n, "Segment " + n));
    }
    return out;
  }

  /** Returns a builder with the required identity options set. */
  static Segmentation.Builder identity(Segmentation.Builder b) {
    return b.seriesInstanceUid(UidGenerator.newUid())
        .seriesNumber(100)
        .sopInstanceUid(UidGenerator.newUid())
        .instanceNumber(1)
        .manufacturer("highdicom4j tests")
        .manufacturerModelName("SegmentationTest")
        .softwareVersions("0.1")
        .deviceSerialNumber("0001");
  }

  /**
   * An Enhanced CT Image (PS3.3 A.38) without pixel data: frames in a patient frame of reference
   * listed from the highest z down, so that output order and input order differ.
   */
  static DicomDataset enhancedCt(int frames, int rows, int columns) {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SOPClassUID, VR.UI, UID.EnhancedCTImageStorage);
    ds.setString(Tag.SOPInstanceUID, VR.UI, UidGenerator.newUid());
    ds.setString(Tag.StudyInstanceUID, VR.UI, UidGenerator.newUid());
    ds.setString(Tag.SeriesInstanceUID, VR.UI, UidGenerator.newUid());
    ds.setString(Tag.FrameOfReferenceUID, VR.UI, UidGenerator.newUid());
    ds.setString(Tag.Modality, VR.CS, "CT");
    ds.setString(Tag.PatientName, VR.PN, "Enhanced^Synthetic");
    ds.setString(Tag.PatientID, VR.LO, "HD4J-ENH-1");
    ds.setString(Tag.PatientSex, VR.CS, "F");
    ds.setString(Tag.StudyID, VR.SH, "7");
    ds.setString(Tag.AccessionNumber, VR.SH, "ACC7");
    ds.setString(Tag.StudyDate, VR.DA, "20240201");
    ds.setString(Tag.StudyTime, VR.TM, "120000");
    ds.setInt(Tag.NumberOfFrames, VR.IS, frames);
    ds.setInt(Tag.Rows, VR.US, rows);
    ds.setInt(Tag.Columns, VR.US, columns);
    DicomDataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addNewItem();
    DicomDataset pm = shared.newSequence(Tag.PixelMeasuresSequence).addNewItem();
    pm.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.5);
    pm.setDouble(Tag.SliceThickness, VR.DS, 3.0);
    shared
        .newSequence(Tag.PlaneOrientationSequence)
        .addNewItem()
        .setDouble(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
    Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
    for (int f = 0; f < frames; f++) {
      perFrame
          .addNewItem()
          .newSequence(Tag.PlanePositionSequence)
          .addNewItem()
          .setDouble(Tag.ImagePositionPatient, VR.DS, -4.0, -4.0, 3.0 * (frames - 1 - f));
    }
    return ds;
  }

  /**
   * A VL Whole Slide Microscopy Image (PS3.3 A.32.8) without pixel data, TILED_FULL without
   * per-frame functional groups: one focal plane, one optical path.
   */
  static DicomDataset wholeSlide(
      int totalRows,
      int totalColumns,
      int tileRows,
      int tileColumns,
      double[] origin,
      double[] orientation,
      double rowSpacing,
      double columnSpacing) {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SOPClassUID, VR.UI, UID.VLWholeSlideMicroscopyImageStorage);
    ds.setString(Tag.SOPInstanceUID, VR.UI, UidGenerator.newUid());
    ds.setString(Tag.StudyInstanceUID, VR.UI, UidGenerator.newUid());
    ds.setString(Tag.SeriesInstanceUID, VR.UI, UidGenerator.newUid());
    ds.setString(Tag.FrameOfReferenceUID, VR.UI, UidGenerator.newUid());
    ds.setString(Tag.Modality, VR.CS, "SM");
    ds.setString(Tag.PatientName, VR.PN, "Slide^Synthetic");
    ds.setString(Tag.PatientID, VR.LO, "HD4J-SM-1");
    ds.setString(Tag.StudyID, VR.SH, "8");
    ds.setString(Tag.AccessionNumber, VR.SH, "ACC8");
    ds.setString(Tag.StudyDate, VR.DA, "20240301");
    ds.setString(Tag.StudyTime, VR.TM, "120000");
    ds.setString(Tag.ContainerIdentifier, VR.LO, "SLIDE-1");
    ds.setString(Tag.DimensionOrganizationType, VR.CS, "TILED_FULL");
    int frames =
        ((totalRows + tileRows - 1) / tileRows) * ((totalColumns + tileColumns - 1) / tileColumns);
    ds.setInt(Tag.NumberOfFrames, VR.IS, frames);
    ds.setInt(Tag.Rows, VR.US, tileRows);
    ds.setInt(Tag.Columns, VR.US, tileColumns);
    ds.setInt(Tag.TotalPixelMatrixRows, VR.UL, totalRows);
    ds.setInt(Tag.TotalPixelMatrixColumns, VR.UL, totalColumns);
    ds.setInt(Tag.TotalPixelMatrixFocalPlanes, VR.UL, 1);
    ds.setInt(Tag.NumberOfOpticalPaths, VR.UL, 1);
    DicomDataset o = ds.newSequence(Tag.TotalPixelMatrixOriginSequence).addNewItem();
    o.setDouble(Tag.XOffsetInSlideCoordinateSystem, VR.DS, origin[0]);
    o.setDouble(Tag.YOffsetInSlideCoordinateSystem, VR.DS, origin[1]);
    ds.setDouble(Tag.ImageOrientationSlide, VR.DS, orientation);
    DicomDataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addNewItem();
    DicomDataset pm = shared.newSequence(Tag.PixelMeasuresSequence).addNewItem();
    pm.setDouble(Tag.PixelSpacing, VR.DS, rowSpacing, columnSpacing);
    pm.setDouble(Tag.SliceThickness, VR.DS, 0.01);
    return ds;
  }

  /**
   * Copies a LABELMAP file into {@code dir} with Segmentation Storage as its SOP Class, so that
   * dciodvfy, whose Debian edition predates Label Map Segmentation Storage (Supplement 243), checks
   * every module of the IOD; the messages Supplement 243 makes obsolete are then ignored by name
   * (see {@code SegmentationConformanceTest.LABELMAP_IGNORES}).
   */
  static Path asSegmentationStorage(Path file, Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] from = Segmentation.LABEL_MAP_SEGMENTATION_STORAGE.getBytes(StandardCharsets.US_ASCII);
    byte[] to = UID.SegmentationStorage.getBytes(StandardCharsets.US_ASCII);
    // Same length ("…66.7" vs "…66.4"): the UID is replaced in place, in meta and data set.
    if (from.length != to.length) {
      throw new IllegalStateException("SOP Class UIDs of different length");
    }
    for (int i = 0; i + from.length <= bytes.length; i++) {
      boolean match = true;
      for (int k = 0; k < from.length && match; k++) {
        match = bytes[i + k] == from[k];
      }
      if (match) {
        System.arraycopy(to, 0, bytes, i, to.length);
      }
    }
    Path copy = dir.resolve(file.getFileName().toString().replace(".dcm", ".as66.4.dcm"));
    Files.write(copy, bytes);
    return copy;
  }
}
