package org.highdicom4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.sr.AlgorithmIdentification;
import org.highdicom4j.sr.CodeContentItem;
import org.highdicom4j.sr.DeviceObserverIdentifyingAttributes;
import org.highdicom4j.sr.FindingSite;
import org.highdicom4j.sr.Measurement;
import org.highdicom4j.sr.MeasurementGroup;
import org.highdicom4j.sr.MeasurementProperties;
import org.highdicom4j.sr.MeasurementReport;
import org.highdicom4j.sr.MeasurementStatisticalProperties;
import org.highdicom4j.sr.NumContentItem;
import org.highdicom4j.sr.ObservationContext;
import org.highdicom4j.sr.ObserverContext;
import org.highdicom4j.sr.PersonObserverIdentifyingAttributes;
import org.highdicom4j.sr.QualitativeEvaluation;
import org.highdicom4j.sr.RealWorldValueMap;
import org.highdicom4j.sr.ReferencedSegment;
import org.highdicom4j.sr.RelationshipTypeValues;
import org.highdicom4j.sr.SRDocument;
import org.highdicom4j.sr.SourceSeriesForSegmentation;
import org.highdicom4j.sr.TimePointContext;
import org.highdicom4j.sr.TrackingIdentifier;
import org.highdicom4j.sr.VolumetricROIMeasurementsAndQualitativeEvaluations;

/**
 * dcmqi's TID 1500 JSON (sr-tid1500-schema.json) to and from the SR model: the measurement groups
 * of {@code tid1500writer} input become TID 1411 volumetric groups referencing a segment, and a
 * report is written back in the same form as {@code tid1500reader} output.
 */
final class Tid1500Json {
  /** Numeric Value Qualifier for a "nan" value (CID 42). */
  static final CodedConcept NOT_A_NUMBER = new CodedConcept("114000", "DCM", "Not a number");

  /** Procedure Reported when the JSON names none (TID 1500 requires one). */
  static final CodedConcept IMAGING_PROCEDURE =
      new CodedConcept("363679005", "SCT", "Imaging procedure");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Tid1500Json() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static CodedConcept code(JsonNode n, String field) {
    JsonNode c = n.get(field);
    if (c == null || c.isNull()) {
      return null;
    }
    if (!c.isObject() || !c.hasNonNull("CodeValue") || !c.hasNonNull("CodingSchemeDesignator")) {
      throw new IllegalArgumentException(
          field
              + " must be a code (expected CodeValue, CodingSchemeDesignator, CodeMeaning): "
              + c);
    }
    return new CodedConcept(
        c.get("CodeValue").asText(),
        c.get("CodingSchemeDesignator").asText(),
        c.hasNonNull("CodeMeaning") ? c.get("CodeMeaning").asText() : c.get("CodeValue").asText());
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static double number(JsonNode n, String field) {
    String s = text(n, field);
    if (s != null && s.strip().equalsIgnoreCase("nan")) {
      return Double.NaN; // dcmqi's spelling; Java's parser wants "NaN"
    }
    try {
      return Double.parseDouble(s.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          field + " must be a decimal number (expected DS): " + s, e);
    }
  }

  /** The observation context of the JSON's observerContext (TID 1002). */
  static ObservationContext observation(JsonNode root) {
    JsonNode oc = root.get("observerContext");
    if (oc == null) {
      return new ObservationContext(null, null, null);
    }
    String type = text(oc, "ObserverType");
    if ("DEVICE".equalsIgnoreCase(type)) {
      String uid = text(oc, "DeviceObserverUID");
      return new ObservationContext(
          null,
          new ObserverContext(
              new DeviceObserverIdentifyingAttributes(
                  uid != null ? uid : UidGenerator.newUid(),
                  text(oc, "DeviceObserverName"),
                  text(oc, "DeviceObserverManufacturer"),
                  text(oc, "DeviceObserverModelName"),
                  text(oc, "DeviceObserverSerialNumber"),
                  null,
                  null)),
          null);
    }
    String name = text(oc, "PersonObserverName");
    if (name == null) {
      throw new IllegalArgumentException(
          "observerContext.PersonObserverName is required for a PERSON observer (expected a"
              + " name)");
    }
    return new ObservationContext(
        new ObserverContext(new PersonObserverIdentifyingAttributes(name, null, null, null, null)),
        null,
        null);
  }

  /**
   * Builds the measurement report.
   *
   * @param root the JSON document
   * @param library the image library's data sets
   * @param context the composite context (SEG, RWVM) by SOP Instance UID
   */
  static MeasurementReport report(
      JsonNode root, List<DicomDataset> library, Map<String, DicomDataset> context) {
    List<MeasurementGroup> groups = new ArrayList<>();
    JsonNode ms = root.get("Measurements");
    if (ms == null || !ms.isArray() || ms.isEmpty()) {
      throw new IllegalArgumentException(
          "Measurements must hold at least one measurement group (expected a non-empty array)");
    }
    String session = text(root, "activitySession");
    String timePoint = text(root, "timePoint");
    for (JsonNode g : ms) {
      groups.add(group(g, session, timePoint, context));
    }
    CodedConcept procedure = code(root, "procedureReported");
    return new MeasurementReport(
        observation(root),
        List.of(procedure != null ? procedure : IMAGING_PROCEDURE),
        groups,
        null,
        null,
        library);
  }

  private static MeasurementGroup group(
      JsonNode g, String session, String timePoint, Map<String, DicomDataset> context) {
    String trackingId = text(g, "TrackingIdentifier");
    String trackingUid = text(g, "TrackingUniqueIdentifier");
    TrackingIdentifier tid =
        new TrackingIdentifier(
            trackingUid != null ? trackingUid : UidGenerator.newUid(), trackingId);
    VolumetricROIMeasurementsAndQualitativeEvaluations.Builder b =
        VolumetricROIMeasurementsAndQualitativeEvaluations.builder(tid);
    String segUid = text(g, "segmentationSOPInstanceUID");
    if (segUid == null || !g.hasNonNull("ReferencedSegment")) {
      throw new IllegalArgumentException(
          "A measurement group needs ReferencedSegment and segmentationSOPInstanceUID (expected"
              + " the segment the measurements were made on): "
              + trackingId);
    }
    DicomDataset seg = context.get(segUid);
    if (seg == null) {
      throw new IllegalArgumentException(
          "segmentationSOPInstanceUID is not among the composite context instances (expected"
              + " the SEG file in --composite-context): "
              + segUid);
    }
    String sourceSeries = text(g, "SourceSeriesForImageSegmentation");
    if (sourceSeries == null) {
      DicomDataset ref = seg.getItem(Tag.ReferencedSeriesSequence);
      sourceSeries = ref == null ? null : ref.getString(Tag.SeriesInstanceUID);
    }
    b.referencedSegment(
        new ReferencedSegment(
            seg.getString(Tag.SOPClassUID),
            segUid,
            g.get("ReferencedSegment").asInt(),
            null,
            null,
            sourceSeries == null ? null : new SourceSeriesForSegmentation(sourceSeries)));
    String rwvm = text(g, "rwvmMapUsedForMeasurement");
    if (rwvm != null) {
      b.referencedRealWorldValueMap(new RealWorldValueMap(rwvm));
    }
    if (code(g, "MeasurementMethod") != null) {
      b.method(code(g, "MeasurementMethod"));
    }
    if (code(g, "Finding") != null) {
      b.findingType(code(g, "Finding"));
    }
    if (code(g, "FindingSite") != null) {
      b.findingSites(List.of(new FindingSite(code(g, "FindingSite"), code(g, "Laterality"), null)));
    }
    AlgorithmIdentification algo = algorithm(g);
    if (algo != null) {
      b.algorithmId(algo);
    }
    if (session != null) {
      b.session(session);
    }
    if (timePoint != null) {
      b.timePointContext(new TimePointContext(timePoint, null, null, null, null, null));
    }
    List<Measurement> measurements = new ArrayList<>();
    JsonNode items = g.get("measurementItems");
    if (items != null) {
      for (JsonNode m : items) {
        measurements.add(measurement(m));
      }
    }
    b.measurements(measurements);
    JsonNode evaluations = g.get("qualitativeEvaluations");
    if (evaluations != null) {
      List<QualitativeEvaluation> qs = new ArrayList<>();
      for (JsonNode q : evaluations) {
        CodedConcept name = code(q, "conceptCode");
        JsonNode v = q.get("conceptValue");
        qs.add(
            v != null && v.isObject()
                ? new QualitativeEvaluation(name, code(q, "conceptValue"))
                : new QualitativeEvaluation(name, text(q, "conceptValue")));
      }
      b.qualitativeEvaluations(qs);
    }
    return b.build();
  }

  private static AlgorithmIdentification algorithm(JsonNode n) {
    JsonNode a = n.get("measurementAlgorithmIdentification");
    if (a == null) {
      return null;
    }
    List<String> params = new ArrayList<>();
    if (a.has("AlgorithmParameters")) {
      for (JsonNode p : a.get("AlgorithmParameters")) {
        params.add(p.asText());
      }
    }
    return new AlgorithmIdentification(
        text(a, "AlgorithmName"), text(a, "AlgorithmVersion"), params.isEmpty() ? null : params);
  }

  private static Measurement measurement(JsonNode m) {
    CodedConcept quantity = code(m, "quantity");
    CodedConcept units = code(m, "units");
    String raw = text(m, "value");
    double value = number(m, "value");
    boolean nan = Double.isNaN(value);
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("value must be finite or nan (expected DS): " + raw);
    }
    Measurement.Builder b = Measurement.builder(quantity, nan ? null : value, nan ? null : units);
    if (nan) {
      b.qualifier(NOT_A_NUMBER);
    }
    if (code(m, "derivationModifier") != null) {
      b.derivation(code(m, "derivationModifier"));
    }
    AlgorithmIdentification algo = algorithm(m);
    if (algo != null) {
      b.algorithmId(algo);
    }
    if (m.has("measurementModifiers")) {
      for (JsonNode mod : m.get("measurementModifiers")) {
        b.modifier(code(mod, "modifier"), code(mod, "modifierValue"));
      }
    }
    if (m.has("measurementDerivationParameters")) {
      for (JsonNode p : m.get("measurementDerivationParameters")) {
        b.derivationParameter(
            code(p, "derivationParameter"),
            number(p, "derivationParameterValue"),
            code(p, "derivationParameterUnits"));
      }
    }
    List<NumContentItem> props = new ArrayList<>();
    if (m.has("measurementNumProperties")) {
      for (JsonNode p : m.get("measurementNumProperties")) {
        props.add(
            new NumContentItem(
                code(p, "numProperty"),
                number(p, "numPropertyValue"),
                code(p, "numPropertyUnits"),
                RelationshipTypeValues.HAS_PROPERTIES));
      }
    }
    String population = text(m, "measurementPopulationDescription");
    if (!props.isEmpty() || population != null) {
      if (props.isEmpty()) {
        throw new IllegalArgumentException(
            "measurementPopulationDescription needs measurementNumProperties (expected TID 311"
                + " reference values with the description): "
                + population);
      }
      b.properties(
          new MeasurementProperties(
              null,
              null,
              null,
              new MeasurementStatisticalProperties(props, population, null),
              null,
              null,
              null));
    }
    return b.build();
  }

  // ---- reading: SR document to tid1500reader JSON ----

  static ObjectNode codeNode(CodedConcept c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("CodeValue", c.value());
    n.put("CodingSchemeDesignator", c.schemeDesignator());
    n.put("CodeMeaning", c.meaning());
    return n;
  }

  static String decimal(double v) {
    String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return s.toLowerCase(Locale.ROOT);
  }

  /** Writes a document in the JSON form of dcmqi's tid1500reader. */
  static ObjectNode toJson(SRDocument sr) {
    MeasurementReport report =
        sr.measurementReport()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The SR document's content does not follow TID 1500 (expected a"
                            + " Measurement Report root)"));
    DicomDataset ds = sr.dataset();
    ObjectNode root = MAPPER.createObjectNode();
    root.put(
        "@schema",
        "https://raw.githubusercontent.com/qiicr/dcmqi/master/doc/schemas/sr-tid1500-schema.json#");
    putIf(root, "SeriesDescription", ds.getString(Tag.SeriesDescription));
    putIf(root, "SeriesNumber", ds.getString(Tag.SeriesNumber));
    putIf(root, "InstanceNumber", ds.getString(Tag.InstanceNumber));
    ArrayNode composite = root.putArray("compositeContext");
    ArrayNode library = root.putArray("imageLibrary");
    for (org.highdicom4j.sr.EvidenceReference r : sr.getEvidence(false)) {
      boolean image =
          report.imageLibrary().isPresent()
              && report.imageLibrary().get().entries().stream()
                  .anyMatch(e -> e.referencedSopInstanceUid().equals(r.sopInstanceUid()));
      (image ? library : composite).add(r.sopInstanceUid() + ".dcm");
    }
    List<ObserverContext> observers = report.getObserverContexts(null);
    if (!observers.isEmpty()) {
      ObjectNode oc = root.putObject("observerContext");
      ObserverContext o = observers.get(0);
      if (o.deviceAttributes().isPresent()) {
        DeviceObserverIdentifyingAttributes d = o.deviceAttributes().get();
        oc.put("ObserverType", "DEVICE");
        oc.put("DeviceObserverUID", d.uid());
        d.name().ifPresent(v -> oc.put("DeviceObserverName", v));
        d.manufacturerName().ifPresent(v -> oc.put("DeviceObserverManufacturer", v));
        d.modelName().ifPresent(v -> oc.put("DeviceObserverModelName", v));
        d.serialNumber().ifPresent(v -> oc.put("DeviceObserverSerialNumber", v));
      } else {
        oc.put("ObserverType", "PERSON");
        o.personAttributes().ifPresent(p -> oc.put("PersonObserverName", p.name()));
      }
    }
    root.put("VerificationFlag", sr.isVerified() ? "VERIFIED" : "UNVERIFIED");
    root.put("CompletionFlag", sr.isComplete() ? "COMPLETE" : "PARTIAL");
    List<MeasurementGroup> groups = report.measurementGroups();
    if (!groups.isEmpty()) {
      groups.get(0).session().ifPresent(s -> root.put("activitySession", s));
      groups.get(0).timePointContext().ifPresent(t -> root.put("timePoint", t.timePoint()));
    }
    List<CodedConcept> procedures = report.procedureReported();
    if (!procedures.isEmpty()) {
      root.set("procedureReported", codeNode(procedures.get(0)));
    }
    ArrayNode out = root.putArray("Measurements");
    for (MeasurementGroup g : groups) {
      out.add(groupJson(g));
    }
    return root;
  }

  private static void putIf(ObjectNode n, String field, String value) {
    if (value != null && !value.isEmpty()) {
      n.put(field, value);
    }
  }

  private static ObjectNode groupJson(MeasurementGroup g) {
    ObjectNode n = MAPPER.createObjectNode();
    TrackingIdentifier t = g.trackingIdentifier();
    if (t != null) {
      t.identifier().ifPresent(v -> n.put("TrackingIdentifier", v));
    }
    g.trackingUid().ifPresent(v -> n.put("TrackingUniqueIdentifier", v));
    if (g instanceof VolumetricROIMeasurementsAndQualitativeEvaluations) {
      VolumetricROIMeasurementsAndQualitativeEvaluations v =
          (VolumetricROIMeasurementsAndQualitativeEvaluations) g;
      v.referencedSegment()
          .ifPresent(
              s -> {
                n.put("ReferencedSegment", s.segmentNumber());
                s.sourceSeries()
                    .ifPresent(
                        ss ->
                            n.put(
                                "SourceSeriesForImageSegmentation",
                                ss.referencedSeriesInstanceUid()));
                n.put("segmentationSOPInstanceUID", s.sopInstanceUid());
              });
    }
    g.referencedRealWorldValueMap()
        .ifPresent(r -> n.put("rwvmMapUsedForMeasurement", r.referencedSopInstanceUid()));
    g.method().ifPresent(c -> n.set("MeasurementMethod", codeNode(c)));
    g.findingType().ifPresent(c -> n.set("Finding", codeNode(c)));
    if (!g.findingSites().isEmpty()) {
      FindingSite s = g.findingSites().get(0);
      n.set("FindingSite", codeNode(s.value()));
      s.laterality().ifPresent(c -> n.set("Laterality", codeNode(c)));
    }
    g.algorithmId().ifPresent(a -> n.set("measurementAlgorithmIdentification", algorithmJson(a)));
    ArrayNode items = n.putArray("measurementItems");
    for (Measurement m : g.measurements()) {
      items.add(measurementJson(m));
    }
    if (!g.qualitativeEvaluations().isEmpty()) {
      ArrayNode qs = n.putArray("qualitativeEvaluations");
      for (QualitativeEvaluation q : g.qualitativeEvaluations()) {
        ObjectNode qn = qs.addObject();
        qn.set("conceptCode", codeNode(q.name()));
        if (q.value() != null) {
          qn.set("conceptValue", codeNode(q.value()));
        } else {
          qn.put("conceptValue", q.textValue().orElse(""));
        }
      }
    }
    return n;
  }

  private static ObjectNode algorithmJson(AlgorithmIdentification a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("AlgorithmName", a.name());
    n.put("AlgorithmVersion", a.version());
    if (!a.parameters().isEmpty()) {
      ArrayNode p = n.putArray("AlgorithmParameters");
      a.parameters().forEach(p::add);
    }
    return n;
  }

  private static ObjectNode measurementJson(Measurement m) {
    ObjectNode n = MAPPER.createObjectNode();
    if (m.value().isPresent()) {
      n.put("value", decimal(m.value().get()));
    } else {
      n.put("value", "nan");
    }
    n.set("quantity", codeNode(m.name()));
    m.unit().ifPresent(u -> n.set("units", codeNode(u)));
    m.derivation().ifPresent(d -> n.set("derivationModifier", codeNode(d)));
    m.algorithmId().ifPresent(a -> n.set("measurementAlgorithmIdentification", algorithmJson(a)));
    if (!m.modifiers().isEmpty()) {
      ArrayNode mods = n.putArray("measurementModifiers");
      for (CodeContentItem c : m.modifiers()) {
        ObjectNode mn = mods.addObject();
        mn.set("modifier", codeNode(c.name()));
        mn.set("modifierValue", codeNode(c.value()));
      }
    }
    if (!m.derivationParameters().isEmpty()) {
      ArrayNode ps = n.putArray("measurementDerivationParameters");
      for (NumContentItem p : m.derivationParameters()) {
        ObjectNode pn = ps.addObject();
        pn.set("derivationParameter", codeNode(p.name()));
        pn.put("derivationParameterValue", p.value().map(Tid1500Json::decimal).orElse("nan"));
        p.unit().ifPresent(u -> pn.set("derivationParameterUnits", codeNode(u)));
      }
    }
    m.properties()
        .flatMap(MeasurementProperties::measurementStatisticalProperties)
        .ifPresent(
            s -> {
              s.description().ifPresent(d -> n.put("measurementPopulationDescription", d));
              ArrayNode ps = n.putArray("measurementNumProperties");
              for (NumContentItem p : s.values()) {
                ObjectNode pn = ps.addObject();
                pn.set("numProperty", codeNode(p.name()));
                pn.put("numPropertyValue", p.value().map(Tid1500Json::decimal).orElse("nan"));
                p.unit().ifPresent(u -> pn.set("numPropertyUnits", codeNode(u)));
              }
            });
    return n;
  }

  static boolean isSegmentation(DicomDataset ds) {
    String cls = ds.getString(Tag.SOPClassUID);
    return UID.SegmentationStorage.equals(cls);
  }
}
