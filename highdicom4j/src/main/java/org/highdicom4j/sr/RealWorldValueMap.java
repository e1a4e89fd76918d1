package org.highdicom4j.sr;

import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;

/**
 * A reference to a Real World Value Mapping object used for a measurement: a Real World Value Map
 * used for measurement (126100, DCM) COMPOSITE item with relationship CONTAINS (in a measurement
 * group) or INFERRED FROM (in a measurement); highdicom's {@code RealWorldValueMap}.
 */
public final class RealWorldValueMap extends Template {
  private final CompositeContentItem item;

  /**
   * Creates the reference (relationship CONTAINS, for a measurement group).
   *
   * @param referencedSopInstanceUid SOP Instance UID of the Real World Value Mapping object
   * @throws IllegalArgumentException when the UID is invalid
   */
  public RealWorldValueMap(String referencedSopInstanceUid) {
    this(
        new CompositeContentItem(
            SrCodes.REAL_WORLD_VALUE_MAP,
            UID.RealWorldValueMappingStorage,
            referencedSopInstanceUid,
            RelationshipTypeValues.CONTAINS));
  }

  private RealWorldValueMap(CompositeContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  /**
   * Creates the reference from a Real World Value Mapping data set (highdicom's {@code
   * from_source_value_map}).
   *
   * @param valueMap the mapping object
   * @return the reference
   * @throws IllegalArgumentException when the data set is not a Real World Value Mapping object
   */
  public static RealWorldValueMap fromSourceValueMap(DicomDataset valueMap) {
    String cls = valueMap.getString(Tag.SOPClassUID);
    if (!UID.RealWorldValueMappingStorage.equals(cls)) {
      throw new IllegalArgumentException(
          "SOPClassUID (0008,0016) is not Real World Value Mapping Storage (expected "
              + UID.RealWorldValueMappingStorage
              + "): "
              + cls);
    }
    return new RealWorldValueMap(valueMap.getString(Tag.SOPInstanceUID));
  }

  /**
   * Interprets a content item as this reference.
   *
   * @param item a COMPOSITE item named Real World Value Map used for measurement
   * @return the reference
   * @throws IllegalArgumentException when it is not such an item
   */
  public static RealWorldValueMap fromContentItem(ContentItem item) {
    Find.require(
        item, SrCodes.REAL_WORLD_VALUE_MAP, CompositeContentItem.class, "RealWorldValueMap");
    return new RealWorldValueMap((CompositeContentItem) item);
  }

  /** Returns this reference with another relationship type (INFERRED FROM in a measurement). */
  RealWorldValueMap withRelationship(RelationshipTypeValues rel) {
    if (item.relationshipType().orElse(null) == rel) {
      return this;
    }
    return new RealWorldValueMap(
        new CompositeContentItem(
            item.name(), item.referencedSopClassUid(), item.referencedSopInstanceUid(), rel));
  }

  /**
   * Returns the SOP Instance UID of the Real World Value Mapping object.
   *
   * @return the UID
   */
  public String referencedSopInstanceUid() {
    return item.referencedSopInstanceUid();
  }

  /**
   * Returns the COMPOSITE content item.
   *
   * @return the item
   */
  public CompositeContentItem toContentItem() {
    return item;
  }
}
