package org.highdicom4j.seg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.AlgorithmIdentificationSequence;
import org.highdicom4j.ValueRepresentations;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * One item of the Segment Sequence (0062,0002), the Segment Description Macro (PS3.3 Table
 * C.8.20-4): what a segment represents and how it was made.
 *
 * <p>Immutable; {@link Builder#build()} makes the checks highdicom's constructor makes: Segment
 * Number (0062,0004) 1 to 65535, Segment Algorithm Identification required unless the algorithm
 * type is MANUAL, Tracking ID and Tracking UID both or neither.
 *
 * <p>highdicom: {@code highdicom.seg.SegmentDescription}.
 */
public final class SegmentDescription {
  private final int segmentNumber;
  private final String segmentLabel;
  private final CodedConcept segmentedPropertyCategory;
  private final CodedConcept segmentedPropertyType;
  private final SegmentAlgorithmTypeValues algorithmType;
  private final AlgorithmIdentificationSequence algorithmIdentification;
  private final String trackingId;
  private final String trackingUid;
  private final List<CodedConcept> anatomicRegions;
  private final List<CodedConcept> primaryAnatomicStructures;
  private final int[] displayColor;

  private SegmentDescription(Builder b) {
    this.segmentNumber = b.segmentNumber;
    this.segmentLabel = b.segmentLabel;
    this.segmentedPropertyCategory = b.category;
    this.segmentedPropertyType = b.type;
    this.algorithmType = b.algorithmType;
    this.algorithmIdentification = b.algorithmIdentification;
    this.trackingId = b.trackingId;
    this.trackingUid = b.trackingUid;
    this.anatomicRegions = List.copyOf(b.anatomicRegions);
    this.primaryAnatomicStructures = List.copyOf(b.primaryAnatomicStructures);
    this.displayColor = b.displayColor == null ? null : b.displayColor.clone();
  }

  /**
   * Starts a segment description with its Type 1 attributes.
   *
   * @param segmentNumber Segment Number (0062,0004), 1 to 65535; for BINARY and FRACTIONAL
   *     segmentations the descriptions must be numbered 1, 2, 3 …
   * @param segmentLabel Segment Label (0062,0005), LO, e.g. "Liver"
   * @param segmentedPropertyCategory the item of Segmented Property Category Code Sequence
   *     (0062,0003), e.g. SCT 123037004 "Anatomical Structure" (CID 7150)
   * @param segmentedPropertyType the item of Segmented Property Type Code Sequence (0062,000F),
   *     e.g. SCT 10200004 "Liver" (CID 7151)
   * @param algorithmType Segment Algorithm Type (0062,0008)
   * @return the builder
   */
  public static Builder builder(
      int segmentNumber,
      String segmentLabel,
      CodedConcept segmentedPropertyCategory,
      CodedConcept segmentedPropertyType,
      SegmentAlgorithmTypeValues algorithmType) {
    return new Builder(
        segmentNumber,
        segmentLabel,
        segmentedPropertyCategory,
        segmentedPropertyType,
        algorithmType);
  }

  /**
   * Returns the description of segment 0, "Background", that Label Map segmentations carry (DCM
   * 125040 for category and type).
   */
  static SegmentDescription background(AlgorithmIdentificationSequence algorithm) {
    Builder b =
        new Builder(
            "Background",
            DCM.Background,
            DCM.Background,
            algorithm == null
                ? SegmentAlgorithmTypeValues.MANUAL
                : SegmentAlgorithmTypeValues.AUTOMATIC);
    b.algorithmIdentification = algorithm;
    return new SegmentDescription(b);
  }

  /**
   * Reads a Segment Sequence item.
   *
   * <p>highdicom: {@code SegmentDescription.from_dataset}.
   *
   * @param item the item
   * @return the description
   * @throws IllegalArgumentException when a required attribute is missing or invalid
   */
  public static SegmentDescription fromDataset(DicomDataset item) {
    Objects.requireNonNull(item, "item");
    int number = item.getInt(Tag.SegmentNumber, -1);
    String label = item.getString(Tag.SegmentLabel);
    CodedConcept category = firstCode(item, Tag.SegmentedPropertyCategoryCodeSequence);
    CodedConcept type = firstCode(item, Tag.SegmentedPropertyTypeCodeSequence);
    SegmentAlgorithmTypeValues algorithmType =
        SegmentAlgorithmTypeValues.fromValue(
            Objects.requireNonNull(
                item.getString(Tag.SegmentAlgorithmType), "SegmentAlgorithmType"));
    // Segment 0 is the background of Label Map segmentations, which builders never create.
    Builder b =
        number == 0
            ? new Builder(label == null ? "" : label, category, type, algorithmType)
            : new Builder(number, label, category, type, algorithmType);
    Sequence alg = item.getSequence(Tag.SegmentationAlgorithmIdentificationSequence);
    if (alg != null && !alg.isEmpty()) {
      b.algorithmIdentification(AlgorithmIdentificationSequence.fromSequence(alg));
    }
    b.trackingId = item.getString(Tag.TrackingID);
    b.trackingUid = item.getString(Tag.TrackingUID);
    b.anatomicRegions.addAll(codes(item, Tag.AnatomicRegionSequence));
    b.primaryAnatomicStructures.addAll(codes(item, Tag.PrimaryAnatomicStructureSequence));
    int[] lab = item.getInts(Tag.RecommendedDisplayCIELabValue);
    if (lab.length == 3) {
      b.displayColorCIELab(lab[0], lab[1], lab[2]);
    }
    if (number == 0) {
      return new SegmentDescription(b);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // Tolerant on read: objects of other writers may lack what highdicom requires on creation.
      System.getLogger(SegmentDescription.class.getName())
          .log(System.Logger.Level.WARNING, "Segment " + number + ": " + e.getMessage());
      return new SegmentDescription(b);
    }
  }

  private static CodedConcept firstCode(DicomDataset item, int tag) {
    List<CodedConcept> c = codes(item, tag);
    if (c.isEmpty()) {
      throw new IllegalArgumentException(
          ValueRepresentations.describe(tag) + " is missing (expected one item)");
    }
    return c.get(0);
  }

  private static List<CodedConcept> codes(DicomDataset item, int tag) {
    List<CodedConcept> out = new ArrayList<>();
    Sequence seq = item.getSequence(tag);
    if (seq != null) {
      for (DicomDataset code : seq) {
        out.add(CodedConcept.fromDataset(code));
      }
    }
    return out;
  }

  /** Returns Segment Number (0062,0004). */
  public int segmentNumber() {
    return segmentNumber;
  }

  /** Returns Segment Label (0062,0005). */
  public String segmentLabel() {
    return segmentLabel;
  }

  /** Returns the Segmented Property Category Code Sequence (0062,0003) concept. */
  public CodedConcept segmentedPropertyCategory() {
    return segmentedPropertyCategory;
  }

  /** Returns the Segmented Property Type Code Sequence (0062,000F) concept. */
  public CodedConcept segmentedPropertyType() {
    return segmentedPropertyType;
  }

  /** Returns Segment Algorithm Type (0062,0008). */
  public SegmentAlgorithmTypeValues algorithmType() {
    return algorithmType;
  }

  /** Returns the Segmentation Algorithm Identification Sequence (0062,0007), if any. */
  public Optional<AlgorithmIdentificationSequence> algorithmIdentification() {
    return Optional.ofNullable(algorithmIdentification);
  }

  /** Returns Tracking ID (0062,0020), if any. */
  public Optional<String> trackingId() {
    return Optional.ofNullable(trackingId);
  }

  /** Returns Tracking UID (0062,0021), if any. */
  public Optional<String> trackingUid() {
    return Optional.ofNullable(trackingUid);
  }

  /** Returns the Anatomic Region Sequence (0008,2218) concepts; may be empty. */
  public List<CodedConcept> anatomicRegions() {
    return anatomicRegions;
  }

  /** Returns the Primary Anatomic Structure Sequence (0008,2228) concepts; may be empty. */
  public List<CodedConcept> primaryAnatomicStructures() {
    return primaryAnatomicStructures;
  }

  /**
   * Returns Recommended Display CIELab Value (0062,000D): L*, a*, b* scaled to 0–65535 as PS3.3
   * C.10.7.1.1 defines, if set.
   */
  public Optional<int[]> displayColorCIELab() {
    return Optional.ofNullable(displayColor == null ? null : displayColor.clone());
  }

  /**
   * Returns a new Segment Sequence item holding this description.
   *
   * @return a mutable item
   */
  public DicomDataset toItem() {
    DicomDataset item = new DicomDataset();
    item.newSequence(Tag.SegmentedPropertyCategoryCodeSequence)
        .add(segmentedPropertyCategory.toDataset());
    item.setInt(Tag.SegmentNumber, VR.US, segmentNumber);
    item.setString(Tag.SegmentLabel, VR.LO, segmentLabel);
    if (algorithmIdentification != null) {
      item.newSequence(Tag.SegmentationAlgorithmIdentificationSequence)
          .add(algorithmIdentification.toItem());
    }
    item.setString(Tag.SegmentAlgorithmType, VR.CS, algorithmType.value());
    if (algorithmIdentification != null) {
      item.setString(Tag.SegmentAlgorithmName, VR.LO, algorithmIdentification.name());
    }
    if (displayColor != null) {
      item.setInt(Tag.RecommendedDisplayCIELabValue, VR.US, displayColor);
    }
    item.newSequence(Tag.SegmentedPropertyTypeCodeSequence).add(segmentedPropertyType.toDataset());
    if (trackingId != null) {
      item.setString(Tag.TrackingID, VR.UT, trackingId);
      item.setString(Tag.TrackingUID, VR.UI, trackingUid);
    }
    if (!anatomicRegions.isEmpty()) {
      Sequence s = item.newSequence(Tag.AnatomicRegionSequence);
      for (CodedConcept c : anatomicRegions) {
        s.add(c.toDataset());
      }
    }
    if (!primaryAnatomicStructures.isEmpty()) {
      Sequence s = item.newSequence(Tag.PrimaryAnatomicStructureSequence);
      for (CodedConcept c : primaryAnatomicStructures) {
        s.add(c.toDataset());
      }
    }
    return item;
  }

  @Override
  public String toString() {
    return "SegmentDescription[" + segmentNumber + " " + segmentLabel + "]";
  }

  /**
   * Collects the optional attributes of a {@link SegmentDescription}.
   *
   * <p>highdicom: the optional parameters of {@code SegmentDescription.__init__}.
   */
  public static final class Builder {
    private final int segmentNumber;
    private final String segmentLabel;
    private final CodedConcept category;
    private final CodedConcept type;
    private final SegmentAlgorithmTypeValues algorithmType;
    private AlgorithmIdentificationSequence algorithmIdentification;
    private String trackingId;
    private String trackingUid;
    private final List<CodedConcept> anatomicRegions = new ArrayList<>();
    private final List<CodedConcept> primaryAnatomicStructures = new ArrayList<>();
    private int[] displayColor;

    private Builder(
        int segmentNumber,
        String segmentLabel,
        CodedConcept category,
        CodedConcept type,
        SegmentAlgorithmTypeValues algorithmType) {
      if (segmentNumber < 1 || segmentNumber > 65535) {
        throw new IllegalArgumentException(
            "SegmentNumber (0062,0004) is out of range (expected 1..65535): " + segmentNumber);
      }
      this.segmentNumber = segmentNumber;
      this.segmentLabel = ValueRepresentations.checkLongString(Tag.SegmentLabel, segmentLabel);
      this.category = Objects.requireNonNull(category, "segmentedPropertyCategory");
      this.type = Objects.requireNonNull(type, "segmentedPropertyType");
      this.algorithmType = Objects.requireNonNull(algorithmType, "algorithmType");
    }

    /** The background segment (number 0), which only Label Map segmentations use. */
    private Builder(
        String label,
        CodedConcept category,
        CodedConcept type,
        SegmentAlgorithmTypeValues algorithmType) {
      this.segmentNumber = 0;
      this.segmentLabel = label;
      this.category = category;
      this.type = type;
      this.algorithmType = algorithmType;
    }

    /**
     * Sets the Segmentation Algorithm Identification Sequence (0062,0007) and Segment Algorithm
     * Name (0062,0009); required unless the algorithm type is MANUAL.
     *
     * @param algorithm the algorithm
     * @return this builder
     */
    public Builder algorithmIdentification(AlgorithmIdentificationSequence algorithm) {
      this.algorithmIdentification = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Sets Tracking ID (0062,0020), UT, a human-readable identifier unique within its domain;
     * Tracking UID must then be set too.
     *
     * @param id the identifier
     * @return this builder
     */
    public Builder trackingId(String id) {
      this.trackingId = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets Tracking UID (0062,0021), a globally unique identifier of the tracked finding; Tracking
     * ID must then be set too.
     *
     * @param uid the UID
     * @return this builder
     */
    public Builder trackingUid(String uid) {
      this.trackingUid = ValueRepresentations.checkUid(Tag.TrackingUID, uid);
      return this;
    }

    /**
     * Adds items of the Anatomic Region Sequence (0008,2218): where the segment lies (CID 4).
     *
     * @param regions the regions
     * @return this builder
     */
    public Builder anatomicRegions(CodedConcept... regions) {
      for (CodedConcept c : regions) {
        anatomicRegions.add(Objects.requireNonNull(c, "regions"));
      }
      return this;
    }

    /**
     * Adds items of the Primary Anatomic Structure Sequence (0008,2228): the structures the segment
     * represents.
     *
     * @param structures the structures
     * @return this builder
     */
    public Builder primaryAnatomicStructures(CodedConcept... structures) {
      for (CodedConcept c : structures) {
        primaryAnatomicStructures.add(Objects.requireNonNull(c, "structures"));
      }
      return this;
    }

    /**
     * Sets Recommended Display CIELab Value (0062,000D), the colour in which to show the segment,
     * as PCS-Lab values scaled to 0–65535 (PS3.3 C.10.7.1.1: L* 0–100, a* and b* −128–127 linearly
     * mapped).
     *
     * <p>highdicom: the {@code display_color} parameter.
     *
     * @param l scaled L*, 0 to 65535
     * @param a scaled a*, 0 to 65535
     * @param b scaled b*, 0 to 65535
     * @return this builder
     */
    public Builder displayColorCIELab(int l, int a, int b) {
      for (int v : new int[] {l, a, b}) {
        if (v < 0 || v > 65535) {
          throw new IllegalArgumentException(
              "RecommendedDisplayCIELabValue (0062,000D) value out of range (expected 0..65535): "
                  + v);
        }
      }
      this.displayColor = new int[] {l, a, b};
      return this;
    }

    /**
     * Validates and creates the description.
     *
     * @return the description
     * @throws IllegalArgumentException when the algorithm identification is missing for a
     *     non-MANUAL algorithm type, or only one of Tracking ID and Tracking UID was set
     */
    public SegmentDescription build() {
      if (algorithmIdentification == null && algorithmType != SegmentAlgorithmTypeValues.MANUAL) {
        throw new IllegalArgumentException(
            "SegmentationAlgorithmIdentificationSequence (0062,0007) is required unless"
                + " SegmentAlgorithmType is MANUAL (expected algorithmIdentification for "
                + algorithmType.value()
                + ")");
      }
      if ((trackingId == null) != (trackingUid == null)) {
        throw new IllegalArgumentException(
            "TrackingID (0062,0020) and TrackingUID (0062,0021) must both be provided (expected"
                + " both or neither): "
                + (trackingId == null ? "trackingUid only" : "trackingId only"));
      }
      return new SegmentDescription(this);
    }
  }
}
