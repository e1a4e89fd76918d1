package org.highdicom4j.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.coding.SCT;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the SR documents of the shared corpus and compares every NUM value and unit with what
 * pydicom (Debian's /usr/bin/python3) extracts from the same file.
 */
class SrCorpusTest {
  private static final String PYDICOM_NUMS =
      "import sys, pydicom\n"
          + "ds = pydicom.dcmread(sys.argv[1])\n"
          + "def walk(items):\n"
          + "    for it in items:\n"
          + "        if it.get('ValueType') == 'NUM':\n"
          + "            mv = it.get('MeasuredValueSequence')\n"
          + "            if mv:\n"
          + "                m = mv[0]; u = m.MeasurementUnitsCodeSequence[0]\n"
          + "                print(float(m.NumericValue), u.CodeValue, u.CodingSchemeDesignator)\n"
          + "            else:\n"
          + "                print('none')\n"
          + "        if 'ContentSequence' in it:\n"
          + "            walk(it.ContentSequence)\n"
          + "walk([ds])\n";

  static List<String> pydicomNums(Path file) throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(python)) {
      Assumptions.assumeTrue(System.getenv("CI") == null, "pydicom needed in CI");
      Assumptions.assumeTrue(false, "python3 with pydicom not installed");
    }
    Process p =
        new ProcessBuilder(python.toString(), "-c", PYDICOM_NUMS, file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    Assumptions.assumeTrue(p.exitValue() == 0, () -> "pydicom failed: " + out);
    List<String> lines = new ArrayList<>();
    for (String l : out.split("\n")) {
      if (!l.isBlank()) {
        lines.add(l.strip());
      }
    }
    return lines;
  }

  static void collectNums(ContentItem item, List<String> out) {
    if (item instanceof NumContentItem) {
      NumContentItem n = (NumContentItem) item;
      out.add(
          n.value().isPresent()
              ? n.value().get()
                  + " "
                  + n.unit().orElseThrow().value()
                  + " "
                  + n.unit().orElseThrow().schemeDesignator()
              : "none");
    }
    for (ContentItem c : item.content()) {
      collectNums(c, out);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "highdicom/sr_document.dcm",
        "pydicom/test-SR.dcm",
        "pydicom/reportsi.dcm",
        "pydicom/reportsi_with_empty_number_tags.dcm"
      })
  void readsEveryNumValueAndUnitAsPydicomDoes(String name) throws Exception {
    Path file = SrTestSupport.testdata().resolve(name);
    DicomDataset ds = DicomReader.read(file).dataset();
    ContentItem root = ContentItem.fromDataset(ds);
    List<String> ours = new ArrayList<>();
    collectNums(root, ours);
    assertEquals(pydicomNums(file), ours);
    // Writing the tree and reading it back gives the same typed content.
    assertEquals(root, ContentItem.fromDataset(root.toDataset()));
  }

  @Test
  void queriesHighdicomMeasurementReport() throws Exception {
    Path file = SrTestSupport.testdata().resolve("highdicom/sr_document.dcm");
    MeasurementReport r = MeasurementReport.fromDataset(DicomReader.read(file).dataset());
    // Expected values from dcmtk: dsrdump +Pu highdicom/sr_document.dcm
    assertEquals(DCM.ImagingMeasurementReport, r.title());
    assertEquals("25045-6", r.procedureReported().get(0).value());
    assertEquals(1, r.getPlanarRoiMeasurementGroups().size());
    assertEquals(0, r.getImageMeasurementGroups().size());
    assertEquals(0, r.getVolumetricRoiMeasurementGroups().size());
    PlanarROIMeasurementsAndQualitativeEvaluations g = r.getPlanarRoiMeasurementGroups().get(0);
    assertEquals("Planar ROI Measurements", g.trackingIdentifier().identifier().orElseThrow());
    assertEquals(
        "1.2.826.0.1.3680043.8.498.95005499519195632686309166061552196996",
        g.trackingUid().orElseThrow());
    // The file uses SNOMED-RT codes; their SCT equivalents are from pydicom's SRT-to-SCT mapping
    // (T-A7010 -> 2748008, T-D00F7 -> 297171002, T-11531 -> 280734009, G-A16A -> 131184002).
    CodedConcept spinalCord = new CodedConcept("2748008", "SCT", "Spinal cord");
    assertEquals(spinalCord, g.findingType().orElseThrow());
    assertEquals(
        1,
        r.getPlanarRoiMeasurementGroups(
                MeasurementGroupQuery.all()
                    .findingType(spinalCord)
                    .findingSite(new CodedConcept("297171002", "SCT", "Cervico-thoracic spine"))
                    .graphicType(GraphicTypeValues.CIRCLE)
                    .referencedSopInstanceUid("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322"))
            .size());
    assertEquals(
        new CodedConcept("280734009", "SCT", "Vertebral foramen"),
        g.findingSites().get(0).topographicalModifier().orElseThrow());
    ImageRegion roi = assertInstanceOf(ImageRegion.class, g.roi().orElseThrow());
    assertEquals(GraphicTypeValues.CIRCLE, roi.graphicType());
    assertEquals(2, roi.value().length);
    Measurement m = g.measurements().get(0);
    assertEquals(new CodedConcept("131184002", "SCT", "Area of defined region"), m.name());
    assertEquals(1, g.getMeasurements(m.name()).size());
    assertEquals(1.7, m.value().orElseThrow());
    assertEquals(new CodedConcept("cm2", "UCUM", "square centimeter"), m.unit().orElseThrow());
    assertEquals(
        "1.2.826.0.1.3680043.8.498.80512978961795763786957351072754445307",
        m.trackingIdentifier().orElseThrow().uid());
    assertEquals(
        new CodedConcept("17621005", "SCT", "Normal"),
        m.properties().orElseThrow().normality().orElseThrow());
    assertEquals(
        SCT.NotSignificant, m.properties().orElseThrow().levelOfSignificance().orElseThrow());
    assertEquals(
        "Foo", r.getObserverContexts(DCM.Person).get(0).personAttributes().orElseThrow().name());
    assertEquals(
        "1.2.826.0.1.3680043.8.498.21942475928007893653780457882384425166",
        r.getObserverContexts(DCM.Device).get(0).deviceAttributes().orElseThrow().uid());
    // Re-encoding the parsed report gives an equal report.
    assertEquals(r, MeasurementReport.fromDataset(r.toDataset()));
  }

  @Test
  void readsThirdPartyTreeTolerantly() throws Exception {
    Path file = SrTestSupport.testdata().resolve("pydicom/test-SR.dcm");
    ContentItem root = ContentItem.fromDataset(DicomReader.read(file).dataset());
    // dsrdump shows a by-reference item "selected from 1.3.2" below a TCOORD, and containers
    // without concept names.
    List<GenericContentItem> generic = new ArrayList<>();
    collectGeneric(root, generic);
    assertTrue(
        generic.stream().anyMatch(g -> g.referencedContentItemIdentifier().length == 3),
        "by-reference item read");
    TcoordContentItem tcoord = find(root, TcoordContentItem.class);
    assertEquals(TemporalRangeTypeValues.SEGMENT, tcoord.temporalRangeType());
    // The WAVEFORM item has no concept name, so it stays generic with its reference intact.
    GenericContentItem wf =
        generic.stream()
            .filter(g -> "WAVEFORM".equals(g.valueTypeString().orElse(null)))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "1.2.3.4.5",
        wf.attributes()
            .getItem(org.highdicom4j.dicom.dict.Tag.ReferencedSOPSequence)
            .getString(org.highdicom4j.dicom.dict.Tag.ReferencedSOPInstanceUID));
    ImageContentItem image = find(root, ImageContentItem.class);
    assertEquals("1.2.3.4.0.1", image.referencedSopInstanceUid());
  }

  static void collectGeneric(ContentItem item, List<GenericContentItem> out) {
    if (item instanceof GenericContentItem) {
      out.add((GenericContentItem) item);
    }
    for (ContentItem c : item.content()) {
      collectGeneric(c, out);
    }
  }

  static <T extends ContentItem> T find(ContentItem item, Class<T> type) {
    if (type.isInstance(item)) {
      return type.cast(item);
    }
    for (ContentItem c : item.content()) {
      T t = find(c, type);
      if (t != null) {
        return t;
      }
    }
    return null;
  }
}
