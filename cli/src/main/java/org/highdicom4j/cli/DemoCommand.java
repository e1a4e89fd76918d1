package org.highdicom4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.highdicom4j.Image;
import org.highdicom4j.Volume;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.ko.KeyObjectSelectionDocument;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.highdicom4j.seg.Segmentation;
import org.highdicom4j.seg.SegmentationTypeValues;
import org.highdicom4j.sr.Comprehensive3DSR;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hd4j demo}: a tour of what the library does, on a synthetic CT phantom. It writes the
 * phantom as a CT series, reads it into a volume, segments the organs by HU thresholds (checked
 * against the phantom's ground truth), writes a BINARY and a LABELMAP Segmentation, a TID 1500
 * Comprehensive 3D SR with each organ's volume, and a Key Object Selection of the key slices, reads
 * every object back and compares, and validates everything with dciodvfy when it is installed. The
 * summary goes to standard output, progress to standard error; the exit status is non-zero when a
 * read-back comparison fails or dciodvfy reports an error.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Tour: write a synthetic CT series, segment it (BINARY and LABELMAP SEG), report organ",
      "volumes (TID 1500 SR), flag key slices (KOS), read everything back and validate it."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default: a new temporary directory)")
  Path out;

  @Option(
      names = "--slices",
      defaultValue = "64",
      description = "Number of CT slices, 8 to 512 (default: ${DEFAULT-VALUE})")
  int slices;

  @Option(
      names = "--size",
      defaultValue = "128",
      description = "Rows and columns of each slice, 32 to 1024 (default: ${DEFAULT-VALUE})")
  int size;

  @Override
  public Integer call() throws Exception {
    if (slices < 8 || slices > 512 || size < 32 || size > 1024) {
      throw new ParameterException(
          spec.commandLine(),
          "--slices must be 8 to 512 and --size 32 to 1024: " + slices + ", " + size);
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = out != null ? out : Files.createTempDirectory("hd4j-demo-");
    Files.createDirectories(dir);
    o.println("highdicom4j demo: output in " + dir);
    DemoReport report = new DemoReport(o, dir);

    // 1. The phantom as a CT series.
    SyntheticCtSeries phantom = new SyntheticCtSeries(slices, size, size, 0.7 * 512 / size, 1.25);
    Progress writing = new Progress(err, "writing CT slices", slices);
    List<Path> ctFiles = phantom.writeTo(dir.resolve("ct"), s -> writing.step());
    writing.done();
    report.step(
        "CT",
        String.format(
            java.util.Locale.ROOT,
            "%d CT Image Storage instances, %d x %d int16: ct/CT0001.dcm .. CT%04d.dcm (%s)",
            slices,
            size,
            size,
            slices,
            DemoReport.size(ctFiles)));

    // 2. Read them with Image and stack them into a volume.
    List<Image> images = new ArrayList<>();
    for (Path f : ctFiles) {
      images.add(Image.read(f));
    }
    Volume ct = Image.getVolumeFromSeries(images);
    List<DicomDataset> ctInPlaneOrder = new ArrayList<>(images.size());
    int[] sliceOfPlane = new int[images.size()];
    orderByPlane(ct, images, ctInPlaneOrder, sliceOfPlane);
    int[] shape = ct.spatialShape();
    double[] spacing = ct.spacing();
    report.step(
        "Volume",
        String.format(
            java.util.Locale.ROOT,
            "Image.getVolumeFromSeries: %d x %d x %d voxels of %.2f x %.2f x %.2f mm, %.0f .. %.0f"
                + " HU",
            shape[0],
            shape[1],
            shape[2],
            spacing[0],
            spacing[1],
            spacing[2],
            ct.array().min(),
            ct.array().max()));

    // 3. Threshold into a label map; compare with the phantom's ground truth.
    DemoPhantomSegmenter.Result seg = DemoPhantomSegmenter.segment(ct);
    Map<DemoOrgan, Double> dice =
        new DemoGroundTruth(phantom, size, size).dice(seg.labels(), sliceOfPlane);
    report.step(
        "Segment",
        "HU thresholds into a label map of "
            + DemoOrgan.values().length
            + " organs; Dice against the phantom's ground truth:");
    for (DemoOrgan organ : DemoOrgan.values()) {
      report.detail(
          "%d %-17s %-21s %7d voxels  Dice %.4f",
          organ.label(), organ.segmentLabel(), organ.rule(), seg.voxels(organ), dice.get(organ));
    }

    // 4. BINARY and LABELMAP segmentations.
    Map<DemoOrgan, String> trackingUids = new EnumMap<>(DemoOrgan.class);
    for (DemoOrgan organ : DemoOrgan.values()) {
      trackingUids.put(organ, UidGenerator.newUid());
    }
    Path binaryFile = dir.resolve("seg-binary.dcm");
    Path labelMapFile = dir.resolve("seg-labelmap.dcm");
    Segmentation binary =
        DemoSegmentations.build(
            SegmentationTypeValues.BINARY, ctInPlaneOrder, seg.labels(), 100, trackingUids);
    binary.write(binaryFile);
    Segmentation labelMap =
        DemoSegmentations.build(
            SegmentationTypeValues.LABELMAP, ctInPlaneOrder, seg.labels(), 101, trackingUids);
    labelMap.write(labelMapFile);
    report.step(
        "SEG",
        String.format(
            java.util.Locale.ROOT,
            "%d segments with SCT codes, AUTOMATIC \"%s\":",
            binary.numberOfSegments(),
            DemoSegmentations.ALGORITHM_NAME));
    report.detail(
        "%-26s BINARY, %d frames of 1 bit (one per segment and slice holding it)",
        report.file(binaryFile), binary.numberOfFrames());
    report.detail(
        "%-26s LABELMAP, %d frames of 8 bits (one per slice), RLE Lossless",
        report.file(labelMapFile), labelMap.numberOfFrames());

    // 5. TID 1500 report of the organ volumes.
    double voxelMm3 = ct.voxelVolume();
    Map<DemoOrgan, Double> volumesMl = new EnumMap<>(DemoOrgan.class);
    for (DemoOrgan organ : DemoOrgan.values()) {
      volumesMl.put(organ, DemoMeasurementReport.volumeMl(seg.voxels(organ), voxelMm3));
    }
    Path srFile = dir.resolve("sr.dcm");
    Comprehensive3DSR sr =
        DemoMeasurementReport.build(binary, ctInPlaneOrder, seg, voxelMm3, trackingUids);
    sr.write(srFile);
    report.step(
        "SR",
        report.file(srFile)
            + ": Comprehensive 3D SR, TID 1500, the volume of each segment of seg-binary.dcm:");
    for (DemoOrgan organ : DemoOrgan.values()) {
      report.detail(
          "%-17s %8.2f ml = %7d voxels x %.3f mm3",
          organ.segmentLabel(), volumesMl.get(organ), seg.voxels(organ), voxelMm3);
    }

    // 6. Key Object Selection of the key slices.
    Map<DemoOrgan, Integer> keyPlanes = DemoKeySlices.largestCrossSections(seg.labels());
    Path kosFile = dir.resolve("kos.dcm");
    KeyObjectSelectionDocument kos = DemoKeySlices.build(keyPlanes, ctInPlaneOrder);
    kos.write(kosFile);
    Set<String> keyUids = new LinkedHashSet<>();
    for (int plane : keyPlanes.values()) {
      keyUids.add(ctInPlaneOrder.get(plane).getString(Tag.SOPInstanceUID));
    }
    report.step(
        "KOS",
        report.file(kosFile)
            + ": \"Of Interest\", "
            + keyUids.size()
            + " key slices, the largest cross-section of each organ:");
    for (Map.Entry<DemoOrgan, Integer> e : keyPlanes.entrySet()) {
      report.detail(
          "%-17s ct/CT%04d.dcm", e.getKey().segmentLabel(), sliceOfPlane[e.getValue()] + 1);
    }

    // 7. Read everything back.
    List<DemoReadBack.Check> checks =
        List.of(
            DemoReadBack.segmentation(binaryFile, seg.labels(), ct),
            DemoReadBack.segmentation(labelMapFile, seg.labels(), ct),
            DemoReadBack.report(srFile, volumesMl, binary.sopInstanceUid()),
            DemoReadBack.keyObjects(kosFile, keyUids));
    long passed = checks.stream().filter(DemoReadBack.Check::ok).count();
    report.step("Read back", passed + " of " + checks.size() + " objects as written:");
    for (DemoReadBack.Check c : checks) {
      report.detail("%s %-16s %s", c.ok() ? "ok  " : "FAIL", c.what(), c.detail());
    }

    // 8. Validate with dciodvfy.
    List<Path> objects = List.of(binaryFile, labelMapFile, srFile, kosFile);
    int errors = validate(report, err, ctFiles, objects, labelMapFile);

    boolean ok = passed == checks.size() && errors == 0;
    o.printf(
        java.util.Locale.ROOT,
        "%s in %.1f s: %d files in %s%n",
        ok ? "Done" : "FAILED",
        report.totalSeconds(),
        ctFiles.size() + objects.size(),
        dir);
    o.flush();
    return ok ? 0 : 1;
  }

  /**
   * Puts the CT data sets in the volume's plane order (the order of the label map and of the
   * segmentation frames) and notes which phantom slice each plane shows.
   */
  private static void orderByPlane(
      Volume ct, List<Image> images, List<DicomDataset> ordered, int[] sliceOfPlane) {
    DicomDataset[] byPlane = new DicomDataset[images.size()];
    for (Image image : images) {
      DicomDataset ds = image.dataset();
      double[] position = ds.getDoubles(Tag.ImagePositionPatient);
      int plane = (int) ct.mapReferenceToIndices(new double[][] {position}, true, true)[0][0];
      byPlane[plane] = ds;
      sliceOfPlane[plane] = ds.getInt(Tag.InstanceNumber, 0) - 1;
    }
    ordered.addAll(Arrays.asList(byPlane));
  }

  /** Runs dciodvfy over every file written, prints the counts and returns the errors. */
  private static int validate(
      DemoReport report, PrintWriter err, List<Path> ctFiles, List<Path> objects, Path labelMap)
      throws Exception {
    if (!DemoValidation.available()) {
      report.step("Validate", "dciodvfy not installed, skipping validation");
      return 0;
    }
    Progress progress = new Progress(err, "dciodvfy", ctFiles.size() + objects.size());
    int ctErrors = 0;
    int ctWarnings = 0;
    List<String> lines = new ArrayList<>();
    for (Path f : ctFiles) {
      DemoValidation.Result r = DemoValidation.validate(f, false);
      ctErrors += r.errors();
      ctWarnings += r.warnings();
      for (String e : r.errorLines()) {
        lines.add("    " + f.getFileName() + ": " + e);
      }
      progress.step();
    }
    List<DemoValidation.Result> results = new ArrayList<>();
    for (Path f : objects) {
      results.add(DemoValidation.validate(f, f.equals(labelMap)));
      progress.step();
    }
    progress.done();
    int errors = ctErrors;
    for (DemoValidation.Result r : results) {
      errors += r.errors();
    }
    report.step("Validate", "dciodvfy: " + errors + " errors");
    report.detail(
        "%-17s %d errors, %d warnings", "ct/ (" + ctFiles.size() + " files)", ctErrors, ctWarnings);
    lines.forEach(l -> report.detail("%s", l));
    for (DemoValidation.Result r : results) {
      report.detail(
          "%-17s %d errors, %d warnings%s",
          r.file().getFileName(),
          r.errors(),
          r.warnings(),
          r.file().equals(labelMap) ? " (as Segmentation Storage, Sup 243 messages ignored)" : "");
      r.errorLines().forEach(l -> report.detail("    %s", l));
    }
    return errors;
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
