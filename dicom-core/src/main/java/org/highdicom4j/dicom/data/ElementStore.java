package org.highdicom4j.dicom.data;

import java.util.Arrays;

/**
 * The storage of a {@link DicomDataset}, shared between a data set and its read-only views:
 * elements in sorted parallel arrays (tags, VRs, values), binary search with a fast path for
 * appending in tag order (as a parser does), and the decoded text cached beside the raw bytes.
 */
final class ElementStore {
  // Most data sets are small sequence items: start small, grow by doubling.
  int[] tags = new int[4];
  VR[] vrs = new VR[4];
  Object[] values = new Object[4];
  // Text decoded from raw bytes, kept beside them so that writing reproduces the bytes read;
  // allocated on the first decoding (data sets built in code never need it).
  String[] decoded;
  int size;
  SpecificCharacterSet charset;

  /** Returns the position of a tag, or {@code -(insertion point + 1)} when absent. */
  int indexOf(int tag) {
    int[] t = tags;
    int n = size;
    if (n > 0 && t[n - 1] == tag) {
      return n - 1;
    }
    int lo = 0;
    int hi = n - 1;
    int key = tag ^ Integer.MIN_VALUE;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int v = t[mid] ^ Integer.MIN_VALUE;
      if (v < key) {
        lo = mid + 1;
      } else if (v > key) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** Puts an element, replacing any element with the same tag. */
  void put(int tag, VR vr, Object value) {
    int i = indexOf(tag);
    if (i >= 0) {
      set(i, vr, value);
    } else {
      insert(-(i + 1), tag, vr, value);
    }
  }

  /** Replaces the VR and value at a position, dropping its cached text. */
  void set(int i, VR vr, Object value) {
    vrs[i] = vr;
    values[i] = value;
    if (decoded != null) {
      decoded[i] = null;
    }
  }

  /** Inserts an element at a position, growing the arrays as needed. */
  void insert(int pos, int tag, VR vr, Object value) {
    if (size == tags.length) {
      int cap = size * 2;
      tags = Arrays.copyOf(tags, cap);
      vrs = Arrays.copyOf(vrs, cap);
      values = Arrays.copyOf(values, cap);
      if (decoded != null) {
        decoded = Arrays.copyOf(decoded, cap);
      }
    }
    if (pos < size) {
      System.arraycopy(tags, pos, tags, pos + 1, size - pos);
      System.arraycopy(vrs, pos, vrs, pos + 1, size - pos);
      System.arraycopy(values, pos, values, pos + 1, size - pos);
      if (decoded != null) {
        System.arraycopy(decoded, pos, decoded, pos + 1, size - pos);
      }
    }
    tags[pos] = tag;
    vrs[pos] = vr;
    values[pos] = value;
    if (decoded != null) {
      decoded[pos] = null;
    }
    size++;
  }

  /** Removes the element at a position (a sequence's items are detached); returns true. */
  boolean removeAt(int i) {
    if (values[i] instanceof Sequence) {
      ((Sequence) values[i]).clear();
    }
    System.arraycopy(tags, i + 1, tags, i, size - i - 1);
    System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    values[size] = null;
    if (decoded != null) {
      System.arraycopy(decoded, i + 1, decoded, i, size - i);
      decoded[size] = null;
    }
    return true;
  }

  /** Returns a stored value as seen through a read-only view: sequences and fragments read-only. */
  static Object readOnlyValue(Object v, DicomDataset view) {
    if (v instanceof Sequence) {
      return ((Sequence) v).readOnlyView(view);
    }
    if (v instanceof Fragments) {
      return ((Fragments) v).readOnlyView();
    }
    return v;
  }

  /** Returns a hash of the tags, consistent with {@link DicomDataset#equals}. */
  int tagsHash() {
    int h = size;
    for (int i = 0; i < size; i++) {
      h = 31 * h + tags[i];
    }
    return h;
  }

  /** Returns true when the value at a position is not empty. */
  boolean hasValue(int i) {
    Object v = values[i];
    if (v instanceof byte[]) {
      return ((byte[]) v).length > 0;
    }
    if (v instanceof String) {
      return !((String) v).isEmpty();
    }
    if (v instanceof Sequence) {
      return !((Sequence) v).isEmpty();
    }
    if (v instanceof BulkDataRef) {
      return ((BulkDataRef) v).length() > 0;
    }
    return true;
  }

  /** Returns the cached decoded text at a position, or null. */
  String cachedText(int i) {
    return decoded == null ? null : decoded[i];
  }

  /** Caches the decoded text of the raw value at a position. */
  void cacheText(int i, String text) {
    if (decoded == null) {
      decoded = new String[tags.length];
    }
    decoded[i] = text;
  }

  /**
   * Copies tags, VRs and cached text of another store into this empty one, with room for its
   * values; the values themselves are left for the caller to copy.
   */
  void copyLayout(ElementStore s) {
    tags = Arrays.copyOf(s.tags, Math.max(4, s.size));
    vrs = Arrays.copyOf(s.vrs, tags.length);
    values = new Object[tags.length];
    decoded = s.decoded == null ? null : Arrays.copyOf(s.decoded, tags.length);
    size = s.size;
  }
}
