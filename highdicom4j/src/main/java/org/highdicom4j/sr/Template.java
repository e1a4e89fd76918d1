package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;

/**
 * An SR template (PS3.16 Annex A): a pattern of content items, held as the content items it
 * produced or was read from, with typed accessors in each subclass; highdicom's {@code
 * highdicom.sr.Template}.
 *
 * <p>Templates are immutable. Equality compares the content items, so a template read from a data
 * set equals the one that was built and written.
 */
public abstract class Template {
  private final ContentSequence items;

  /**
   * Creates a template from the content items it produced or was read from.
   *
   * @param items the items, each with a relationship type except a document's root item
   * @throws IllegalArgumentException when an item lacks a relationship type
   */
  protected Template(List<? extends ContentItem> items) {
    this.items = new ContentSequence(items, false, true);
  }

  /**
   * Creates a template from a checked content sequence.
   *
   * @param items the items
   */
  protected Template(ContentSequence items) {
    this.items = Objects.requireNonNull(items, "items");
  }

  /**
   * Returns the content items of this template, in order; each has a relationship type with the
   * item that will contain them, except the root item of a {@link MeasurementReport}.
   *
   * @return the items
   */
  public ContentSequence contentItems() {
    return items;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((Template) o).items.equals(items);
  }

  @Override
  public final int hashCode() {
    return items.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + items;
  }
}
