package org.highdicom4j.dicom.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The value of an encapsulated Pixel Data element (PS3.5 Section A.4): the Basic Offset Table item
 * followed by the fragments of the compressed frames. Each item is held as bytes or as a {@link
 * BulkDataRef} read on demand.
 */
public final class Fragments {
  private final List<Object> items;
  private final boolean readOnly;

  /** Creates an empty value; the first item added is the Basic Offset Table. */
  public Fragments() {
    this(new ArrayList<>(), false);
  }

  private Fragments(List<Object> items, boolean readOnly) {
    this.items = items;
    this.readOnly = readOnly;
  }

  Fragments readOnlyView() {
    return readOnly ? this : new Fragments(items, true);
  }

  Fragments deepCopy() {
    List<Object> copy = new ArrayList<>(items.size());
    for (Object o : items) {
      copy.add(o instanceof byte[] ? ((byte[]) o).clone() : o);
    }
    return new Fragments(copy, false);
  }

  /** Returns the number of items, the Basic Offset Table included. */
  public int size() {
    return items.size();
  }

  /** Returns the number of fragments, the Basic Offset Table excluded. */
  public int fragmentCount() {
    return Math.max(0, items.size() - 1);
  }

  /**
   * Appends an item held in memory.
   *
   * @param item the item's bytes (the first call adds the Basic Offset Table)
   */
  public void add(byte[] item) {
    checkWritable();
    items.add(Objects.requireNonNull(item, "item"));
  }

  /**
   * Appends an item read on demand.
   *
   * @param item reference to the item's bytes
   */
  public void add(BulkDataRef item) {
    checkWritable();
    items.add(Objects.requireNonNull(item, "item"));
  }

  /**
   * Returns the bytes of an item, reading them when held by reference.
   *
   * @param index 0 for the Basic Offset Table, 1.. for fragments
   * @return the bytes (the stored array for in-memory items: do not modify)
   * @throws IOException when a referenced item cannot be read
   */
  public byte[] item(int index) throws IOException {
    Object o = items.get(index);
    return o instanceof byte[] ? (byte[]) o : ((BulkDataRef) o).load();
  }

  /**
   * Returns the length of an item in bytes without reading it.
   *
   * @param index item index
   * @return its length
   */
  public long itemLength(int index) {
    Object o = items.get(index);
    return o instanceof byte[] ? ((byte[]) o).length : ((BulkDataRef) o).length();
  }

  /**
   * Returns the reference of an item held by reference, or null when it is in memory.
   *
   * @param index item index
   * @return the reference or null
   */
  public BulkDataRef itemRef(int index) {
    Object o = items.get(index);
    return o instanceof BulkDataRef ? (BulkDataRef) o : null;
  }

  /**
   * Returns the Basic Offset Table as offsets of the first byte of each frame, relative to the
   * first byte of the first fragment's item tag; empty when the table is empty or absent.
   *
   * @return the offsets (unsigned 32-bit values)
   * @throws IOException when the table cannot be read or its length is not a multiple of 4
   */
  public long[] basicOffsetTable() throws IOException {
    if (items.isEmpty()) {
      return new long[0];
    }
    byte[] bot = item(0);
    if (bot.length % 4 != 0) {
      throw new org.highdicom4j.dicom.io.DicomStreamException(
          "Basic Offset Table length is not a multiple of 4: " + bot.length);
    }
    long[] out = new long[bot.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          (bot[4 * i] & 0xffL)
              | (bot[4 * i + 1] & 0xffL) << 8
              | (bot[4 * i + 2] & 0xffL) << 16
              | (bot[4 * i + 3] & 0xffL) << 24;
    }
    return out;
  }

  /** Returns true when this is a read-only view. */
  public boolean isReadOnly() {
    return readOnly;
  }

  private void checkWritable() {
    if (readOnly) {
      throw new UnsupportedOperationException("These fragments are a read-only view");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Fragments)) {
      return false;
    }
    Fragments other = (Fragments) o;
    if (other.items.size() != items.size()) {
      return false;
    }
    try {
      for (int i = 0; i < items.size(); i++) {
        if (!Arrays.equals(item(i), other.item(i))) {
          return false;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  @Override
  public int hashCode() {
    return items.size();
  }

  @Override
  public String toString() {
    return "Fragments[" + items.size() + " items]";
  }
}
