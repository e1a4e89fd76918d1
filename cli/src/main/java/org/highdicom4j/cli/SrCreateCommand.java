package org.highdicom4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.ReadOptions;
import org.highdicom4j.sr.Comprehensive3DSR;
import org.highdicom4j.sr.ComprehensiveSR;
import org.highdicom4j.sr.EnhancedSR;
import org.highdicom4j.sr.MeasurementReport;
import org.highdicom4j.sr.SRDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hd4j sr create --meta FILE.json --image-library DIR|FILE... [--composite-context
 * DIR|FILE...] --out SR.dcm}: dcmqi's tid1500writer. The image library are the source images, the
 * composite context the segmentations and real world value maps the measurements reference; with a
 * directory, the file names listed in the JSON's {@code imageLibrary} / {@code compositeContext}
 * are taken from it (every file when the JSON lists none).
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Write a TID 1500 SR from dcmqi's measurement JSON (tid1500writer).")
final class SrCreateCommand implements Callable<Integer> {
  @Option(names = "--meta", required = true, paramLabel = "FILE.json", description = "dcmqi JSON")
  Path meta;

  @Option(
      names = "--image-library",
      required = true,
      arity = "1..*",
      paramLabel = "DIR|FILE",
      description = "source images (image library)")
  List<Path> imageLibrary;

  @Option(
      names = "--composite-context",
      arity = "1..*",
      paramLabel = "DIR|FILE",
      description = "SEG and RWVM instances the measurements reference")
  List<Path> compositeContext = new ArrayList<>();

  @Option(
      names = "--sop-class",
      paramLabel = "CLASS",
      description = "enhanced (default, as dcmqi), comprehensive or comprehensive3d")
  String sopClass = "enhanced";

  @Option(names = "--out", required = true, paramLabel = "SR.dcm", description = "output file")
  Path out;

  @Override
  public Integer call() throws Exception {
    JsonNode root = Tid1500Json.mapper().readTree(meta.toFile());
    List<DicomDataset> library = load(imageLibrary, root.get("imageLibrary"));
    List<DicomDataset> context = load(compositeContext, root.get("compositeContext"));
    Map<String, DicomDataset> byUid = new LinkedHashMap<>();
    for (DicomDataset ds : context) {
      byUid.put(ds.getString(Tag.SOPInstanceUID), ds);
    }
    MeasurementReport report = Tid1500Json.report(root, library, byUid);
    // Patient and study come from the derived objects when given (as the measurements are made
    // on them), else from the first source image.
    List<DicomDataset> evidence = new ArrayList<>(context);
    evidence.addAll(library);
    SRDocument.Builder<?> b;
    switch (sopClass) {
      case "enhanced":
        b = EnhancedSR.builder();
        break;
      case "comprehensive":
        b = ComprehensiveSR.builder();
        break;
      case "comprehensive3d":
        b = Comprehensive3DSR.builder();
        break;
      default:
        throw new IllegalArgumentException(
            "--sop-class is unknown (expected enhanced, comprehensive or comprehensive3d): "
                + sopClass);
    }
    b.evidence(evidence)
        .content(report)
        .seriesInstanceUid(UidGenerator.newUid())
        .seriesNumber(intOr(root, "SeriesNumber", 400))
        .sopInstanceUid(UidGenerator.newUid())
        .instanceNumber(intOr(root, "InstanceNumber", 1))
        .manufacturer("highdicom4j")
        .manufacturerModelName("hd4j sr create")
        .seriesDescription(
            root.hasNonNull("SeriesDescription")
                ? root.get("SeriesDescription").asText()
                : "Measurements")
        .complete("COMPLETE".equals(Tid1500Json.text(root, "CompletionFlag")));
    if ("VERIFIED".equals(Tid1500Json.text(root, "VerificationFlag"))) {
      JsonNode oc = root.get("observerContext");
      String name = oc == null ? null : Tid1500Json.text(oc, "PersonObserverName");
      b.verified(true).verifyingObserver(name != null ? name : "Unknown^Observer", "Unknown");
    }
    SRDocument sr = buildIt(b);
    sr.write(out);
    return 0;
  }

  private static SRDocument buildIt(SRDocument.Builder<?> b) {
    if (b instanceof EnhancedSR.Builder) {
      return ((EnhancedSR.Builder) b).build();
    }
    if (b instanceof ComprehensiveSR.Builder) {
      return ((ComprehensiveSR.Builder) b).build();
    }
    return ((Comprehensive3DSR.Builder) b).build();
  }

  private static int intOr(JsonNode root, String field, int dflt) {
    String v = Tid1500Json.text(root, field);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be an integer (expected IS): " + v, e);
    }
  }

  /** Reads the attributes (not the pixels) of the listed or given files. */
  static List<DicomDataset> load(List<Path> paths, JsonNode names) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        if (names != null && names.isArray() && !names.isEmpty()) {
          for (JsonNode n : names) {
            Path f = p.resolve(n.asText());
            if (Files.isRegularFile(f)) {
              files.add(f);
            }
          }
        } else {
          try (Stream<Path> s = Files.list(p)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
          }
        }
      } else {
        files.add(p);
      }
    }
    List<DicomDataset> out = new ArrayList<>();
    for (Path f : files) {
      out.add(DicomReader.read(f, ReadOptions.DEFAULT).dataset());
    }
    return out;
  }
}
