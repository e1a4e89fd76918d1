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
 * An SR content item of value type SCOORD3D (PS3.3 C.18.9): a point or shape as (x, y, z)
 * coordinates in millimetres in the frame of reference named by Referenced Frame of Reference UID
 * (3006,0024); highdicom's {@code Scoord3DContentItem}.
 *
 * <p>Graphic Data (0070,0022) is single precision (FL); coordinates are rounded to float when the
 * item is built. A POLYGON must be closed (first point equals last) and its points coplanar.
 */
public final class Scoord3DContentItem extends ContentItem {
  private final GraphicTypeValues3D graphicType;
  private final float[] data;
  private final String frameOfReferenceUid;
  private final String fiducialUid;

  /**
   * Creates a SCOORD3D item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param graphicType Graphic Type (0070,0023)
   * @param graphicData points as {@code {x, y, z}} rows: one for POINT, four for ELLIPSE, six for
   *     ELLIPSOID, two or more for MULTIPOINT and POLYLINE, four or more for POLYGON
   * @param frameOfReferenceUid Referenced Frame of Reference UID (3006,0024)
   * @param fiducialUid Fiducial UID (0070,031A), or null
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when the number or shape of points does not fit the graphic
   *     type, a polygon is open or not planar, a coordinate is not finite or a UID is invalid
   */
  public Scoord3DContentItem(
      CodedConcept name,
      GraphicTypeValues3D graphicType,
      double[][] graphicData,
      String frameOfReferenceUid,
      String fiducialUid,
      RelationshipTypeValues relationshipType) {
    this(
        name,
        graphicType,
        GraphicData.flatten(graphicData, 3),
        frameOfReferenceUid,
        fiducialUid,
        relationshipType);
  }

  private Scoord3DContentItem(
      CodedConcept name,
      GraphicTypeValues3D graphicType,
      float[] data,
      String frameOfReferenceUid,
      String fiducialUid,
      RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.SCOORD3D, requireName(name), relationshipType);
    this.graphicType = Objects.requireNonNull(graphicType, "graphicType");
    if (data.length % 3 != 0) {
      throw new IllegalArgumentException(
          "GraphicData (0070,0022) of a SCOORD3D must hold (x, y, z) triplets (expected a"
              + " multiple of 3 values): "
              + data.length);
    }
    int n = data.length / 3;
    String t = graphicType.value();
    String triplets = "(x, y, z) triplets";
    switch (graphicType) {
      case POINT:
        GraphicData.checkCount(t, n, 1, 0, triplets);
        break;
      case ELLIPSE:
        GraphicData.checkCount(t, n, 4, 0, triplets);
        break;
      case ELLIPSOID:
        GraphicData.checkCount(t, n, 6, 0, triplets);
        break;
      case POLYGON:
        GraphicData.checkCount(t, n, 0, 4, triplets);
        checkPolygon(data);
        break;
      default:
        GraphicData.checkCount(t, n, 0, 2, triplets);
        break;
    }
    this.data = data;
    this.frameOfReferenceUid =
        Values.uid(frameOfReferenceUid, "ReferencedFrameOfReferenceUID (3006,0024)");
    this.fiducialUid = Values.uidOrNull(fiducialUid, "FiducialUID (0070,031A)");
  }

  private static void checkPolygon(float[] d) {
    int n = d.length / 3;
    int last = 3 * (n - 1);
    if (d[0] != d[last] || d[1] != d[last + 1] || d[2] != d[last + 2]) {
      throw new IllegalArgumentException(
          "GraphicData (0070,0022) of graphic type POLYGON is not closed (expected the first and"
              + " last points to be equal): ("
              + d[0]
              + ", "
              + d[1]
              + ", "
              + d[2]
              + ") and ("
              + d[last]
              + ", "
              + d[last + 1]
              + ", "
              + d[last + 2]
              + ")");
    }
    // Normal from the first point and the pair of later points spanning the largest area.
    double[] normal = null;
    double best = 0;
    double extent = 0;
    for (int i = 1; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        extent = Math.max(extent, Math.abs(d[3 * i + k] - d[k]));
      }
      for (int j = i + 1; j < n; j++) {
        double[] c = cross(sub(d, i), sub(d, j));
        double len = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        if (len > best) {
          best = len;
          normal = new double[] {c[0] / len, c[1] / len, c[2] / len};
        }
      }
    }
    if (normal == null || best <= 1e-12 * Math.max(1, extent * extent)) {
      throw new IllegalArgumentException(
          "GraphicData (0070,0022) of graphic type POLYGON is degenerate (expected at least three"
              + " points not on one line)");
    }
    // Single-precision coordinates carry a relative error of about 1e-7.
    double tolerance = Math.max(1e-4, 1e-5 * extent);
    for (int i = 1; i < n; i++) {
      double[] v = sub(d, i);
      double dist = Math.abs(v[0] * normal[0] + v[1] * normal[1] + v[2] * normal[2]);
      if (dist > tolerance) {
        throw new IllegalArgumentException(
            "GraphicData (0070,0022) of graphic type POLYGON is not planar (expected all points"
                + " in one plane): point "
                + i
                + " is "
                + dist
                + " mm from the plane");
      }
    }
  }

  private static double[] sub(float[] d, int i) {
    return new double[] {d[3 * i] - d[0], d[3 * i + 1] - d[1], d[3 * i + 2] - d[2]};
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }

  private Scoord3DContentItem(Scoord3DContentItem other, ContentSequence content) {
    super(other, content);
    this.graphicType = other.graphicType;
    this.data = other.data;
    this.frameOfReferenceUid = other.frameOfReferenceUid;
    this.fiducialUid = other.fiducialUid;
  }

  static Scoord3DContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String type = ds.getString(Tag.GraphicType);
    if (type == null) {
      return null;
    }
    return new Scoord3DContentItem(
        name,
        GraphicTypeValues3D.fromValue(type),
        ds.getFloats(Tag.GraphicData),
        ds.getString(Tag.ReferencedFrameOfReferenceUID),
        ds.getString(Tag.FiducialUID),
        rel);
  }

  /**
   * Reads a SCOORD3D content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid SCOORD3D item
   */
  public static Scoord3DContentItem fromDataset(DicomDataset dataset) {
    return cast(
        ContentItem.fromDataset(dataset), Scoord3DContentItem.class, ValueTypeValues.SCOORD3D);
  }

  /**
   * Returns the Graphic Type (0070,0023).
   *
   * @return the graphic type
   */
  public GraphicTypeValues3D graphicType() {
    return graphicType;
  }

  /**
   * Returns the points (highdicom's {@code value}).
   *
   * @return a new N x 3 array of {@code {x, y, z}}
   */
  public double[][] value() {
    return GraphicData.rows(data, 3);
  }

  /**
   * Returns Graphic Data (0070,0022) as stored.
   *
   * @return a copy of the interleaved x, y, z values
   */
  public float[] graphicData() {
    return data.clone();
  }

  /**
   * Returns the Referenced Frame of Reference UID (3006,0024).
   *
   * @return the UID
   */
  public String frameOfReferenceUid() {
    return frameOfReferenceUid;
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
  public Scoord3DContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  Scoord3DContentItem copyWith(ContentSequence content) {
    return new Scoord3DContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setBytes(Tag.GraphicData, VR.FL, ScoordContentItem.floatBytes(data));
    ds.setString(Tag.GraphicType, VR.CS, graphicType.value());
    ds.setString(Tag.ReferencedFrameOfReferenceUID, VR.UI, frameOfReferenceUid);
    if (fiducialUid != null) {
      ds.setString(Tag.FiducialUID, VR.UI, fiducialUid);
    }
  }

  @Override
  boolean valueEquals(ContentItem other) {
    Scoord3DContentItem o = (Scoord3DContentItem) other;
    return graphicType == o.graphicType
        && Arrays.equals(data, o.data)
        && frameOfReferenceUid.equals(o.frameOfReferenceUid)
        && Objects.equals(fiducialUid, o.fiducialUid);
  }

  @Override
  int valueHash() {
    return Objects.hash(graphicType, Arrays.hashCode(data));
  }

  @Override
  String valueString() {
    return "("
        + graphicType.value()
        + ", "
        + data.length / 3
        + " points, "
        + frameOfReferenceUid
        + ")";
  }
}
