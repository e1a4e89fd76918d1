package org.highdicom4j.dicom.testing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.ElementDictionary;

/**
 * Seeded mutations of an encoded DICOM file for robustness tests: truncations, overwritten length
 * fields, flipped and random bytes in element headers, changed VRs, corrupted item tags, removed
 * delimiters, inserted and deleted bytes.
 *
 * <p>The element headers are found by {@link #scan}, a small walker written for the tests from
 * PS3.5 Section 7 (independent of the reader under test): it follows defined and undefined lengths,
 * sequences, items and encapsulated pixel data, and stops quietly where the bytes stop making
 * sense.
 */
public final class Mutator {
  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final int ITEM = 0xFFFEE000;
  private static final int ITEM_DELIMITATION = 0xFFFEE00D;
  private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
  private static final String LONG_HEADER_VRS = "OB OD OF OL OV OW SQ UC UN UR UT SV UV";
  private static final String[] SOME_VRS = {
    "SQ", "UN", "OB", "OW", "UT", "UL", "US", "FD", "AT", "DA", "IS", "DS", "PN", "LO", "CS", "SV"
  };

  /**
   * One header of the encoded file: a data element, an item or a delimiter.
   *
   * @param offset byte offset of the tag
   * @param tag the tag, group in the high 16 bits
   * @param vrOffset byte offset of the explicit VR, or -1 when there is none
   * @param lengthOffset byte offset of the length field
   * @param lengthSize 2 or 4
   * @param bigEndian the byte order of tag and length
   */
  public record Header(
      int offset, int tag, int vrOffset, int lengthOffset, int lengthSize, boolean bigEndian) {
    /** Returns true for items and delimiters (group FFFE). */
    public boolean isItemOrDelimiter() {
      return tag >>> 16 == 0xFFFE;
    }

    /** Returns true for item and sequence delimiters. */
    public boolean isDelimiter() {
      return tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION;
    }

    /** Returns the length of the header in bytes. */
    public int headerLength() {
      return lengthOffset + lengthSize - offset;
    }
  }

  /**
   * One mutated file.
   *
   * @param description what was changed, to reproduce a failure
   * @param bytes the mutated bytes
   */
  public record Mutant(String description, byte[] bytes) {}

  private final byte[] original;
  private final List<Header> headers;
  private final List<Header> explicitHeaders = new ArrayList<>();
  private final List<Header> items = new ArrayList<>();
  private final List<Header> delimiters = new ArrayList<>();
  private final Random random;

  /**
   * Prepares mutations of a file.
   *
   * @param original the encoded file (not modified)
   * @param headers its headers, from {@link #scan}
   * @param seed the seed of the random choices
   */
  public Mutator(byte[] original, List<Header> headers, long seed) {
    this.original = original;
    this.headers = List.copyOf(headers);
    this.random = new Random(seed);
    for (Header h : headers) {
      if (h.vrOffset() >= 0) {
        explicitHeaders.add(h);
      }
      if (h.isItemOrDelimiter()) {
        items.add(h);
      }
      if (h.isDelimiter()) {
        delimiters.add(h);
      }
    }
  }

  /** Returns the headers found in the original. */
  public List<Header> headers() {
    return headers;
  }

  /** Returns the next random mutant. */
  public Mutant next() {
    int op = random.nextInt(12);
    if (headers.isEmpty() && op != 0 && op != 9) {
      op = random.nextBoolean() ? 0 : 9;
    }
    switch (op) {
      case 0:
        return truncate(random.nextInt(original.length));
      case 1:
        {
          // Truncation close to a header, where a reader is most likely to be caught mid-field.
          Header h = pick(headers);
          int at = Math.min(original.length - 1, h.offset() + random.nextInt(h.headerLength() + 4));
          return truncate(at);
        }
      case 2:
        return length(pick(headers), randomLength());
      case 3:
        return length(pick(headers), hugeLength(pick(headers)));
      case 4:
        {
          Header h = pick(headers);
          int at = h.offset() + random.nextInt(h.headerLength());
          int bit = random.nextInt(8);
          byte[] b = original.clone();
          b[at] ^= (byte) (1 << bit);
          return new Mutant("flip bit " + bit + " at " + at + " in header of " + tag(h), b);
        }
      case 5:
        {
          Header h = pick(headers);
          byte[] b = original.clone();
          int n = 1 + random.nextInt(4);
          StringBuilder where = new StringBuilder();
          for (int k = 0; k < n; k++) {
            int at = h.offset() + random.nextInt(h.headerLength());
            b[at] = (byte) random.nextInt(256);
            where.append(' ').append(at);
          }
          return new Mutant("random bytes at" + where + " in header of " + tag(h), b);
        }
      case 6:
        if (!explicitHeaders.isEmpty()) {
          return changeVr(pick(explicitHeaders));
        }
        return length(pick(headers), randomLength());
      case 7:
        if (!items.isEmpty()) {
          return corruptItemTag(pick(items));
        }
        return length(pick(headers), hugeLength(pick(headers)));
      case 8:
        if (!delimiters.isEmpty()) {
          Header h = pick(delimiters);
          return new Mutant("remove delimiter " + tag(h) + " at " + h.offset(), cut(h.offset(), 8));
        }
        return length(pick(headers), randomLength());
      case 9:
        {
          byte[] b = original.clone();
          int n = 1 + random.nextInt(16);
          StringBuilder where = new StringBuilder();
          for (int k = 0; k < n; k++) {
            int at = random.nextInt(b.length);
            b[at] ^= (byte) (1 + random.nextInt(255));
            where.append(' ').append(at);
          }
          return new Mutant("flip bytes at" + where, b);
        }
      case 10:
        {
          Header h = pick(headers);
          int n = 1 + random.nextInt(8);
          if (random.nextBoolean()) {
            byte[] extra = new byte[n];
            random.nextBytes(extra);
            return new Mutant(
                "insert " + n + " random bytes before " + tag(h) + " at " + h.offset(),
                insert(h.offset(), extra));
          }
          return new Mutant(
              "delete " + n + " bytes of " + tag(h) + " at " + h.offset(), cut(h.offset(), n));
        }
      default:
        {
          // A header repeated elsewhere: an extra item start, a stray delimiter, a duplicate tag.
          Header h = pick(headers);
          Header at = pick(headers);
          byte[] copy = Arrays.copyOfRange(original, h.offset(), h.offset() + h.headerLength());
          return new Mutant(
              "copy header of " + tag(h) + " from " + h.offset() + " to " + at.offset(),
              insert(at.offset(), copy));
        }
    }
  }

  /** Returns the original cut before each header, and 1 and 6 bytes into it. */
  public List<Mutant> truncationsAtBoundaries() {
    List<Mutant> out = new ArrayList<>();
    for (Header h : headers) {
      for (int d : new int[] {0, 1, 6}) {
        if (h.offset() + d < original.length) {
          out.add(truncate(h.offset() + d));
        }
      }
    }
    return out;
  }

  private Mutant truncate(int at) {
    return new Mutant("truncate at " + at, Arrays.copyOf(original, at));
  }

  private Mutant length(Header h, long value) {
    byte[] b = original.clone();
    long v = h.lengthSize() == 2 ? value & 0xFFFF : value & 0xFFFFFFFFL;
    put(b, h.lengthOffset(), h.lengthSize(), v, h.bigEndian());
    return new Mutant(
        "length of " + tag(h) + " at " + h.offset() + " set to 0x" + Long.toHexString(v), b);
  }

  private long randomLength() {
    switch (random.nextInt(4)) {
      case 0:
        return random.nextInt(16);
      case 1:
        return random.nextInt(1 << 16);
      case 2:
        return random.nextInt(original.length + 64);
      default:
        return random.nextInt() & 0xFFFFFFFFL;
    }
  }

  private long hugeLength(Header h) {
    long remaining = original.length - (h.lengthOffset() + h.lengthSize());
    long[] choices = {
      UNDEFINED,
      0xFFFFFFFEL,
      0x7FFFFFFFL,
      0x80000000L,
      0x7FFFFFF8L,
      0xFFFFL,
      0xFFFEL,
      remaining + 1,
      remaining + 2,
      remaining - 1,
      0x10000000L
    };
    return choices[random.nextInt(choices.length)];
  }

  private Mutant changeVr(Header h) {
    byte[] b = original.clone();
    String how;
    switch (random.nextInt(4)) {
      case 0:
      case 1:
        {
          String vr = SOME_VRS[random.nextInt(SOME_VRS.length)];
          b[h.vrOffset()] = (byte) vr.charAt(0);
          b[h.vrOffset() + 1] = (byte) vr.charAt(1);
          how = vr;
          break;
        }
      case 2:
        b[h.vrOffset()] = (byte) ('A' + random.nextInt(26));
        b[h.vrOffset() + 1] = (byte) ('A' + random.nextInt(26));
        how = "letters " + (char) b[h.vrOffset()] + (char) b[h.vrOffset() + 1];
        break;
      default:
        b[h.vrOffset()] = (byte) random.nextInt(256);
        b[h.vrOffset() + 1] = (byte) random.nextInt(256);
        how = String.format("bytes %02X %02X", b[h.vrOffset()] & 0xff, b[h.vrOffset() + 1] & 0xff);
    }
    return new Mutant("VR of " + tag(h) + " at " + h.offset() + " changed to " + how, b);
  }

  private Mutant corruptItemTag(Header h) {
    int[] choices = {
      ITEM,
      ITEM_DELIMITATION,
      SEQUENCE_DELIMITATION,
      0xFFFE0000 | random.nextInt(1 << 16),
      random.nextInt(),
      0,
      PIXEL_DATA
    };
    int tag = choices[random.nextInt(choices.length)];
    byte[] b = original.clone();
    put(b, h.offset(), 2, tag >>> 16, h.bigEndian());
    put(b, h.offset() + 2, 2, tag & 0xFFFF, h.bigEndian());
    return new Mutant(
        "item tag " + tag(h) + " at " + h.offset() + " changed to " + String.format("%08X", tag),
        b);
  }

  private byte[] cut(int at, int n) {
    int end = Math.min(original.length, at + n);
    byte[] b = new byte[original.length - (end - at)];
    System.arraycopy(original, 0, b, 0, at);
    System.arraycopy(original, end, b, at, original.length - end);
    return b;
  }

  private byte[] insert(int at, byte[] extra) {
    byte[] b = new byte[original.length + extra.length];
    System.arraycopy(original, 0, b, 0, at);
    System.arraycopy(extra, 0, b, at, extra.length);
    System.arraycopy(original, at, b, at + extra.length, original.length - at);
    return b;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String tag(Header h) {
    return String.format("(%04X,%04X)", h.tag() >>> 16, h.tag() & 0xFFFF);
  }

  private static void put(byte[] b, int at, int size, long v, boolean bigEndian) {
    for (int k = 0; k < size; k++) {
      int shift = bigEndian ? 8 * (size - 1 - k) : 8 * k;
      b[at + k] = (byte) (v >>> shift);
    }
  }

  // ------------------------------------------------------------------ scanning

  /**
   * Finds the element, item and delimiter headers of an encoded file: the File Meta Information
   * (explicit VR little endian, after an optional preamble) and, unless deflated, the data set in
   * the given encoding.
   *
   * @param b the encoded file
   * @param explicitVr whether the data set has explicit VRs
   * @param bigEndian whether the data set is big endian
   * @param deflated whether the data set is deflated (then only the meta headers are found)
   * @return the headers in file order
   */
  public static List<Header> scan(
      byte[] b, boolean explicitVr, boolean bigEndian, boolean deflated) {
    Scanner s = new Scanner(b);
    try {
      int pos = 0;
      if (b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
        pos = 132;
      }
      while (pos + 8 <= b.length && s.u16(pos, false) == 0x0002) {
        pos = s.element(pos, true, false, 0);
      }
      if (!deflated) {
        s.dataset(pos, b.length, explicitVr, bigEndian, 0);
      }
    } catch (Stop e) {
      // The walker met something it cannot follow; the headers so far are enough.
    }
    return s.found;
  }

  /** Ends a scan early. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private static final class Scanner {
    final byte[] b;
    final List<Header> found = new ArrayList<>();

    Scanner(byte[] b) {
      this.b = b;
    }

    int u16(int p, boolean be) {
      need(p, 2);
      return be ? (b[p] & 0xff) << 8 | (b[p + 1] & 0xff) : (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    long u32(int p, boolean be) {
      return be
          ? (long) u16(p, true) << 16 | u16(p + 2, true)
          : u16(p, false) | (long) u16(p + 2, false) << 16;
    }

    void need(int p, int n) {
      if (p < 0 || p + n > b.length) {
        throw new Stop();
      }
    }

    int tag(int p, boolean be) {
      return u16(p, be) << 16 | u16(p + 2, be);
    }

    /** Parses elements until {@code end} or an item delimiter; returns the position after. */
    int dataset(int pos, int end, boolean explicit, boolean be, int depth) {
      while (pos + 8 <= end) {
        if (tag(pos, be) == ITEM_DELIMITATION) {
          found.add(new Header(pos, ITEM_DELIMITATION, -1, pos + 4, 4, be));
          return pos + 8;
        }
        pos = element(pos, explicit, be, depth);
      }
      return pos;
    }

    int element(int pos, boolean explicit, boolean be, int depth) {
      if (depth > 32) {
        throw new Stop();
      }
      int tag = tag(pos, be);
      if (tag >>> 16 == 0xFFFE) {
        throw new Stop();
      }
      VR vr;
      int valueStart;
      long len;
      if (explicit) {
        need(pos + 4, 2);
        String name = new String(b, pos + 4, 2, java.nio.charset.StandardCharsets.ISO_8859_1);
        vr = VR.fromBytes(b[pos + 4], b[pos + 5]);
        if (vr == null) {
          throw new Stop();
        }
        if (LONG_HEADER_VRS.contains(name)) {
          len = u32(pos + 8, be);
          found.add(new Header(pos, tag, pos + 4, pos + 8, 4, be));
          valueStart = pos + 12;
        } else {
          len = u16(pos + 6, be);
          found.add(new Header(pos, tag, pos + 4, pos + 6, 2, be));
          valueStart = pos + 8;
        }
      } else {
        vr = ElementDictionary.vrOf(tag);
        len = u32(pos + 4, be);
        found.add(new Header(pos, tag, -1, pos + 4, 4, be));
        valueStart = pos + 8;
      }
      if (len == UNDEFINED) {
        if (tag == PIXEL_DATA) {
          return fragments(valueStart, be);
        }
        boolean un = vr == VR.UN;
        return items(valueStart, -1, un ? false : explicit, un ? false : be, depth);
      }
      if (valueStart + len > b.length) {
        throw new Stop();
      }
      int end = (int) (valueStart + len);
      if (vr == VR.SQ) {
        items(valueStart, end, explicit, be, depth);
      }
      return end;
    }

    int items(int pos, int end, boolean explicit, boolean be, int depth) {
      while (end < 0 || pos < end) {
        int tag = tag(pos, be);
        long len = u32(pos + 4, be);
        found.add(new Header(pos, tag, -1, pos + 4, 4, be));
        if (tag == SEQUENCE_DELIMITATION) {
          return pos + 8;
        }
        if (tag != ITEM) {
          throw new Stop();
        }
        if (len == UNDEFINED) {
          pos = dataset(pos + 8, b.length, explicit, be, depth + 1);
        } else {
          if (pos + 8 + len > b.length) {
            throw new Stop();
          }
          dataset(pos + 8, (int) (pos + 8 + len), explicit, be, depth + 1);
          pos = (int) (pos + 8 + len);
        }
      }
      return pos;
    }

    int fragments(int pos, boolean be) {
      while (true) {
        int tag = tag(pos, false);
        long len = u32(pos + 4, false);
        found.add(new Header(pos, tag, -1, pos + 4, 4, false));
        if (tag == SEQUENCE_DELIMITATION) {
          return pos + 8;
        }
        if (tag != ITEM || pos + 8 + len > b.length) {
          throw new Stop();
        }
        pos = (int) (pos + 8 + len);
      }
    }
  }

  /**
   * Builds a data set of {@code depth} nested sequences of one item each, all of undefined length,
   * without File Meta Information.
   *
   * @param depth the nesting depth
   * @param explicitVr explicit VR little endian, else implicit
   * @param closed whether the items and sequences are closed by their delimiters
   * @param tag the sequence tag to repeat (a standard SQ element, or a private one, read as UN)
   * @return the encoded data set
   */
  public static byte[] nestedSequences(int depth, boolean explicitVr, boolean closed, int tag) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] seq = new byte[explicitVr ? 12 : 8];
    put(seq, 0, 2, tag >>> 16, false);
    put(seq, 2, 2, tag & 0xFFFF, false);
    if (explicitVr) {
      seq[4] = 'S';
      seq[5] = 'Q';
      put(seq, 8, 4, UNDEFINED, false);
    } else {
      put(seq, 4, 4, UNDEFINED, false);
    }
    byte[] item = header(ITEM, UNDEFINED);
    for (int i = 0; i < depth; i++) {
      out.writeBytes(seq);
      out.writeBytes(item);
    }
    if (closed) {
      byte[] itemEnd = header(ITEM_DELIMITATION, 0);
      byte[] seqEnd = header(SEQUENCE_DELIMITATION, 0);
      for (int i = 0; i < depth; i++) {
        out.writeBytes(itemEnd);
        out.writeBytes(seqEnd);
      }
    }
    return out.toByteArray();
  }

  /**
   * Builds a data set of {@code depth} nested sequences of one item each, all of defined length, in
   * implicit VR little endian without File Meta Information.
   *
   * @param depth the nesting depth
   * @param tag the sequence tag to repeat
   * @return the encoded data set
   */
  public static byte[] nestedDefinedLengthSequences(int depth, int tag) {
    byte[] out = new byte[16 * depth];
    for (int i = 0; i < depth; i++) {
      int p = 16 * i;
      int inner = 16 * (depth - i - 1);
      put(out, p, 2, tag >>> 16, false);
      put(out, p + 2, 2, tag & 0xFFFF, false);
      put(out, p + 4, 4, 8 + inner, false);
      put(out, p + 8, 2, 0xFFFE, false);
      put(out, p + 10, 2, 0xE000, false);
      put(out, p + 12, 4, inner, false);
    }
    return out;
  }

  private static byte[] header(int tag, long len) {
    byte[] h = new byte[8];
    put(h, 0, 2, tag >>> 16, false);
    put(h, 2, 2, tag & 0xFFFF, false);
    put(h, 4, 4, len, false);
    return h;
  }
}
