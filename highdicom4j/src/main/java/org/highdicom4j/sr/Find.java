package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.coding.CodedConcept;

/** Look-up of children by concept name and class when templates are read. */
final class Find {
  private Find() {}

  static <T extends ContentItem> T first(
      List<ContentItem> items, CodedConcept name, Class<T> type) {
    for (ContentItem item : items) {
      if (type.isInstance(item) && name.equals(item.name())) {
        return type.cast(item);
      }
    }
    return null;
  }

  static <T extends ContentItem> List<T> all(
      List<ContentItem> items, CodedConcept name, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (ContentItem item : items) {
      if (type.isInstance(item) && name.equals(item.name())) {
        out.add(type.cast(item));
      }
    }
    return out;
  }

  static String text(List<ContentItem> items, CodedConcept name) {
    TextContentItem t = first(items, name, TextContentItem.class);
    return t == null ? null : t.value();
  }

  static String uid(List<ContentItem> items, CodedConcept name) {
    UIDRefContentItem t = first(items, name, UIDRefContentItem.class);
    return t == null ? null : t.value();
  }

  static CodedConcept code(List<ContentItem> items, CodedConcept name) {
    CodeContentItem t = first(items, name, CodeContentItem.class);
    return t == null ? null : t.value();
  }

  static ContentItem require(ContentItem item, CodedConcept name, Class<?> type, String what) {
    if (!type.isInstance(item) || !name.equals(item.name())) {
      throw new IllegalArgumentException(
          what
              + " must be a "
              + type.getSimpleName()
              + " named "
              + name
              + " (expected that item): "
              + item);
    }
    return item;
  }
}
