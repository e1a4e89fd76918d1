package org.highdicom4j.sr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type SCOORD (PS3.3 C.18.6): a point or shape in two-dimensional image
 * coordinates, (column, row) pairs in pixel units with (0, 0) at the top left corner of the top
 * left pixel; highdicom's {@code ScoordContentItem}.
 *
 * <p>Graphic Data (0070,0022) is single precision (FL); coordinates are rounded to float when the
 * item is built, so a read item equals the built one.
 */
public final class ScoordContentItem extends ContentItem {
  private final GraphicTypeValues graphicType;
  private final float[] data;
  private final PixelOriginInterpretationValues pixelOrigin;
  private final String fiducialUid;

  /**
   * Creates a SCOORD item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param graphicType Graphic Type (0070,0023)
   * @param graphicData points as {@code {column, row}} rows: one for POINT, two for CIRCLE, four
   *     for ELLIPSE, two or more for MULTIPOINT and POLYLINE
   * @param pixelOriginInterpretation Pixel Origin Interpretation (0048,0301), or null
   * @param fiducialUid Fiducial UID (0070,031A), or null
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when the number or shape of points does not fit the graphic
   *     type, a coordinate is not finite, or the fiducial UID is invalid
   */
  public ScoordContentItem(
      CodedConcept name,
      GraphicTypeValues graphicType,
      double[][] graphicData,
      PixelOriginInterpretationValues pixelOriginInterpretation,
      String fiducialUid,
      RelationshipTypeValues relationshipType) {
    this(
        name,
        graphicType,
        GraphicData.flatten(graphicData, 2),
        pixelOriginInterpretation,
        fiducialUid,
        relationshipType);
  }

  private ScoordContentItem(
      CodedConcept name,
      GraphicTypeValues graphicType,
      float[] data,
      PixelOriginInterpretationValues pixelOrigin,
      String fiducialUid,
      RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.SCOORD, requireName(name), relationshipType);
    this.graphicType = Objects.requireNonNull(graphicType, "graphicType");
    if (data.length % 2 != 0) {
      throw new IllegalArgumentException(
          "GraphicData (0070,0022) of a SCOORD must hold (column, row) pairs (expected an even"
              + " number of values): "
              + data.length);
    }
    int n = data.length / 2;
    String t = graphicType.value();
    String pairs = "(column, row) pairs";
    switch (graphicType) {
      case POINT:
        GraphicData.checkCount(t, n, 1, 0, pairs);
        break;
      case CIRCLE:
        GraphicData.checkCount(t, n, 2, 0, pairs);
        break;
      case ELLIPSE:
        GraphicData.checkCount(t, n, 4, 0, pairs);
        break;
      default:
        GraphicData.checkCount(t, n, 0, 2, pairs);
        break;
    }
    this.data = data;
    this.pixelOrigin = pixelOrigin;
    this.fiducialUid = Values.uidOrNull(fiducialUid, "FiducialUID (0070,031A)");
  }

  private ScoordContentItem(ScoordContentItem other, ContentSequence content) {
    super(other, content);
    this.graphicType = other.graphicType;
    this.data = other.data;
    this.pixelOrigin = other.pixelOrigin;
    this.fiducialUid = other.fiducialUid;
  }

  static ScoordContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String type = ds.getString(Tag.GraphicType);
    if (type == null) {
      return null;
    }
    String poi = ds.getString(Tag.PixelOriginInterpretation);
    return new ScoordContentItem(
        name,
        GraphicTypeValues.fromValue(type),
        ds.getFloats(Tag.GraphicData),
        poi == null ? null : PixelOriginInterpretationValues.fromValue(poi),
        ds.getString(Tag.FiducialUID),
        rel);
  }

  /**
   * Reads a SCOORD content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid SCOORD item
   */
  public static ScoordContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), ScoordContentItem.class, ValueTypeValues.SCOORD);
  }

  /**
   * Returns the Graphic Type (0070,0023).
   *
   * @return the graphic type
   */
  public GraphicTypeValues graphicType() {
    return graphicType;
  }

  /**
   * Returns the points (highdicom's {@code value}).
   *
   * @return a new N x 2 array of {@code {column, row}}
   */
  public double[][] value() {
    return GraphicData.rows(data, 2);
  }

  /**
   * Returns Graphic Data (0070,0022) as stored.
   *
   * @return a copy of the interleaved column, row values
   */
  public float[] graphicData() {
    return data.clone();
  }

  /**
   * Returns the Pixel Origin Interpretation (0048,0301).
   *
   * @return the interpretation, or empty when absent
   */
  public Optional<PixelOriginInterpretationValues> pixelOriginInterpretation() {
    return Optional.ofNullable(pixelOrigin);
  }

  /**
   * Returns the Fiducial UID (0070,031A).
   *
   * @return the UID, or empty
   */
  public Optional<String> fiducialUid() {
    return Optional.ofNullable(fiducialUid);
  }

  @Override
  public ScoordContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  ScoordContentItem copyWith(ContentSequence content) {
    return new ScoordContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setBytes(Tag.GraphicData, VR.FL, floatBytes(data));
    ds.setString(Tag.GraphicType, VR.CS, graphicType.value());
    if (pixelOrigin != null) {
      ds.setString(Tag.PixelOriginInterpretation, VR.CS, pixelOrigin.value());
    }
    if (fiducialUid != null) {
      ds.setString(Tag.FiducialUID, VR.UI, fiducialUid);
    }
  }

  static byte[] floatBytes(float[] values) {
    byte[] out = new byte[values.length * 4];
    for (int i = 0; i < values.length; i++) {
      int bits = Float.floatToRawIntBits(values[i]);
      out[4 * i] = (byte) bits;
      out[4 * i + 1] = (byte) (bits >>> 8);
      out[4 * i + 2] = (byte) (bits >>> 16);
      out[4 * i + 3] = (byte) (bits >>> 24);
    }
    return out;
  }

  @Override
  boolean valueEquals(ContentItem other) {
    ScoordContentItem o = (ScoordContentItem) other;
    return graphicType == o.graphicType
        && Arrays.equals(data, o.data)
        && pixelOrigin == o.pixelOrigin
        && Objects.equals(fiducialUid, o.fiducialUid);
  }

  @Override
  int valueHash() {
    return Objects.hash(graphicType, Arrays.hashCode(data));
  }

  @Override
  String valueString() {
    return "(" + graphicType.value() + ", " + data.length / 2 + " points)";
  }
}
