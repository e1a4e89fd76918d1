package org.highdicom4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.highdicom4j.AlgorithmIdentificationSequence;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.color.CIELabColor;
import org.highdicom4j.seg.SegmentAlgorithmTypeValues;
import org.highdicom4j.seg.SegmentDescription;
import org.highdicom4j.seg.Segmentation;

/**
 * Segmentation metadata in dcmqi's JSON format (seg-schema.json): series attributes and {@code
 * segmentAttributes}, one inner list per input label file, one object per label value ({@code
 * labelID}) of that file.
 */
final class SegMeta {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One described label of one input file: its value in the file and its dcmqi description.
   *
   * @param labelId the voxel value in the label file ({@code labelID})
   * @param node the segment's JSON object
   */
  record Label(int labelId, JsonNode node) {}

  final Path path;
  final String contentCreatorName;
  final String contentLabel;
  final String contentDescription;
  final String seriesDescription;
  final int seriesNumber;
  final int instanceNumber;

  /** The inner lists of {@code segmentAttributes}: group i describes input file i. */
  final List<List<Label>> groups;

  /**
   * File names of {@code segmentAttributesFileMapping}: entry i names the input file group i
   * describes (empty when the member is absent; files then follow the group order).
   */
  final List<String> fileMapping;

  private SegMeta(
      Path path,
      String creator,
      String label,
      String description,
      String seriesDescription,
      int seriesNumber,
      int instanceNumber,
      List<List<Label>> groups,
      List<String> fileMapping) {
    this.path = path;
    this.contentCreatorName = creator;
    this.contentLabel = label;
    this.contentDescription = description;
    this.seriesDescription = seriesDescription;
    this.seriesNumber = seriesNumber;
    this.instanceNumber = instanceNumber;
    this.groups = groups.stream().map(List::copyOf).toList();
    this.fileMapping = List.copyOf(fileMapping);
  }

  /**
   * Reads a dcmqi seg-schema JSON file.
   *
   * @param path the JSON file
   * @return the metadata
   * @throws IOException when the file cannot be read or parsed
   * @throws IllegalArgumentException when a required member is missing or invalid, or a group
   *     describes one labelID twice
   */
  static SegMeta read(Path path) throws IOException {
    JsonNode root = JSON.readTree(path.toFile());
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(path + ": expected a JSON object (dcmqi seg-schema)");
    }
    JsonNode attributes = root.get("segmentAttributes");
    if (attributes == null || !attributes.isArray() || attributes.isEmpty()) {
      throw new IllegalArgumentException(
          path + ": segmentAttributes is missing or empty (expected a list of lists of segments)");
    }
    List<List<Label>> groups = new ArrayList<>();
    for (JsonNode group : attributes) {
      Iterator<JsonNode> it = group.isArray() ? group.elements() : List.of(group).iterator();
      List<Label> labels = new ArrayList<>();
      Set<Integer> seen = new HashSet<>();
      while (it.hasNext()) {
        JsonNode s = it.next();
        JsonNode id = s.get("labelID");
        if (id == null || !id.canConvertToInt() || id.asInt() < 1) {
          throw new IllegalArgumentException(
              path + ": segment lacks labelID (expected a positive integer): " + id);
        }
        if (!seen.add(id.asInt())) {
          throw new IllegalArgumentException(
              path
                  + ": labelID "
                  + id.asInt()
                  + " is described twice in one group (expected distinct labelID values per"
                  + " label file)");
        }
        // Fail early on bad codes or algorithm types rather than after reading the label maps.
        segment(s, 1, path);
        labels.add(new Label(id.asInt(), s));
      }
      groups.add(labels);
    }
    List<String> mapping = new ArrayList<>();
    JsonNode files = root.get("segmentAttributesFileMapping");
    if (files != null && files.isArray()) {
      for (JsonNode f : files) {
        mapping.add(f.asText());
      }
      if (mapping.size() != groups.size()) {
        throw new IllegalArgumentException(
            path
                + ": segmentAttributesFileMapping names "
                + mapping.size()
                + " files (expected one per segmentAttributes group: "
                + groups.size()
                + ")");
      }
    }
    return new SegMeta(
        path,
        text(root, "ContentCreatorName", null),
        text(root, "ContentLabel", "SEGMENTATION"),
        text(root, "ContentDescription", null),
        text(root, "SeriesDescription", "Segmentation"),
        integer(root, "SeriesNumber", "300", path),
        integer(root, "InstanceNumber", "1", path),
        groups,
        mapping);
  }

  /**
   * Returns the segment description of one described label under a given segment number.
   *
   * @param label the label
   * @param segmentNumber Segment Number (0062,0004) to give it
   * @return the description
   */
  SegmentDescription describe(Label label, int segmentNumber) {
    return segment(label.node(), segmentNumber, path);
  }

  /** An IS member (a decimal string or a number), named in the message when it is not one. */
  private static int integer(JsonNode node, String name, String dflt, Path path) {
    String v = text(node, name, dflt).strip();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          path + ": " + name + " is not an integer (expected an IS value): " + v, e);
    }
  }

  private static String text(JsonNode node, String name, String dflt) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? dflt : v.asText();
  }

  private static CodedConcept code(JsonNode segment, String name, Path path) {
    JsonNode c = segment.get(name);
    if (c == null || !c.isObject()) {
      throw new IllegalArgumentException(path + ": segment lacks " + name + " (expected a code)");
    }
    return new CodedConcept(
        text(c, "CodeValue", ""),
        text(c, "CodingSchemeDesignator", ""),
        text(c, "CodeMeaning", ""));
  }

  private static SegmentDescription segment(JsonNode s, int number, Path path) {
    SegmentAlgorithmTypeValues type =
        SegmentAlgorithmTypeValues.fromValue(text(s, "SegmentAlgorithmType", "SEMIAUTOMATIC"));
    String label = text(s, "SegmentLabel", null);
    if (label == null) {
      label = text(s, "SegmentDescription", "Segment " + number);
    }
    SegmentDescription.Builder b =
        SegmentDescription.builder(
            number,
            label,
            code(s, "SegmentedPropertyCategoryCodeSequence", path),
            code(s, "SegmentedPropertyTypeCodeSequence", path),
            type);
    String algorithm = text(s, "SegmentAlgorithmName", null);
    if (algorithm != null || type != SegmentAlgorithmTypeValues.MANUAL) {
      // dcmqi records only a name; family and version are required by DICOM, so say so plainly.
      b.algorithmIdentification(
          new AlgorithmIdentificationSequence(
              algorithm != null ? algorithm : "unknown", DCM.ArtificialIntelligence, "unknown"));
    }
    if (s.has("AnatomicRegionSequence")) {
      b.anatomicRegions(code(s, "AnatomicRegionSequence", path));
    }
    String trackingId = text(s, "TrackingIdentifier", null);
    String trackingUid = text(s, "TrackingUniqueIdentifier", null);
    if (trackingId != null && trackingUid != null) {
      b.trackingId(trackingId).trackingUid(trackingUid);
    }
    JsonNode rgb = s.get("recommendedDisplayRGBValue");
    if (rgb != null && rgb.isArray() && rgb.size() == 3) {
      int[] lab =
          CIELabColor.fromRgb(rgb.get(0).asDouble(), rgb.get(1).asDouble(), rgb.get(2).asDouble())
              .value();
      b.displayColorCIELab(lab[0], lab[1], lab[2]);
    }
    return b.build();
  }

  /**
   * Describes a segmentation's segments and series in dcmqi's JSON format, all segments in one
   * group (one label file).
   *
   * @param seg the segmentation
   * @return the JSON text
   * @throws IOException when serialisation fails
   */
  static String write(Segmentation seg) throws IOException {
    List<Integer> all = new ArrayList<>();
    for (SegmentDescription d : seg.segmentDescriptions()) {
      all.add(d.segmentNumber());
    }
    return write(seg, List.of(all));
  }

  /**
   * Describes a segmentation's segments and series in dcmqi's JSON format, one {@code
   * segmentAttributes} group per label file written, {@code labelID} = segment number.
   *
   * @param seg the segmentation
   * @param groups the segment numbers of each label file, in file order
   * @return the JSON text
   * @throws IOException when serialisation fails
   */
  static String write(Segmentation seg, List<List<Integer>> groups) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put(
        "@schema",
        "https://raw.githubusercontent.com/qiicr/dcmqi/master/doc/schemas/seg-schema.json#");
    var ds = seg.dataset();
    putIfPresent(
        root,
        "ContentCreatorName",
        ds.getString(org.highdicom4j.dicom.dict.Tag.ContentCreatorName));
    putIfPresent(root, "ContentLabel", ds.getString(org.highdicom4j.dicom.dict.Tag.ContentLabel));
    putIfPresent(
        root,
        "ContentDescription",
        ds.getString(org.highdicom4j.dicom.dict.Tag.ContentDescription));
    putIfPresent(
        root, "SeriesDescription", ds.getString(org.highdicom4j.dicom.dict.Tag.SeriesDescription));
    putIfPresent(root, "SeriesNumber", ds.getString(org.highdicom4j.dicom.dict.Tag.SeriesNumber));
    putIfPresent(
        root, "InstanceNumber", ds.getString(org.highdicom4j.dicom.dict.Tag.InstanceNumber));
    ArrayNode attributes = root.putArray("segmentAttributes");
    for (List<Integer> numbers : groups) {
      ArrayNode group = attributes.addArray();
      for (int number : numbers) {
        writeSegment(group.addObject(), seg.getSegmentDescription(number));
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static void writeSegment(ObjectNode s, SegmentDescription d) {
    s.put("labelID", d.segmentNumber());
    s.put("SegmentLabel", d.segmentLabel());
    putCode(s, "SegmentedPropertyCategoryCodeSequence", d.segmentedPropertyCategory());
    putCode(s, "SegmentedPropertyTypeCodeSequence", d.segmentedPropertyType());
    if (!d.anatomicRegions().isEmpty()) {
      putCode(s, "AnatomicRegionSequence", d.anatomicRegions().get(0));
    }
    s.put("SegmentAlgorithmType", d.algorithmType().value());
    d.algorithmIdentification().ifPresent(a -> s.put("SegmentAlgorithmName", a.name()));
    d.trackingId().ifPresent(v -> s.put("TrackingIdentifier", v));
    d.trackingUid().ifPresent(v -> s.put("TrackingUniqueIdentifier", v));
    d.displayColorCIELab()
        .ifPresent(
            lab -> {
              ArrayNode rgb = s.putArray("recommendedDisplayRGBValue");
              for (int v : CIELabColor.fromDicomValue(lab).toRgb(true)) {
                rgb.add(v);
              }
            });
  }

  private static void putIfPresent(ObjectNode n, String name, String value) {
    if (value != null && !value.isEmpty()) {
      n.put(name, value);
    }
  }

  private static void putCode(ObjectNode n, String name, CodedConcept c) {
    ObjectNode o = n.putObject(name);
    o.put("CodeValue", c.value());
    o.put("CodingSchemeDesignator", c.schemeDesignator());
    o.put("CodeMeaning", c.meaning());
  }
}
