package org.highdicom4j.cli;

import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.SCT;
import org.highdicom4j.coding.cid.CID244;
import org.highdicom4j.sample.SyntheticCtSeries;

/**
 * The structures that {@code hd4j demo} segments in the synthetic CT phantom: one label (segment
 * number) each, the Hounsfield unit window that selects it, its anatomic code (SCT, CID 7151) and
 * laterality (CID 244). Windows are half-open, [min, max), and disjoint.
 *
 * <p>Both kidneys of the phantom have 30 HU, so the window alone cannot tell them apart; the
 * segmenter splits them at the body midline (patient x = 0), which is where the phantom is centred.
 * Right is patient right, i.e. negative x in the patient coordinate system (LPS).
 */
enum DemoOrgan {
  /** Liver, label 1. */
  LIVER(1, "Liver", SyntheticCtSeries.Organ.LIVER, 55, 65, 0, SCT.Liver, null),
  /** Spleen, label 2. */
  SPLEEN(2, "Spleen", SyntheticCtSeries.Organ.SPLEEN, 45, 55, 0, SCT.Spleen, null),
  /** Right kidney (negative x), label 3. */
  RIGHT_KIDNEY(
      3,
      "Right kidney",
      SyntheticCtSeries.Organ.RIGHT_KIDNEY,
      25,
      35,
      -1,
      SCT.Kidney,
      CID244.Right),
  /** Left kidney (positive x), label 4. */
  LEFT_KIDNEY(
      4, "Left kidney", SyntheticCtSeries.Organ.LEFT_KIDNEY, 25, 35, 1, SCT.Kidney, CID244.Left),
  /** Vertebral column (SCT 421060004 "Spine"), label 5. */
  VERTEBRAL_COLUMN(
      5, "Vertebral column", SyntheticCtSeries.Organ.SPINE, 300, 3000, 0, SCT.Spine, null),
  /** Both lungs (one structure in the phantom), label 6. */
  LUNGS(6, "Lungs", SyntheticCtSeries.Organ.LUNG, -950, -500, 0, SCT.Lung, CID244.Bilateral);

  /** Segment category of every organ: SCT 123037004 "Anatomical Structure" (CID 7150). */
  static final CodedConcept CATEGORY = new CodedConcept("123037004", "SCT", "Anatomical Structure");

  private final int label;
  private final String segmentLabel;
  private final SyntheticCtSeries.Organ phantomOrgan;
  private final double minHu;
  private final double maxHu;
  private final int side;
  private final CodedConcept type;
  private final CodedConcept laterality;

  DemoOrgan(
      int label,
      String segmentLabel,
      SyntheticCtSeries.Organ phantomOrgan,
      double minHu,
      double maxHu,
      int side,
      CodedConcept type,
      CodedConcept laterality) {
    this.label = label;
    this.segmentLabel = segmentLabel;
    this.phantomOrgan = phantomOrgan;
    this.minHu = minHu;
    this.maxHu = maxHu;
    this.side = side;
    this.type = type;
    this.laterality = laterality;
  }

  /** Returns the label map value and segment number (1, 2, 3 …). */
  int label() {
    return label;
  }

  /** Returns Segment Label (0062,0005), e.g. "Right kidney". */
  String segmentLabel() {
    return segmentLabel;
  }

  /** Returns the phantom structure this organ stands for. */
  SyntheticCtSeries.Organ phantomOrgan() {
    return phantomOrgan;
  }

  /** Returns the lower end of the HU window (included). */
  double minHu() {
    return minHu;
  }

  /** Returns the upper end of the HU window (excluded). */
  double maxHu() {
    return maxHu;
  }

  /** Returns the segmented property type and finding site, e.g. SCT 10200004 "Liver". */
  CodedConcept type() {
    return type;
  }

  /** Returns the laterality (CID 244) or null when the structure is unpaired. */
  CodedConcept laterality() {
    return laterality;
  }

  /** Returns the selection rule, e.g. "[25, 35) HU, x < 0". */
  String rule() {
    String window = String.format(java.util.Locale.ROOT, "[%.0f, %.0f) HU", minHu, maxHu);
    return side == 0 ? window : window + (side < 0 ? ", x < 0" : ", x > 0");
  }

  /**
   * Tells whether a voxel belongs to this organ.
   *
   * @param hu the voxel's value in HU
   * @param x the voxel centre's patient x coordinate in mm (negative = patient right)
   * @return whether the value is in the window and the voxel on the organ's side
   */
  boolean matches(double hu, double x) {
    return hu >= minHu && hu < maxHu && (side == 0 || (side < 0 ? x < 0 : x > 0));
  }

  /**
   * Returns the organ of a label map value.
   *
   * @param label 1 to 6
   * @return the organ
   */
  static DemoOrgan ofLabel(int label) {
    for (DemoOrgan o : values()) {
      if (o.label == label) {
        return o;
      }
    }
    throw new IllegalArgumentException("No demo organ has label " + label);
  }
}
