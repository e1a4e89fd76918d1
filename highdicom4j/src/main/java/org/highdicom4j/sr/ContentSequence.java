package org.highdicom4j.sr;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An immutable list of SR content items: the Content Sequence (0040,A730) of an item, or the root
 * of a content tree; highdicom's {@code highdicom.sr.ContentSequence}.
 *
 * <p>Items of a non-root sequence must have a Relationship Type (0040,A010); the root item has
 * none, and only an SR document may hold a root item.
 */
public final class ContentSequence extends AbstractList<ContentItem> implements RandomAccess {
  static final ContentSequence EMPTY = new ContentSequence(List.of(), false);

  private final List<ContentItem> items;
  private final boolean root;

  /**
   * Creates a validated content sequence.
   *
   * @param items the content items
   * @param isRoot whether the items are root items of a content tree (without relationship type)
   * @param isSr whether the sequence belongs to an SR document; root items are only allowed there
   * @throws IllegalArgumentException when a root item has a relationship type, a non-root item has
   *     none, or a root sequence is requested outside an SR document
   * @throws NullPointerException when items or one of them is null
   */
  public ContentSequence(List<? extends ContentItem> items, boolean isRoot, boolean isSr) {
    Objects.requireNonNull(items, "items");
    if (isRoot && !isSr) {
      throw new IllegalArgumentException(
          "A root content item is only allowed in an SR document (expected isSr with isRoot)");
    }
    List<ContentItem> copy = new ArrayList<>(items.size());
    for (ContentItem item : items) {
      Objects.requireNonNull(item, "items");
      boolean hasRel = item.relationshipType().isPresent();
      if (isRoot && hasRel) {
        throw new IllegalArgumentException(
            "RelationshipType (0040,A010) must be absent on a root content item (expected none): "
                + item.relationshipType().get().value());
      }
      if (!isRoot && !hasRel) {
        throw new IllegalArgumentException(
            "RelationshipType (0040,A010) is missing on a content item of a ContentSequence"
                + " (expected one of CONTAINS, HAS ACQ CONTEXT, HAS CONCEPT MOD, HAS OBS CONTEXT,"
                + " HAS PROPERTIES, INFERRED FROM, SELECTED FROM): "
                + item);
      }
      copy.add(item);
    }
    this.items = Collections.unmodifiableList(copy);
    this.root = isRoot;
  }

  private ContentSequence(List<ContentItem> items, boolean root) {
    this.items = items;
    this.root = root;
  }

  /**
   * Reads a sequence of content item data sets tolerantly (highdicom's {@code
   * ContentSequence.from_sequence}); see {@link ContentItem#fromDataset(DicomDataset)}.
   *
   * @param sequence the Content Sequence (0040,A730) value, or a sequence holding a root item
   * @param isRoot whether the items are root items
   * @return the typed items
   * @throws NullPointerException when sequence is null
   */
  public static ContentSequence fromSequence(Sequence sequence, boolean isRoot) {
    Objects.requireNonNull(sequence, "sequence");
    return fromItems(sequence, isRoot, 0);
  }

  static ContentSequence read(DicomDataset parent, int depth) {
    Sequence seq = parent.getSequence(Tag.ContentSequence);
    if (seq == null || seq.isEmpty()) {
      return EMPTY;
    }
    return fromItems(seq, false, depth);
  }

  private static ContentSequence fromItems(Sequence seq, boolean isRoot, int depth) {
    if (depth > ContentItem.MAX_DEPTH) {
      throw new IllegalArgumentException(
          "ContentSequence (0040,A730) is nested too deeply (expected at most "
              + ContentItem.MAX_DEPTH
              + " levels): "
              + depth);
    }
    List<ContentItem> out = new ArrayList<>(seq.size());
    for (DicomDataset item : seq) {
      out.add(ContentItem.read(item, depth));
    }
    return new ContentSequence(Collections.unmodifiableList(out), isRoot);
  }

  @Override
  public ContentItem get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  /**
   * Returns whether these are root items.
   *
   * @return true for the root of a content tree
   */
  public boolean isRoot() {
    return root;
  }

  /**
   * Returns the items with a given concept name (highdicom's {@code find}).
   *
   * @param name the concept name; SRT and SCT forms of a code match each other
   * @return the matching items in order
   */
  public List<ContentItem> find(CodedConcept name) {
    Objects.requireNonNull(name, "name");
    List<ContentItem> out = new ArrayList<>();
    for (ContentItem item : items) {
      if (name.equals(item.name())) {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * Returns the items that have children (highdicom's {@code get_nodes}).
   *
   * @return the nodes in order
   */
  public List<ContentItem> nodes() {
    List<ContentItem> out = new ArrayList<>();
    for (ContentItem item : items) {
      if (!item.content().isEmpty()) {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * Writes the items as Content Sequence (0040,A730) of a data set; nothing when empty.
   *
   * @param dataset the parent data set
   */
  public void writeTo(DicomDataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    if (items.isEmpty()) {
      return;
    }
    Sequence seq = dataset.newSequence(Tag.ContentSequence);
    for (ContentItem item : items) {
      item.writeTo(seq.addNewItem());
    }
  }
}
