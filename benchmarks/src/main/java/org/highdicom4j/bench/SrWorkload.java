package org.highdicom4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sr.Comprehensive3DSR;
import org.highdicom4j.sr.GraphicTypeValues;
import org.highdicom4j.sr.ImageRegion;
import org.highdicom4j.sr.Measurement;
import org.highdicom4j.sr.MeasurementGroup;
import org.highdicom4j.sr.MeasurementReport;
import org.highdicom4j.sr.ObservationContext;
import org.highdicom4j.sr.ObserverContext;
import org.highdicom4j.sr.PersonObserverIdentifyingAttributes;
import org.highdicom4j.sr.PlanarROIMeasurementsAndQualitativeEvaluations;
import org.highdicom4j.sr.SRDocument;
import org.highdicom4j.sr.SourceImageForRegion;
import org.highdicom4j.sr.StructuredReports;
import org.highdicom4j.sr.TrackingIdentifier;

/**
 * The SR workloads of the peer's timings: {@code sr-build} builds a TID 1500 report of N TID 1410
 * groups, each a POLYLINE region on one CT slice with 3 NUM measurements (area, mean, long axis),
 * puts it in a Comprehensive 3D SR with the CT instances as evidence (phase "build") and writes it
 * (phase "write"); {@code sr-read} reads a document and extracts every measurement (phase
 * "read+measurements").
 */
final class SrWorkload {
  static final CodedConcept AREA = new CodedConcept("42798000", "SCT", "Area");
  static final CodedConcept MEAN = new CodedConcept("373098007", "SCT", "Mean");
  static final CodedConcept LONG_AXIS = new CodedConcept("103339001", "SCT", "Long Axis");
  static final CodedConcept MM2 = new CodedConcept("mm2", "UCUM", "square millimeter");
  static final CodedConcept HU = new CodedConcept("[hnsf'U]", "UCUM", "Hounsfield unit");
  static final CodedConcept MM = new CodedConcept("mm", "UCUM", "millimeter");
  static final CodedConcept CT_BODY =
      new CodedConcept("25045-6", "LN", "CT unspecified body region");

  private SrWorkload() {}

  static List<DicomDataset> readSeries(Path source) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(source)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    List<DicomDataset> out = new ArrayList<>();
    for (Path f : files) {
      DicomDataset ds = DicomReader.read(f).dataset();
      ds.remove(Tag.PixelData); // evidence needs attributes only
      out.add(ds);
    }
    return out;
  }

  static Comprehensive3DSR build(List<DicomDataset> ct, int groups) {
    List<MeasurementGroup> gs = new ArrayList<>(groups);
    for (int i = 0; i < groups; i++) {
      DicomDataset slice = ct.get(i % ct.size());
      double x = 10 + i % 50;
      gs.add(
          PlanarROIMeasurementsAndQualitativeEvaluations.builder(
                  new TrackingIdentifier(UidGenerator.newUid(), "Region" + i))
              .referencedRegion(
                  new ImageRegion(
                      GraphicTypeValues.POLYLINE,
                      new double[][] {{x, 10}, {x + 20, 10}, {x + 20, 30}, {x, 30}, {x, 10}},
                      SourceImageForRegion.fromSourceImage(slice)))
              .measurements(
                  List.of(
                      new Measurement(AREA, 400.0 + i, MM2),
                      new Measurement(MEAN, 40.5 + i, HU),
                      new Measurement(LONG_AXIS, 28.3 + i, MM)))
              .build());
    }
    MeasurementReport report =
        new MeasurementReport(
            new ObservationContext(
                new ObserverContext(
                    new PersonObserverIdentifyingAttributes("Doe^John", null, null, null, null)),
                null,
                null),
            List.of(CT_BODY),
            gs);
    return Comprehensive3DSR.builder()
        .evidence(ct)
        .content(report)
        .seriesInstanceUid(UidGenerator.newUid())
        .seriesNumber(1)
        .sopInstanceUid(UidGenerator.newUid())
        .instanceNumber(1)
        .manufacturer("highdicom4j bench")
        .build();
  }

  static void runBuild(Path source, int groups, Path out, int repeat) throws Exception {
    List<DicomDataset> ct = readSeries(source);
    Path target = out != null ? out : Files.createTempFile("sr-build", ".dcm");
    Workloads.Phase build = new Workloads.Phase("sr-build", "build");
    Workloads.Phase write = new Workloads.Phase("sr-build", "write");
    long checksum = 0;
    for (int r = 0; r <= repeat; r++) {
      long t0 = System.nanoTime();
      Comprehensive3DSR sr = build(ct, groups);
      long t1 = System.nanoTime();
      sr.write(target);
      long t2 = System.nanoTime();
      checksum += sr.dataset().size();
      if (r > 0) {
        build.add(t1 - t0);
        write.add(t2 - t1);
      }
    }
    System.out.println(build.json());
    System.out.println(write.json());
    System.err.printf(
        "checksum %d, %d groups, %d evidence, %.2f MB %s%n",
        checksum, groups, ct.size(), Files.size(target) / 1e6, target);
    if (out == null) {
      Files.deleteIfExists(target);
    }
  }

  static void runRead(Path file, int repeat) throws Exception {
    Workloads.Phase phase = new Workloads.Phase("sr-read", "read+measurements");
    double checksum = 0;
    int count = 0;
    for (int r = 0; r <= repeat; r++) {
      long t0 = System.nanoTime();
      SRDocument sr = StructuredReports.read(file);
      count = 0;
      for (MeasurementGroup g : sr.measurementReport().orElseThrow().measurementGroups()) {
        for (Measurement m : g.measurements()) {
          checksum += m.value().orElse(0.0) + m.unit().map(u -> u.value().length()).orElse(0);
          count++;
        }
      }
      long t1 = System.nanoTime();
      if (r > 0) {
        phase.add(t1 - t0);
      }
    }
    System.out.println(phase.json());
    System.err.printf("checksum %.3f, %d measurements%n", checksum, count);
  }
}
