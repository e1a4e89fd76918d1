package org.highdicom4j.dicom.data;

import java.io.IOException;
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
  private static final int[] NO_INTS = new int[0];
  private static final String[] NO_STRINGS = new String[0];

  /** Storage shared between a data set and its read-only views. */
  private static final class Store {
    // Most data sets are small sequence items: start small, grow by doubling.
    int[] tags = new int[4];
    VR[] vrs = new VR[4];
    Object[] values = new Object[4];
    // Text decoded from raw bytes, kept beside them so that writing reproduces the bytes read;
    // allocated on the first decoding (data sets built in code never need it).
    String[] decoded;
    int size;
    SpecificCharacterSet charset;
  }

  private final Store store;
  private final boolean readOnly;
  private Sequence parent;

  /** Creates an empty data set. */
  public DicomDataset() {
    this.store = new Store();
    this.readOnly = false;
  }

  DicomDataset(Sequence parent) {
    this();
    this.parent = parent;
  }

  private DicomDataset(Store store, Sequence parent) {
    this.store = store;
    this.readOnly = true;
    this.parent = parent;
  }

  // ---------------------------------------------------------------- structure

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
    Object v = store.values[index];
    if (readOnly) {
      if (v instanceof Sequence) {
        return ((Sequence) v).readOnlyView(this);
      }
      if (v instanceof Fragments) {
        return ((Fragments) v).readOnlyView();
      }
    }
    return v;
  }

  /**
   * Returns the position of an element.
   *
   * @param tag the tag
   * @return its index, or a negative value when absent
   */
  public int indexOf(int tag) {
    int[] t = store.tags;
    int n = store.size;
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
    DicomDataset copy = new DicomDataset();
    Store s = store;
    Store c = copy.store;
    c.tags = Arrays.copyOf(s.tags, Math.max(4, s.size));
    c.vrs = Arrays.copyOf(s.vrs, c.tags.length);
    c.values = new Object[c.tags.length];
    c.decoded = s.decoded == null ? null : Arrays.copyOf(s.decoded, c.tags.length);
    c.size = s.size;
    for (int i = 0; i < s.size; i++) {
      Object v = s.values[i];
      if (v instanceof Sequence) {
        Sequence seq = new Sequence(copy);
        for (DicomDataset item : ((Sequence) v).items()) {
          seq.add(item.deepCopy());
        }
        v = seq;
      } else if (v instanceof Fragments) {
        v = ((Fragments) v).deepCopy();
      }
      c.values[i] = v;
    }
    return copy;
  }

  // ---------------------------------------------------------------- low-level put/remove

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
    if (vr == VR.SQ) {
      if (!(value instanceof Sequence)) {
        if (value instanceof byte[] && ((byte[]) value).length == 0) {
          value = new Sequence(this);
        } else {
          throw new IllegalArgumentException(tagString(tag) + " SQ value must be a Sequence");
        }
      } else if (((Sequence) value).parent() != this) {
        throw new IllegalArgumentException(
            tagString(tag) + " sequence belongs to another data set: use newSequence()");
      }
    } else if (value instanceof String) {
      if (!vr.isText()) {
        throw new IllegalArgumentException(
            tagString(tag) + " a String value needs a text VR, not " + vr);
      }
    } else if (value instanceof Sequence
        || !(value instanceof byte[]
            || value instanceof Fragments
            || value instanceof BulkDataRef)) {
      throw new IllegalArgumentException(
          tagString(tag) + " unsupported value type for " + vr + ": " + value.getClass());
    }
    if (tag == SPECIFIC_CHARACTER_SET) {
      charsetChanging();
    }
    int i = indexOf(tag);
    if (i >= 0) {
      store.vrs[i] = vr;
      store.values[i] = value;
      if (store.decoded != null) {
        store.decoded[i] = null;
      }
    } else {
      insert(-(i + 1), tag, vr, value);
    }
  }

  private void insert(int pos, int tag, VR vr, Object value) {
    Store s = store;
    if (s.size == s.tags.length) {
      int cap = s.size * 2;
      s.tags = Arrays.copyOf(s.tags, cap);
      s.vrs = Arrays.copyOf(s.vrs, cap);
      s.values = Arrays.copyOf(s.values, cap);
      if (s.decoded != null) {
        s.decoded = Arrays.copyOf(s.decoded, cap);
      }
    }
    if (pos < s.size) {
      System.arraycopy(s.tags, pos, s.tags, pos + 1, s.size - pos);
      System.arraycopy(s.vrs, pos, s.vrs, pos + 1, s.size - pos);
      System.arraycopy(s.values, pos, s.values, pos + 1, s.size - pos);
      if (s.decoded != null) {
        System.arraycopy(s.decoded, pos, s.decoded, pos + 1, s.size - pos);
      }
    }
    s.tags[pos] = tag;
    s.vrs[pos] = vr;
    s.values[pos] = value;
    if (s.decoded != null) {
      s.decoded[pos] = null;
    }
    s.size++;
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
    if (i < 0) {
      return false;
    }
    if (tag == SPECIFIC_CHARACTER_SET) {
      charsetChanging();
    }
    Store s = store;
    Object v = s.values[i];
    if (v instanceof Sequence) {
      ((Sequence) v).clear();
    }
    System.arraycopy(s.tags, i + 1, s.tags, i, s.size - i - 1);
    System.arraycopy(s.vrs, i + 1, s.vrs, i, s.size - i - 1);
    System.arraycopy(s.values, i + 1, s.values, i, s.size - i - 1);
    s.size--;
    s.values[s.size] = null;
    if (s.decoded != null) {
      System.arraycopy(s.decoded, i + 1, s.decoded, i, s.size - i);
      s.decoded[s.size] = null;
    }
    return true;
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

  private void checkWritable() {
    if (readOnly) {
      throw new UnsupportedOperationException("This data set is a read-only view");
    }
  }

  // ---------------------------------------------------------------- character set

  /**
   * Returns the Specific Character Set (0008,0005) in force for this data set: its own, or for a
   * sequence item without one, that of the enclosing data set.
   */
  public SpecificCharacterSet specificCharacterSet() {
    SpecificCharacterSet cs = store.charset;
    if (cs == null) {
      int i = indexOf(SPECIFIC_CHARACTER_SET);
      if (i >= 0) {
        String raw = asciiText(i);
        cs = SpecificCharacterSet.of(raw.isEmpty() ? new String[0] : raw.split("\\\\", -1));
      } else if (parent != null && parent.parent() != null) {
        cs = parent.parent().specificCharacterSet();
      } else {
        cs = SpecificCharacterSet.DEFAULT;
      }
      store.charset = cs;
    }
    return cs;
  }

  private String asciiText(int i) {
    Object v = store.values[i];
    if (v instanceof String) {
      return (String) v;
    }
    byte[] b = bytesOf(i);
    return SpecificCharacterSet.DEFAULT.decode(b, 0, trimmedLength(b, VR.CS), VR.CS);
  }

  /**
   * Called before (0008,0005) changes: text still held as bytes in the old character set is decoded
   * first, here and in items that inherit it, so it is re-encoded correctly on writing.
   */
  private void charsetChanging() {
    decodeAllText();
    store.charset = null;
  }

  private void decodeAllText() {
    Store s = store;
    for (int i = 0; i < s.size; i++) {
      Object v = s.values[i];
      if (v instanceof byte[] && s.vrs[i].usesSpecificCharacterSet()) {
        // From now on the text is the value: it is encoded in the new character set on writing.
        s.values[i] = text(i);
        if (s.decoded != null) {
          s.decoded[i] = null;
        }
      } else if (v instanceof Sequence) {
        for (DicomDataset item : ((Sequence) v).items()) {
          if (!item.contains(SPECIFIC_CHARACTER_SET)) {
            item.decodeAllText();
            item.store.charset = null;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- value decoding

  private byte[] bytesOf(int i) {
    Object v = store.values[i];
    if (v instanceof byte[]) {
      return (byte[]) v;
    }
    if (v instanceof String) {
      return specificCharacterSet().encode((String) v, store.vrs[i]);
    }
    if (v instanceof BulkDataRef) {
      try {
        return ((BulkDataRef) v).load();
      } catch (IOException e) {
        throw new UncheckedIOException(
            tagString(store.tags[i]) + " bulk data cannot be read: " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException(
        tagString(store.tags[i]) + " value is not a byte value (expected bytes): " + store.vrs[i]);
  }

  /**
   * Decoded text of a text-VR element, padding removed. Decoding happens once; the raw bytes stay
   * the value, so a data set is written back as it was read even where its text cannot be
   * re-encoded (e.g. bytes above 0x7F without a Specific Character Set).
   */
  private String text(int i) {
    Object v = store.values[i];
    if (v instanceof String) {
      return (String) v;
    }
    String[] cache = store.decoded;
    String cached = cache == null ? null : cache[i];
    if (cached != null) {
      return cached;
    }
    VR vr = store.vrs[i];
    byte[] b = bytesOf(i);
    String s = specificCharacterSet().decode(b, 0, trimmedLength(b, vr), vr);
    if (v instanceof byte[]) {
      if (store.decoded == null) {
        store.decoded = new String[store.tags.length];
      }
      store.decoded[i] = s;
    }
    return s;
  }

  /** Length without trailing padding: spaces (text) and NULs (any VR, commonly found). */
  static int trimmedLength(byte[] b, VR vr) {
    int n = b.length;
    while (n > 0 && (b[n - 1] == 0 || (b[n - 1] == ' ' && vr != VR.UI))) {
      n--;
    }
    return n;
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
    return i < 0 ? null : bytesOf(i);
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
    if (i < 0) {
      return null;
    }
    if (!store.vrs[i].isText()) {
      throw new IllegalStateException(
          tagString(tag) + " is not a text element (expected a string VR): " + store.vrs[i]);
    }
    return text(i);
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
    if (i < 0) {
      return NO_STRINGS;
    }
    VR vr = store.vrs[i];
    if (vr.isText()) {
      String s = text(i);
      if (s.isEmpty()) {
        return NO_STRINGS;
      }
      String[] parts = vr.kind() == VR.Kind.TEXT ? new String[] {s} : s.split("\\\\", -1);
      for (int k = 0; k < parts.length; k++) {
        parts[k] = trimValue(parts[k], vr);
      }
      return parts;
    }
    if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
      double[] d = getDoubles(tag);
      String[] out = new String[d.length];
      for (int k = 0; k < d.length; k++) {
        out[k] = Double.toString(d[k]);
      }
      return out;
    }
    if (vr == VR.AT) {
      int[] t = getInts(tag);
      String[] out = new String[t.length];
      for (int k = 0; k < t.length; k++) {
        out[k] = String.format("%08X", t[k]);
      }
      return out;
    }
    if (vr == VR.US || vr == VR.SS || vr == VR.UL || vr == VR.SL || vr == VR.UV || vr == VR.SV) {
      long[] l = getLongs(tag);
      String[] out = new String[l.length];
      for (int k = 0; k < l.length; k++) {
        out[k] = vr == VR.UV ? Long.toUnsignedString(l[k]) : Long.toString(l[k]);
      }
      return out;
    }
    throw new IllegalStateException(
        tagString(tag) + " has no string values (expected a text or numeric VR): " + vr);
  }

  private static String trimValue(String s, VR vr) {
    switch (vr) {
      case AE:
      case CS:
      case DS:
      case IS:
      case LO:
      case SH:
        return s.strip();
      case UI:
        return s.replace("\0", "").strip();
      default:
        return stripTrailing(s);
    }
  }

  private static String stripTrailing(String s) {
    int n = s.length();
    while (n > 0 && (s.charAt(n - 1) == ' ' || s.charAt(n - 1) == '\0')) {
      n--;
    }
    return s.substring(0, n);
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
    if (i < 0) {
      return NO_INTS;
    }
    VR vr = store.vrs[i];
    if (vr == VR.IS || vr == VR.DS) {
      String[] s = getStrings(tag);
      int[] out = new int[s.length];
      for (int k = 0; k < s.length; k++) {
        out[k] = vr == VR.IS ? Integer.parseInt(s[k]) : (int) Double.parseDouble(s[k]);
      }
      return out;
    }
    if (vr == VR.AT) {
      byte[] b = bytesOf(i);
      int[] out = new int[b.length / 4];
      for (int k = 0; k < out.length; k++) {
        out[k] = (LittleEndian.u16(b, 4 * k) << 16) | LittleEndian.u16(b, 4 * k + 2);
      }
      return out;
    }
    long[] l = getLongs(tag);
    int[] out = new int[l.length];
    for (int k = 0; k < l.length; k++) {
      if (l[k] < Integer.MIN_VALUE || l[k] > Integer.MAX_VALUE) {
        throw new IllegalStateException(
            tagString(tag) + " value does not fit an int (expected a 32-bit value): " + l[k]);
      }
      out[k] = (int) l[k];
    }
    return out;
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
    if (i < 0) {
      return new long[0];
    }
    VR vr = store.vrs[i];
    if (vr == VR.IS || vr == VR.DS) {
      String[] s = getStrings(tag);
      long[] out = new long[s.length];
      for (int k = 0; k < s.length; k++) {
        out[k] = vr == VR.IS ? Long.parseLong(s[k]) : (long) Double.parseDouble(s[k]);
      }
      return out;
    }
    byte[] b = bytesOf(i);
    switch (vr) {
      case US:
      case OW:
        return LittleEndian.u16s(b);
      case SS:
        return LittleEndian.s16s(b);
      case UL:
      case OL:
        return LittleEndian.u32s(b);
      case SL:
        return LittleEndian.s32s(b);
      case UV:
      case SV:
      case OV:
        return LittleEndian.s64s(b);
      default:
        throw new IllegalStateException(
            tagString(tag) + " has no integer values (expected US, SS, UL, SL, UV, SV, IS): " + vr);
    }
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
    if (i < 0) {
      return new double[0];
    }
    VR vr = store.vrs[i];
    switch (vr) {
      case FL:
      case OF:
        return LittleEndian.f32s(bytesOf(i));
      case FD:
      case OD:
        return LittleEndian.f64s(bytesOf(i));
      case DS:
      case IS:
        {
          String[] s = getStrings(tag);
          double[] out = new double[s.length];
          for (int k = 0; k < s.length; k++) {
            out[k] = Double.parseDouble(s[k]);
          }
          return out;
        }
      default:
        long[] l = getLongs(tag);
        double[] out = new double[l.length];
        for (int k = 0; k < l.length; k++) {
          out[k] = vr == VR.UV && l[k] < 0 ? Double.parseDouble(Long.toUnsignedString(l[k])) : l[k];
        }
        return out;
    }
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
    if (i >= 0 && (store.vrs[i] == VR.FL || store.vrs[i] == VR.OF)) {
      return LittleEndian.f32sAsFloats(bytesOf(i));
    }
    double[] d = getDoubles(tag);
    float[] out = new float[d.length];
    for (int k = 0; k < d.length; k++) {
      out[k] = (float) d[k];
    }
    return out;
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
    if (i < 0) {
      return false;
    }
    Object v = store.values[i];
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

  // ---------------------------------------------------------------- typed setters

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
    if (!vr.isText()) {
      if (vr == VR.AT || vr.isBinary()) {
        setBinaryFromStrings(tag, vr, values);
        return;
      }
      throw new IllegalArgumentException(
          tagString(tag) + " cannot hold strings (expected a text VR): " + vr);
    }
    if (vr.kind() == VR.Kind.TEXT && values.length > 1) {
      throw new IllegalArgumentException(
          tagString(tag) + " " + vr + " is single valued (expected 1 value): " + values.length);
    }
    for (String v : values) {
      Objects.requireNonNull(v, "values");
      if (vr.kind() == VR.Kind.STRING && v.indexOf('\\') >= 0) {
        throw new IllegalArgumentException(
            tagString(tag) + " value must not contain a backslash (it separates values): " + v);
      }
    }
    putValue(tag, vr, String.join("\\", values));
  }

  /**
   * Sets a text element, taking the VR from the data dictionary.
   *
   * @param tag a tag of the data dictionary
   * @param values the values
   */
  public void setString(int tag, String... values) {
    setString(tag, dictionaryVr(tag), values);
  }

  private void setBinaryFromStrings(int tag, VR vr, String[] values) {
    if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
      double[] d = new double[values.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = Double.parseDouble(values[k].strip());
      }
      setDouble(tag, vr, d);
    } else if (vr == VR.AT) {
      int[] t = new int[values.length];
      for (int k = 0; k < t.length; k++) {
        t[k] = (int) Long.parseLong(values[k].strip().replaceAll("[(),]", ""), 16);
      }
      setInt(tag, vr, t);
    } else {
      long[] l = new long[values.length];
      for (int k = 0; k < l.length; k++) {
        l[k] = Long.parseLong(values[k].strip());
      }
      setLong(tag, vr, l);
    }
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
    long[] l = new long[values.length];
    for (int k = 0; k < l.length; k++) {
      l[k] = vr == VR.AT ? values[k] & 0xffffffffL : values[k];
    }
    setLong(tag, vr, l);
  }

  /**
   * Sets integer values, taking the VR from the data dictionary.
   *
   * @param tag a tag of the data dictionary
   * @param values the values
   */
  public void setInt(int tag, int... values) {
    setInt(tag, dictionaryVr(tag), values);
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
    if (vr == VR.IS || vr == VR.DS) {
      String[] s = new String[values.length];
      for (int k = 0; k < s.length; k++) {
        s[k] = Long.toString(values[k]);
      }
      setString(tag, vr, s);
      return;
    }
    if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
      double[] d = new double[values.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = values[k];
      }
      setDouble(tag, vr, d);
      return;
    }
    putValue(tag, vr, LittleEndian.encodeIntegers(tag, vr, values));
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
    switch (vr) {
      case FL:
      case OF:
        putValue(tag, vr, LittleEndian.encodeFloats(values));
        return;
      case FD:
      case OD:
        putValue(tag, vr, LittleEndian.encodeDoubles(values));
        return;
      case DS:
        String[] s = new String[values.length];
        for (int k = 0; k < s.length; k++) {
          s[k] = DecimalStrings.format(values[k]);
        }
        setString(tag, vr, s);
        return;
      default:
        throw new IllegalArgumentException(
            tagString(tag)
                + " cannot hold floating-point values (expected FL, FD, OF, OD, DS): "
                + vr);
    }
  }

  /**
   * Sets floating-point values, taking the VR from the data dictionary.
   *
   * @param tag a tag of the data dictionary
   * @param values the values
   */
  public void setDouble(int tag, double... values) {
    setDouble(tag, dictionaryVr(tag), values);
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
    for (int t : tags) {
      int i = other.indexOf(t);
      if (i < 0) {
        continue;
      }
      Object v = other.store.values[i];
      VR vr = other.store.vrs[i];
      if (v instanceof Sequence) {
        Sequence seq = newSequence(t);
        for (DicomDataset item : ((Sequence) v).items()) {
          seq.add(item.deepCopy());
        }
      } else if (v instanceof Fragments) {
        putValue(t, vr, ((Fragments) v).deepCopy());
      } else if (v instanceof byte[] && vr.usesSpecificCharacterSet()) {
        putValue(t, vr, other.text(i));
      } else {
        putValue(t, vr, v);
      }
    }
  }

  // ---------------------------------------------------------------- private elements

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
    Objects.requireNonNull(creator, "creator");
    if ((group & 1) == 0 || group <= 0x0007 || group > 0xFFFE) {
      throw new IllegalArgumentException(
          String.format(
              "Private group must be odd, above 0008 and below FFFF (PS3.5 7.8.1): %04X", group));
    }
    if (elementOffset < 0 || elementOffset > 0xFF) {
      throw new IllegalArgumentException(
          "Private element offset must be 0x00..0xFF: 0x" + Integer.toHexString(elementOffset));
    }
    String wanted = creator.strip();
    if (wanted.isEmpty() || wanted.length() > 64 || wanted.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(
          "Private Creator must be a non-empty LO value of at most 64 characters: " + creator);
    }
    int free = -1;
    for (int block = 0x10; block <= 0xFF; block++) {
      int t = group << 16 | block;
      if (indexOf(t) < 0) {
        if (free < 0) {
          free = block;
        }
      } else if (wanted.equals(privateCreatorValue(t))) {
        return group << 16 | block << 8 | elementOffset;
      }
    }
    if (!reserve) {
      return -1;
    }
    checkWritable();
    if (free < 0) {
      throw new IllegalStateException(
          String.format(
              "All private blocks (%04X,0010-00FF) are reserved (expected a free one): %s",
              group, wanted));
    }
    setString(group << 16 | free, VR.LO, wanted);
    return group << 16 | free << 8 | elementOffset;
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
    int group = tag >>> 16;
    int block = (tag >>> 8) & 0xff;
    if ((group & 1) == 0 || group <= 0x0007 || group == 0xFFFF || block < 0x10) {
      return null;
    }
    return privateCreatorValue(group << 16 | block);
  }

  private String privateCreatorValue(int creatorTag) {
    int i = indexOf(creatorTag);
    if (i < 0) {
      return null;
    }
    Object v = store.values[i];
    if (v instanceof Sequence || v instanceof Fragments) {
      return null;
    }
    // A creator read as UN (no dictionary VR applied) is still ASCII text.
    return (store.vrs[i].isText() ? text(i) : asciiText(i)).strip();
  }

  private static VR dictionaryVr(int tag) {
    VR vr = ElementDictionary.vrOf(tag);
    if (vr == VR.UN) {
      throw new IllegalArgumentException(
          tagString(tag) + " is not in the data dictionary: give the VR explicitly");
    }
    return vr;
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

  // ---------------------------------------------------------------- equality

  /**
   * Compares element by element: same tags, VRs and values at every nesting level; text is compared
   * decoded, binary values by bytes (bulk data is read).
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DicomDataset)) {
      return false;
    }
    DicomDataset other = (DicomDataset) o;
    if (other.store.size != store.size) {
      return false;
    }
    for (int i = 0; i < store.size; i++) {
      if (store.tags[i] != other.store.tags[i] || store.vrs[i] != other.store.vrs[i]) {
        return false;
      }
      if (!valueEquals(i, other)) {
        return false;
      }
    }
    return true;
  }

  private boolean valueEquals(int i, DicomDataset other) {
    Object a = store.values[i];
    Object b = other.store.values[i];
    VR vr = store.vrs[i];
    if (a instanceof Sequence || b instanceof Sequence) {
      return a.equals(b);
    }
    if (a instanceof Fragments || b instanceof Fragments) {
      return a.equals(b);
    }
    if (vr.isText()) {
      return text(i).equals(other.text(i));
    }
    return Arrays.equals(bytesOf(i), other.bytesOf(i));
  }

  @Override
  public int hashCode() {
    int h = store.size;
    for (int i = 0; i < store.size; i++) {
      h = 31 * h + store.tags[i];
    }
    return h;
  }

  /** Returns a one-line summary; see the dump tools for a full listing. */
  @Override
  public String toString() {
    return "DicomDataset[" + store.size + " elements]";
  }
}
