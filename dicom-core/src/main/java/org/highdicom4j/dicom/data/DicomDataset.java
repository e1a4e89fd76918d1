package org.highdicom4j.dicom.data;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Objects;
import org.highdicom4j.dicom.dict.ElementDictionary;

/**
 * A DICOM Data Set (PS3.5 Section 7): data elements ordered by tag, each with a VR and a value.
 *
 * <p>Elements are kept in sorted parallel arrays (tags, VRs, values) with binary search and a fast
 * path for appending in tag order, as a parser does. Values are stored encoded (the bytes of the
 * element, little-endian for binary VRs) and decoded on first access: text with the Specific
 * Character Set (0008,0005) in force for this data set, which sequence items inherit from their
 * enclosing data set. Large values may be held as {@link BulkDataRef} and read on demand;
 * encapsulated pixel data is held as {@link Fragments}; sequences as {@link Sequence}.
 *
 * <p>Typed accessors convert on the fly: {@link #getString}, {@link #getInts}, {@link #getDoubles},
 * {@link #getDate}, {@link #getPersonName} and so on. Accessors return null (or an empty array, or
 * the given default) when the element is absent or empty. Values read from malformed input fail
 * only on access, and only with the exceptions each accessor documents: {@link
 * IllegalStateException} when the VR does not allow the conversion, {@link
 * IllegalArgumentException} (including {@link NumberFormatException}) when the value does not
 * parse, and {@link UncheckedIOException} when bulk data cannot be read.
 *
 * <p>Instances are not thread-safe for modification. {@link #readOnlyView()} gives a view that
 * rejects modification; {@link #deepCopy()} an independent copy.
 */
public final class DicomDataset {
  static final int SPECIFIC_CHARACTER_SET = 0x00080005;

  /** Storage shared between a data set and its read-only views. */
  final ElementStore store;

  private final boolean readOnly;
  private Sequence parent;

  /** Creates an empty data set. */
  public DicomDataset() {
    this.store = new ElementStore();
    this.readOnly = false;
  }

  DicomDataset(Sequence parent) {
    this();
    this.parent = parent;
  }

  private DicomDataset(ElementStore store, Sequence parent) {
    this.store = store;
    this.readOnly = true;
    this.parent = parent;
  }

  /** Returns the number of elements at this level (items of sequences not counted). */
  public int size() {
    return store.size;
  }

  /** Returns true when the data set has no elements. */
  public boolean isEmpty() {
    return store.size == 0;
  }

  /**
   * Returns whether an element is present (possibly with an empty value).
   *
   * @param tag the tag, group in the high 16 bits
   * @return true when present
   */
  public boolean contains(int tag) {
    return indexOf(tag) >= 0;
  }

  /**
   * Returns the VR of an element.
   *
   * @param tag the tag
   * @return the VR, or null when absent
   */
  public VR vr(int tag) {
    int i = indexOf(tag);
    return i < 0 ? null : store.vrs[i];
  }

  /** Returns the tags of the elements in ascending (unsigned) order. */
  public int[] tags() {
    return Arrays.copyOf(store.tags, store.size);
  }

  /**
   * Returns the tag of the element at a position.
   *
   * @param index 0 to {@code size() - 1}, in tag order
   * @return the tag
   */
  public int tagAt(int index) {
    Objects.checkIndex(index, store.size);
    return store.tags[index];
  }

  /**
   * Returns the VR of the element at a position.
   *
   * @param index 0 to {@code size() - 1}
   * @return the VR
   */
  public VR vrAt(int index) {
    Objects.checkIndex(index, store.size);
    return store.vrs[index];
  }

  /**
   * Returns the stored value of the element at a position, for codecs that work at the level of
   * encoded values (readers, writers, the JSON model): a {@code byte[]} (encoded bytes, binary VRs
   * little-endian, text in this data set's character set), a {@code String} (text decoded, trailing
   * padding removed), a {@link Sequence}, {@link Fragments} or {@link BulkDataRef}.
   *
   * @param index 0 to {@code size() - 1}
   * @return the value, never null (an empty value is an empty array)
   */
  public Object valueAt(int index) {
    Objects.checkIndex(index, store.size);
    return readOnly ? ElementStore.readOnlyValue(store.values[index], this) : store.values[index];
  }

  /**
   * Returns the position of an element.
   *
   * @param tag the tag
   * @return its index, or a negative value when absent
   */
  public int indexOf(int tag) {
    return store.indexOf(tag);
  }

  /** Returns the sequence this data set is an item of, or null for a top-level data set. */
  public Sequence parent() {
    return parent;
  }

  void attachTo(Sequence seq) {
    if (parent != null && parent != seq) {
      throw new IllegalArgumentException(
          "The item already belongs to another sequence: add a deepCopy() of it instead");
    }
    if (readOnly) {
      throw new IllegalArgumentException("A read-only view cannot be added to a sequence");
    }
    parent = seq;
    store.charset = null;
  }

  void detach() {
    parent = null;
    store.charset = null;
  }

  /** Returns true when this is a read-only view. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** Returns a view of this data set that reflects its changes but rejects modification. */
  public DicomDataset readOnlyView() {
    return readOnly ? this : new DicomDataset(store, parent);
  }

  /**
   * Returns an independent copy: sequences, items and fragment lists are copied; byte values are
   * shared until modified, since stored values are never changed in place.
   */
  public DicomDataset deepCopy() {
    return DatasetCopies.deepCopy(this);
  }

  /**
   * Puts an element with an already-encoded or structured value, replacing any element with the
   * same tag. This is the low-level entry used by readers; the typed setters are preferable.
   *
   * @param tag the tag
   * @param vr the VR
   * @param value a {@code byte[]} (encoded as described at {@link #valueAt}), a {@code String}
   *     (text VRs only), a {@link Sequence} (SQ; use {@link #newSequence} to create one), {@link
   *     Fragments} or {@link BulkDataRef}
   * @throws IllegalArgumentException when the value type does not fit the VR
   */
  public void putValue(int tag, VR vr, Object value) {
    checkWritable();
    Objects.requireNonNull(vr, "vr");
    Objects.requireNonNull(value, "value");
    value = ValueEncoding.checkedValue(this, tag, vr, value);
    if (tag == SPECIFIC_CHARACTER_SET) {
      ValueDecoding.charsetChanging(this);
    }
    store.put(tag, vr, value);
  }

  /**
   * Removes an element.
   *
   * @param tag the tag
   * @return true when an element was removed
   */
  public boolean remove(int tag) {
    checkWritable();
    int i = indexOf(tag);
    if (i >= 0 && tag == SPECIFIC_CHARACTER_SET) {
      ValueDecoding.charsetChanging(this);
    }
    return i >= 0 && store.removeAt(i);
  }

  /**
   * Removes the elements whose tags lie in an inclusive range, e.g. a whole group.
   *
   * @param fromTag first tag (unsigned comparison)
   * @param toTag last tag
   */
  public void removeRange(int fromTag, int toTag) {
    for (int t : tags()) {
      int u = t ^ Integer.MIN_VALUE;
      if (u >= (fromTag ^ Integer.MIN_VALUE) && u <= (toTag ^ Integer.MIN_VALUE)) {
        remove(t);
      }
    }
  }

  void checkWritable() {
    if (readOnly) {
      throw new UnsupportedOperationException("This data set is a read-only view");
    }
  }

  /**
   * Returns the Specific Character Set (0008,0005) in force for this data set: its own, or for a
   * sequence item without one, that of the enclosing data set.
   */
  public SpecificCharacterSet specificCharacterSet() {
    if (store.charset == null) {
      store.charset = ValueDecoding.charsetInForce(this);
    }
    return store.charset;
  }

  /**
   * Returns the encoded bytes of an element's value: little-endian for binary VRs, text encoded in
   * this data set's character set (without padding when it was set as text).
   *
   * @param tag the tag
   * @return the bytes (do not modify), or null when absent; bulk data is read
   * @throws IllegalStateException for sequences and encapsulated pixel data
   * @throws UncheckedIOException when bulk data cannot be read
   */
  public byte[] getBytes(int tag) {
    int i = indexOf(tag);
    return i < 0 ? null : ValueDecoding.bytesOf(this, i);
  }

  /**
   * Returns the whole text of a text-VR element, with backslashes between values, trailing padding
   * removed.
   *
   * @param tag the tag
   * @return the text, or null when absent
   * @throws IllegalStateException when the element is not a text VR
   */
  public String getText(int tag) {
    int i = indexOf(tag);
    return i < 0 ? null : ValueDecoding.textOf(this, i);
  }

  /**
   * Returns the values of a string element, or of a binary numeric element formatted as text.
   * Leading and trailing spaces are removed where PS3.5 says they are insignificant.
   *
   * @param tag the tag
   * @return the values; empty when absent or empty
   * @throws IllegalStateException when the VR has no string form (sequences, OB, UN and other byte
   *     VRs)
   */
  public String[] getStrings(int tag) {
    int i = indexOf(tag);
    return i < 0 ? ValueDecoding.NO_STRINGS : ValueDecoding.strings(this, i);
  }

  /**
   * Returns the first value as a string.
   *
   * @param tag the tag
   * @return the value, or null when absent or empty
   * @throws IllegalStateException when the VR has no string form
   */
  public String getString(int tag) {
    return getString(tag, 0, null);
  }

  /**
   * Returns the first value as a string, or a default.
   *
   * @param tag the tag
   * @param defaultValue returned when absent or empty
   * @return the value
   * @throws IllegalStateException when the VR has no string form
   */
  public String getString(int tag, String defaultValue) {
    return getString(tag, 0, defaultValue);
  }

  /**
   * Returns one value as a string.
   *
   * @param tag the tag
   * @param index 0-based value index
   * @param defaultValue returned when there is no such value
   * @return the value
   * @throws IllegalStateException when the VR has no string form
   */
  public String getString(int tag, int index, String defaultValue) {
    String[] s = getStrings(tag);
    return index < s.length ? s[index] : defaultValue;
  }

  /**
   * Returns integer values: of US, SS, UL, SL, UV and SV elements (UL and UV values beyond the int
   * range fail), of IS elements parsed, of AT elements as tags.
   *
   * @param tag the tag
   * @return the values, empty when absent or empty
   * @throws IllegalStateException when a value does not fit or the VR is not integral
   * @throws NumberFormatException when an IS or DS value is not a number
   */
  public int[] getInts(int tag) {
    int i = indexOf(tag);
    return i < 0 ? ValueDecoding.NO_INTS : ValueDecoding.ints(this, i);
  }

  /**
   * Returns the first integer value, or a default.
   *
   * @param tag the tag
   * @param defaultValue returned when absent or empty
   * @return the value
   * @throws IllegalStateException when the value does not fit or the VR is not integral
   * @throws NumberFormatException when an IS or DS value is not a number
   */
  public int getInt(int tag, int defaultValue) {
    int[] v = getInts(tag);
    return v.length > 0 ? v[0] : defaultValue;
  }

  /**
   * Returns 64-bit integer values of US, SS, UL, SL, UV, SV, OL, OV, OW (unsigned), IS.
   *
   * @param tag the tag
   * @return the values, empty when absent or empty; UV values above 2^63 are negative
   * @throws IllegalStateException when the VR is not integral
   * @throws NumberFormatException when an IS or DS value is not a number
   */
  public long[] getLongs(int tag) {
    int i = indexOf(tag);
    return i < 0 ? new long[0] : ValueDecoding.longs(this, i);
  }

  /**
   * Returns the first 64-bit integer value, or a default.
   *
   * @param tag the tag
   * @param defaultValue returned when absent or empty
   * @return the value
   * @throws IllegalStateException when the VR is not integral
   * @throws NumberFormatException when an IS or DS value is not a number
   */
  public long getLong(int tag, long defaultValue) {
    long[] v = getLongs(tag);
    return v.length > 0 ? v[0] : defaultValue;
  }

  /**
   * Returns floating-point values of FL, FD, OF, OD, DS (parsed), and integral VRs (converted).
   *
   * @param tag the tag
   * @return the values, empty when absent or empty
   * @throws IllegalStateException when the VR is not numeric
   * @throws NumberFormatException when a DS or IS value is not a number
   */
  public double[] getDoubles(int tag) {
    int i = indexOf(tag);
    return i < 0 ? new double[0] : ValueDecoding.doubles(this, i);
  }

  /**
   * Returns the first floating-point value, or a default.
   *
   * @param tag the tag
   * @param defaultValue returned when absent or empty
   * @return the value
   * @throws IllegalStateException when the VR is not numeric
   * @throws NumberFormatException when a DS or IS value is not a number
   */
  public double getDouble(int tag, double defaultValue) {
    double[] v = getDoubles(tag);
    return v.length > 0 ? v[0] : defaultValue;
  }

  /**
   * Returns single-precision values of FL and OF elements (others converted from doubles).
   *
   * @param tag the tag
   * @return the values, empty when absent or empty
   * @throws IllegalStateException when the VR is not numeric
   * @throws NumberFormatException when a DS or IS value is not a number
   */
  public float[] getFloats(int tag) {
    int i = indexOf(tag);
    return i < 0 ? new float[0] : ValueDecoding.floats(this, i);
  }

  /**
   * Returns a DA value as a date.
   *
   * @param tag the tag
   * @return the date, or null when absent or empty
   * @throws IllegalArgumentException when the value is not a valid date
   */
  public LocalDate getDate(int tag) {
    String s = getString(tag);
    return s == null ? null : TemporalValues.parseDate(s);
  }

  /**
   * Returns a TM value as a time; partial values ("HH", "HHMM") give the omitted fields as 0.
   *
   * @param tag the tag
   * @return the time, or null when absent or empty
   * @throws IllegalArgumentException when the value is not a valid time
   */
  public LocalTime getTime(int tag) {
    String s = getString(tag);
    return s == null ? null : TemporalValues.parseTime(s);
  }

  /**
   * Returns a DT value with its precision: a {@link java.time.Year}, {@link java.time.YearMonth},
   * {@link LocalDate}, {@link java.time.LocalDateTime}, or {@link java.time.OffsetDateTime} when an
   * offset from UTC is given.
   *
   * @param tag the tag
   * @return the date-time, or null when absent or empty
   * @throws IllegalArgumentException when the value is not a valid date-time
   */
  public Temporal getDateTime(int tag) {
    String s = getString(tag);
    return s == null ? null : TemporalValues.parseDateTime(s);
  }

  /**
   * Returns the first PN value.
   *
   * @param tag the tag
   * @return the name, or null when absent or empty
   * @throws IllegalArgumentException when the value has more than 3 component groups or 5
   *     components
   */
  public PersonName getPersonName(int tag) {
    String s = getString(tag);
    return s == null ? null : PersonName.parse(s);
  }

  /**
   * Returns a sequence.
   *
   * @param tag the tag
   * @return the sequence (read-only when this is a view), or null when absent
   * @throws IllegalStateException when the element is not SQ
   */
  public Sequence getSequence(int tag) {
    int i = indexOf(tag);
    if (i < 0) {
      return null;
    }
    Object v = valueAt(i);
    if (!(v instanceof Sequence)) {
      throw new IllegalStateException(
          tagString(tag) + " is not a sequence (expected SQ): " + store.vrs[i]);
    }
    return (Sequence) v;
  }

  /**
   * Returns the first item of a sequence.
   *
   * @param tag the tag
   * @return the item, or null when the sequence is absent or empty
   */
  public DicomDataset getItem(int tag) {
    Sequence s = getSequence(tag);
    return s == null || s.isEmpty() ? null : s.get(0);
  }

  /**
   * Returns encapsulated pixel data.
   *
   * @param tag the tag, normally Pixel Data (7FE0,0010)
   * @return the fragments, or null when absent or not encapsulated
   */
  public Fragments getFragments(int tag) {
    int i = indexOf(tag);
    if (i < 0) {
      return null;
    }
    Object v = valueAt(i);
    return v instanceof Fragments ? (Fragments) v : null;
  }

  /**
   * Returns the bulk data reference of a value that has not been loaded.
   *
   * @param tag the tag
   * @return the reference, or null when absent or loaded
   */
  public BulkDataRef getBulkDataRef(int tag) {
    int i = indexOf(tag);
    return i >= 0 && store.values[i] instanceof BulkDataRef ? (BulkDataRef) store.values[i] : null;
  }

  /**
   * Returns true when the element is present with a non-empty value.
   *
   * @param tag the tag
   * @return whether it has a value
   */
  public boolean hasValue(int tag) {
    int i = indexOf(tag);
    return i >= 0 && store.hasValue(i);
  }

  /**
   * Sets a text element from its values (joined with backslashes for string VRs).
   *
   * @param tag the tag
   * @param vr a text VR
   * @param values the values; none for an empty value
   * @throws IllegalArgumentException when the VR is not text, a value of a multi-valued string VR
   *     contains a backslash, or a TEXT VR gets several values
   */
  public void setString(int tag, VR vr, String... values) {
    if (!vr.isText() && (vr == VR.AT || vr.isBinary())) {
      ValueEncoding.setBinaryFromStrings(this, tag, vr, values);
    } else {
      putValue(tag, vr, ValueEncoding.joinStrings(tag, vr, values));
    }
  }

  /**
   * Sets a text element, taking the VR from the data dictionary.
   *
   * @param tag a tag of the data dictionary
   * @param values the values
   */
  public void setString(int tag, String... values) {
    setString(tag, ValueEncoding.dictionaryVr(tag), values);
  }

  /**
   * Sets integer values: binary (US, SS, UL, SL, UV, SV, OW, OL, AT) or text (IS, DS).
   *
   * @param tag the tag
   * @param vr the VR
   * @param values the values
   * @throws IllegalArgumentException when a value does not fit the VR's range
   */
  public void setInt(int tag, VR vr, int... values) {
    setLong(tag, vr, ValueEncoding.widen(vr, values));
  }

  /**
   * Sets integer values, taking the VR from the data dictionary.
   *
   * @param tag a tag of the data dictionary
   * @param values the values
   */
  public void setInt(int tag, int... values) {
    setInt(tag, ValueEncoding.dictionaryVr(tag), values);
  }

  /**
   * Sets 64-bit integer values: binary (US, SS, UL, SL, UV, SV, OW, OL, OV, AT) or text (IS, DS).
   *
   * @param tag the tag
   * @param vr the VR
   * @param values the values
   * @throws IllegalArgumentException when a value does not fit the VR's range
   */
  public void setLong(int tag, VR vr, long... values) {
    ValueEncoding.setLong(this, tag, vr, values);
  }

  /**
   * Sets floating-point values: binary (FL, FD, OF, OD) or text (DS, formatted in at most 16
   * characters).
   *
   * @param tag the tag
   * @param vr the VR
   * @param values the values
   * @throws IllegalArgumentException for a non-finite DS value or a VR that is not numeric
   */
  public void setDouble(int tag, VR vr, double... values) {
    ValueEncoding.setDouble(this, tag, vr, values);
  }

  /**
   * Sets floating-point values, taking the VR from the data dictionary.
   *
   * @param tag a tag of the data dictionary
   * @param values the values
   */
  public void setDouble(int tag, double... values) {
    setDouble(tag, ValueEncoding.dictionaryVr(tag), values);
  }

  /**
   * Sets a DA element.
   *
   * @param tag the tag
   * @param date the date
   */
  public void setDate(int tag, LocalDate date) {
    setString(tag, VR.DA, TemporalValues.formatDate(Objects.requireNonNull(date, "date")));
  }

  /**
   * Sets a TM element (HHMMSS, with microseconds when non-zero).
   *
   * @param tag the tag
   * @param time the time
   */
  public void setTime(int tag, LocalTime time) {
    setString(tag, VR.TM, TemporalValues.formatTime(Objects.requireNonNull(time, "time")));
  }

  /**
   * Sets a DT element with the precision of the given value (Year … OffsetDateTime).
   *
   * @param tag the tag
   * @param dateTime the date-time
   */
  public void setDateTime(int tag, Temporal dateTime) {
    setString(
        tag, VR.DT, TemporalValues.formatDateTime(Objects.requireNonNull(dateTime, "dateTime")));
  }

  /**
   * Sets a PN element.
   *
   * @param tag the tag
   * @param names the names
   */
  public void setPersonName(int tag, PersonName... names) {
    String[] s = new String[names.length];
    for (int k = 0; k < s.length; k++) {
      s[k] = names[k].toString();
    }
    setString(tag, VR.PN, s);
  }

  /**
   * Sets an element to bytes (OB, OW, UN …; binary VRs little-endian).
   *
   * @param tag the tag
   * @param vr the VR
   * @param value the bytes (not copied: do not modify afterwards)
   */
  public void setBytes(int tag, VR vr, byte[] value) {
    if (vr == VR.SQ) {
      throw new IllegalArgumentException(tagString(tag) + " bytes cannot be set on a sequence");
    }
    putValue(tag, vr, Objects.requireNonNull(value, "value"));
  }

  /**
   * Sets an element with an empty value (Type 2 attributes).
   *
   * @param tag the tag
   * @param vr the VR
   */
  public void setEmpty(int tag, VR vr) {
    if (vr == VR.SQ) {
      newSequence(tag);
    } else {
      putValue(tag, vr, new byte[0]);
    }
  }

  /**
   * Creates (or replaces with) an empty sequence.
   *
   * @param tag the tag
   * @return the new sequence, to which items can be added
   */
  public Sequence newSequence(int tag) {
    checkWritable();
    Sequence seq = new Sequence(this);
    putValue(tag, VR.SQ, seq);
    return seq;
  }

  /**
   * Sets encapsulated pixel data.
   *
   * @param tag the tag, normally Pixel Data (7FE0,0010)
   * @param vr OB (or OW)
   * @param fragments the Basic Offset Table and fragments
   */
  public void setFragments(int tag, VR vr, Fragments fragments) {
    putValue(tag, vr, Objects.requireNonNull(fragments, "fragments"));
  }

  /**
   * Copies elements from another data set (sequences deep-copied), replacing existing ones.
   *
   * @param other the source
   * @param tags the tags to copy; absent ones are skipped
   */
  public void copyFrom(DicomDataset other, int... tags) {
    DatasetCopies.copy(other, this, tags);
  }

  /**
   * Returns the tag of a private data element in the block of a Private Creator (PS3.5 Section
   * 7.8.1): the block (gggg,xx00-xxFF) whose Private Creator Data Element (gggg,00xx) holds {@code
   * creator}. With {@code reserve}, a missing block is reserved: the creator is written to the
   * first free element of (gggg,0010-00FF).
   *
   * @param group the odd group number, above 0008 and not FFFF
   * @param creator the Private Creator value (LO; compared without surrounding spaces)
   * @param elementOffset the element's offset in the block, 0x00 to 0xFF
   * @param reserve whether to reserve a block when the creator has none
   * @return the tag {@code gggg,xxee}, or -1 when the creator has no block and {@code reserve} is
   *     false
   * @throws IllegalArgumentException when the group is not private, the offset out of range or the
   *     creator empty, longer than 64 characters or containing a backslash
   * @throws IllegalStateException when a block must be reserved but all 240 are taken
   * @throws UnsupportedOperationException when a block must be reserved in a read-only view
   */
  public int privateTag(int group, String creator, int elementOffset, boolean reserve) {
    return PrivateBlocks.privateTag(this, group, creator, elementOffset, reserve);
  }

  /**
   * Returns the Private Creator of a private data element: the value of (gggg,00xx) for
   * (gggg,xxee).
   *
   * @param tag a private data element tag (element 0x1000-0xFFFF of an odd group)
   * @return the creator without surrounding spaces, or null when the tag is not a private data
   *     element or its block has no creator
   */
  public String privateCreator(int tag) {
    return PrivateBlocks.privateCreator(this, tag);
  }

  /**
   * Formats a tag as "(gggg,eeee)", preceded by its keyword when the dictionary knows it.
   *
   * @param tag the tag
   * @return e.g. "PatientName (0010,0010)"
   */
  public static String tagString(int tag) {
    String kw = ElementDictionary.keywordOf(tag);
    String t = String.format("(%04X,%04X)", tag >>> 16, tag & 0xffff);
    return kw == null ? t : kw + " " + t;
  }

  /**
   * Compares element by element: same tags, VRs and values at every nesting level; text is compared
   * decoded, binary values by bytes (bulk data is read).
   */
  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof DicomDataset && ValueDecoding.sameElements(this, (DicomDataset) o));
  }

  @Override
  public int hashCode() {
    return store.tagsHash();
  }

  /** Returns a one-line summary; see the dump tools for a full listing. */
  @Override
  public String toString() {
    return "DicomDataset[" + store.size + " elements]";
  }
}
