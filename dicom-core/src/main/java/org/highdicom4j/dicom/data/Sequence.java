package org.highdicom4j.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The value of a Sequence of Items (SQ) element: an ordered list of item data sets (PS3.5 Section
 * 7.5). Items know the sequence they belong to, so that nested items inherit the Specific Character
 * Set of the enclosing data set.
 */
public final class Sequence implements Iterable<DicomDataset> {
  private final List<DicomDataset> items;
  private final DicomDataset parent;
  private final boolean readOnly;

  Sequence(DicomDataset parent) {
    // Most sequences hold one item; the list grows by half when there are more.
    this(parent, new ArrayList<>(1), false);
  }

  private Sequence(DicomDataset parent, List<DicomDataset> items, boolean readOnly) {
    this.parent = parent;
    this.items = items;
    this.readOnly = readOnly;
  }

  Sequence readOnlyView(DicomDataset viewParent) {
    return readOnly ? this : new Sequence(viewParent, items, true);
  }

  /** Returns the data set this sequence is the value of. */
  public DicomDataset parent() {
    return parent;
  }

  /** Returns the number of items. */
  public int size() {
    return items.size();
  }

  /** Returns true when the sequence has no items. */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  /**
   * Returns one item.
   *
   * @param index 0-based item index
   * @return the item (a read-only view when this sequence is read-only)
   * @throws IndexOutOfBoundsException when there is no such item
   */
  public DicomDataset get(int index) {
    DicomDataset item = items.get(index);
    return readOnly ? item.readOnlyView() : item;
  }

  /** Returns the items as an unmodifiable list (of read-only views when this is read-only). */
  public List<DicomDataset> items() {
    if (!readOnly) {
      return Collections.unmodifiableList(items);
    }
    List<DicomDataset> views = new ArrayList<>(items.size());
    for (DicomDataset item : items) {
      views.add(item.readOnlyView());
    }
    return Collections.unmodifiableList(views);
  }

  @Override
  public Iterator<DicomDataset> iterator() {
    return items().iterator();
  }

  /**
   * Appends a new empty item.
   *
   * @return the new item, whose parent is this sequence
   */
  public DicomDataset addNewItem() {
    checkWritable();
    DicomDataset item = new DicomDataset(this);
    items.add(item);
    return item;
  }

  /**
   * Appends an item; the item becomes part of this sequence (its parent link is set).
   *
   * @param item the item; must not already belong to another sequence
   * @throws IllegalArgumentException when the item belongs to another sequence (deep-copy it)
   */
  public void add(DicomDataset item) {
    checkWritable();
    Objects.requireNonNull(item, "item");
    item.attachTo(this);
    items.add(item);
  }

  /**
   * Removes an item.
   *
   * @param index 0-based index
   * @return the removed item, now detached
   */
  public DicomDataset remove(int index) {
    checkWritable();
    DicomDataset item = items.remove(index);
    item.detach();
    return item;
  }

  /** Removes all items. */
  public void clear() {
    checkWritable();
    for (DicomDataset item : items) {
      item.detach();
    }
    items.clear();
  }

  /** Returns true when this is a read-only view. */
  public boolean isReadOnly() {
    return readOnly;
  }

  private void checkWritable() {
    if (readOnly) {
      throw new UnsupportedOperationException("This sequence is a read-only view");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sequence && ((Sequence) o).items.equals(items);
  }

  @Override
  public int hashCode() {
    return items.size();
  }

  @Override
  public String toString() {
    return "Sequence[" + items.size() + " items]";
  }
}
