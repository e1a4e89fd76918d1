package org.highdicom4j.sr;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item (PS3.3 C.17.3, SR Document Content Module): a coded name, a value of one of
 * the value types, an optional relationship with its parent and nested content items; the
 * counterpart of highdicom's {@code highdicom.sr.ContentItem}.
 *
 * <p>Content items are immutable. Children are attached with {@code withContent}, which returns a
 * copy and checks that every child has a relationship type that PS3.3 allows between the two value
 * types (Table A.35.13-2, Comprehensive 3D SR). {@link #fromDataset(DicomDataset)} reads any
 * content item tolerantly: an item whose value type is unknown, or that misses or violates what its
 * value type requires, becomes a {@link GenericContentItem} that keeps its attributes; the children
 * of every item are read the same way.
 *
 * <p>{@link #toDataset()} builds a content item data set directly; {@link #writeTo(DicomDataset)}
 * writes the attributes into an existing data set, which is how an SR document holds its root item.
 * Equality compares the class, name, relationship type, value and content.
 */
public abstract class ContentItem {
  private static final System.Logger LOG = System.getLogger(ContentItem.class.getName());

  private final ValueTypeValues valueType;
  private final CodedConcept name;
  private final RelationshipTypeValues relationshipType;
  private final ContentSequence content;

  ContentItem(
      ValueTypeValues valueType, CodedConcept name, RelationshipTypeValues relationshipType) {
    this(valueType, name, relationshipType, ContentSequence.EMPTY);
  }

  ContentItem(
      ValueTypeValues valueType,
      CodedConcept name,
      RelationshipTypeValues relationshipType,
      ContentSequence content) {
    this.valueType = valueType;
    this.name = name;
    this.relationshipType = relationshipType;
    this.content = content;
  }

  ContentItem(ContentItem other, ContentSequence content) {
    this.valueType = other.valueType;
    this.name = other.name;
    this.relationshipType = other.relationshipType;
    this.content = content;
  }

  static CodedConcept requireName(CodedConcept name) {
    return Objects.requireNonNull(name, "name");
  }

  /**
   * Returns the Value Type (0040,A040).
   *
   * @return the value type; null only for a {@link GenericContentItem} with an unknown or absent
   *     value type
   */
  public ValueTypeValues valueType() {
    return valueType;
  }

  /**
   * Returns the concept name: the item of Concept Name Code Sequence (0040,A043).
   *
   * @return the name; null only for a {@link GenericContentItem} read without a concept name
   */
  public CodedConcept name() {
    return name;
  }

  /**
   * Returns the Relationship Type (0040,A010) with the parent item.
   *
   * @return the relationship type, or empty for a root item
   */
  public Optional<RelationshipTypeValues> relationshipType() {
    return Optional.ofNullable(relationshipType);
  }

  /**
   * Returns the nested content items: Content Sequence (0040,A730).
   *
   * @return the children, empty when there are none
   */
  public ContentSequence content() {
    return content;
  }

  /**
   * Returns the children whose concept name equals a given one (highdicom's {@code
   * ContentSequence.find}).
   *
   * @param name the concept name
   * @return the matching children in order
   */
  public List<ContentItem> find(CodedConcept name) {
    return content.find(name);
  }

  /**
   * Returns a copy of this item with the given children, replacing any it had.
   *
   * @param items the children; each needs a relationship type allowed below this item's value type
   * @return the new item
   * @throws IllegalArgumentException when a child has no relationship type or one PS3.3 does not
   *     allow between the value types
   * @throws NullPointerException when items or one of them is null
   */
  public abstract ContentItem withContent(List<? extends ContentItem> items);

  /** Copies this item with other (already checked or read) children. */
  abstract ContentItem copyWith(ContentSequence content);

  ContentSequence checkedContent(List<? extends ContentItem> items) {
    ContentSequence seq = new ContentSequence(items, false, true);
    for (ContentItem child : seq) {
      RelationshipConstraints.check(this, child);
    }
    return seq;
  }

  /**
   * Builds the content item data set.
   *
   * @return a new data set with Relationship Type (0040,A010) when set, Value Type (0040,A040),
   *     Concept Name Code Sequence (0040,A043), the value attributes and Content Sequence
   *     (0040,A730) when there are children
   */
  public final DicomDataset toDataset() {
    DicomDataset ds = new DicomDataset();
    writeTo(ds);
    return ds;
  }

  /**
   * Writes this item's attributes into an existing data set, e.g. an SR document whose root content
   * item this is.
   *
   * @param dataset the target; attributes of the item replace existing ones
   * @throws NullPointerException when dataset is null
   */
  public void writeTo(DicomDataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    if (relationshipType != null) {
      dataset.setString(Tag.RelationshipType, VR.CS, relationshipType.value());
    }
    if (valueType != null) {
      dataset.setString(Tag.ValueType, VR.CS, valueType.value());
    }
    if (name != null) {
      dataset.newSequence(Tag.ConceptNameCodeSequence).add(name.toDataset());
    }
    writeValue(dataset);
    if (!content.isEmpty()) {
      Sequence seq = dataset.newSequence(Tag.ContentSequence);
      for (ContentItem child : content) {
        child.writeTo(seq.addNewItem());
      }
    }
  }

  /** Writes the attributes of the value. */
  abstract void writeValue(DicomDataset dataset);

  /** Compares the values of two items of the same class. */
  abstract boolean valueEquals(ContentItem other);

  /** Hashes the value. */
  abstract int valueHash();

  /**
   * Reads a content item and its children, tolerantly (see the class description).
   *
   * @param dataset a content item data set (or an SR document, for its root item)
   * @return the typed item, or a {@link GenericContentItem}
   * @throws NullPointerException when dataset is null
   */
  public static ContentItem fromDataset(DicomDataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    return read(dataset, 0);
  }

  static final int MAX_DEPTH = 256;

  static ContentItem read(DicomDataset ds, int depth) {
    ContentSequence content = ContentSequence.read(ds, depth + 1);
    String vt = ds.getString(Tag.ValueType);
    RelationshipTypeValues rel = null;
    CodedConcept name = null;
    try {
      String r = ds.getString(Tag.RelationshipType);
      rel = r == null ? null : RelationshipTypeValues.fromValue(r);
      DicomDataset nameItem = ds.getItem(Tag.ConceptNameCodeSequence);
      name = nameItem == null ? null : CodedConcept.fromDataset(nameItem);
      ContentItem typed = name == null || vt == null ? null : readTyped(vt, ds, name, rel);
      if (typed != null) {
        return content.isEmpty() ? typed : typed.copyWith(content);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      LOG.log(
          Level.DEBUG,
          () -> "Content item of value type " + vt + " read as generic: " + e.getMessage());
    }
    return new GenericContentItem(ds, vt, name, rel, content);
  }

  private static ContentItem readTyped(
      String vt, DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    switch (vt.strip()) {
      case "CONTAINER":
        return ContainerContentItem.read(ds, name, rel);
      case "CODE":
        return CodeContentItem.read(ds, name, rel);
      case "NUM":
        return NumContentItem.read(ds, name, rel);
      case "TEXT":
        return TextContentItem.read(ds, name, rel);
      case "DATE":
        return DateContentItem.read(ds, name, rel);
      case "TIME":
        return TimeContentItem.read(ds, name, rel);
      case "DATETIME":
        return DateTimeContentItem.read(ds, name, rel);
      case "PNAME":
        return PnameContentItem.read(ds, name, rel);
      case "UIDREF":
        return UIDRefContentItem.read(ds, name, rel);
      case "COMPOSITE":
        return CompositeContentItem.read(ds, name, rel);
      case "IMAGE":
        return ImageContentItem.read(ds, name, rel);
      case "WAVEFORM":
        return WaveformContentItem.read(ds, name, rel);
      case "SCOORD":
        return ScoordContentItem.read(ds, name, rel);
      case "SCOORD3D":
        return Scoord3DContentItem.read(ds, name, rel);
      case "TCOORD":
        return TcoordContentItem.read(ds, name, rel);
      default:
        return null;
    }
  }

  static <T extends ContentItem> T cast(ContentItem item, Class<T> type, ValueTypeValues vt) {
    if (!type.isInstance(item)) {
      throw new IllegalArgumentException(
          "ValueType (0040,A040) content item is not a valid "
              + vt.value()
              + " item (expected "
              + type.getSimpleName()
              + "): "
              + item);
    }
    return type.cast(item);
  }

  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    ContentItem other = (ContentItem) o;
    return Objects.equals(name, other.name)
        && relationshipType == other.relationshipType
        && valueType == other.valueType
        && valueEquals(other)
        && content.equals(other.content);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(name, relationshipType, valueType, valueHash(), content.size());
  }

  /**
   * Returns a one-line description in the style of dcmtk's {@code dsrdump}.
   *
   * @return e.g. {@code <contains NUM:(cm2, UCUM, ...)>}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("<");
    if (relationshipType != null) {
      sb.append(relationshipType.value().toLowerCase(java.util.Locale.ROOT)).append(' ');
    }
    sb.append(valueType == null ? "?" : valueType.value()).append(':');
    if (name != null) {
      sb.append(name);
    }
    sb.append('=').append(valueString());
    if (!content.isEmpty()) {
      sb.append(" +").append(content.size());
    }
    return sb.append('>').toString();
  }

  abstract String valueString();

  static List<ContentItem> listOf(ContentItem... items) {
    List<ContentItem> out = new ArrayList<>(items.length);
    for (ContentItem i : items) {
      if (i != null) {
        out.add(i);
      }
    }
    return out;
  }
}
