package org.highdicom4j.dicom.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.BulkDataSource;
import org.highdicom4j.dicom.data.ByteSwap;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.ElementDictionary;

/**
 * Parses the elements of a data set (PS3.5 Section 7) from an {@link Input} in one transfer syntax:
 * explicit or implicit VR, either byte order, defined and undefined lengths, sequences,
 * encapsulated pixel data, and UN values that hold implicit-VR sequences.
 */
final class DatasetParser {
  static final int ITEM = 0xFFFEE000;
  static final int ITEM_DELIMITATION = 0xFFFEE00D;
  static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
  static final int PIXEL_DATA = 0x7FE00010;
  static final int FLOAT_PIXEL_DATA = 0x7FE00008;
  static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
  static final long UNDEFINED = 0xFFFFFFFFL;

  /** Why parsing of a data set stopped. */
  enum End {
    LENGTH,
    ITEM_DELIMITER,
    SEQUENCE_DELIMITER,
    INPUT,
    PIXEL_DATA,
    GROUP_CHANGE
  }

  private static final int PIXEL_REPRESENTATION = 0x00280103;
  private static final int LUT_DATA = 0x00283006;
  private static final System.Logger LOG = System.getLogger(DatasetParser.class.getName());

  private final Input in;
  private final ReadOptions options;
  private final BulkDataSource bulkSource;
  private boolean metaOnly;

  /**
   * Elements whose VR came from the dictionary and is ambiguous there ("US or SS", "OB or OW", "US
   * or OW"): resolved by {@link #resolveAmbiguousVrs()} once the whole data set is known, because
   * the attribute deciding it (Pixel Representation) may follow them or sit in an ancestor.
   */
  private final List<DicomDataset> ambiguousIn = new ArrayList<>();

  private final List<Integer> ambiguousTags = new ArrayList<>();

  /** The sequence whose item is being parsed, named by errors that occur between elements. */
  private long enclosingTag = DicomStreamException.UNKNOWN;

  DatasetParser(Input in, ReadOptions options, BulkDataSource bulkSource) {
    this.in = in;
    this.options = options;
    this.bulkSource = bulkSource;
  }

  /** Parses File Meta Information elements: explicit VR little endian, while the group is 2. */
  void parseMeta(DicomDataset meta) throws IOException {
    metaOnly = true;
    try {
      parse(meta, -1, true, false, 0);
    } finally {
      metaOnly = false;
    }
  }

  /**
   * Parses elements into {@code ds} until {@code end} (absolute position, or -1 for undefined
   * length: until a delimiter or the end of the input).
   */
  End parse(DicomDataset ds, long end, boolean explicit, boolean bigEndian, int depth)
      throws IOException {
    while (true) {
      if (end >= 0 && in.position() >= end) {
        return End.LENGTH;
      }
      long elementStart = in.position();
      if (!in.ensure(8)) {
        if (in.atEnd() && end < 0 && depth == 0) {
          return End.INPUT;
        }
        if (in.atEnd() && end < 0) {
          throw new DicomStreamException(
              "input ends inside an item of undefined length (expected an item delimiter)",
              elementStart,
              enclosingTag);
        }
        if (depth == 0 && end < 0) {
          // Fewer than 8 trailing bytes: padding or garbage after the last element, as some
          // writers leave; not an element.
          in.skip(in.remaining() == Long.MAX_VALUE ? 0 : in.remaining(), -1);
          return End.INPUT;
        }
        if (in.atEnd()) {
          throw new DicomStreamException(
              "input ends inside an item (expected " + (end - elementStart) + " more bytes)",
              elementStart,
              enclosingTag);
        }
        throw new DicomStreamException(
            "input ends inside an element header", elementStart, enclosingTag);
      }
      byte[] b = in.buffer();
      int p = in.bufferPosition();
      int group = u16(b, p, bigEndian);
      int element = u16(b, p + 2, bigEndian);
      int tag = group << 16 | element;
      if (metaOnly && group != 0x0002) {
        return End.GROUP_CHANGE;
      }
      if (group == 0xFFFE) {
        // Item, item delimiter and sequence delimiter headers have no VR in any syntax.
        long len = u32(b, p + 4, bigEndian);
        in.advance(8);
        if (tag == ITEM_DELIMITATION) {
          return End.ITEM_DELIMITER;
        }
        if (tag == SEQUENCE_DELIMITATION) {
          return End.SEQUENCE_DELIMITER;
        }
        throw new DicomStreamException(
            "item tag outside a sequence (expected a data element)",
            elementStart,
            tag & 0xffffffffL);
      }
      VR vr;
      long len;
      boolean explicitHere = explicit;
      boolean fromDictionary = false;
      if (explicit) {
        vr = VR.fromBytes(b[p + 4], b[p + 5]);
        if (vr == null) {
          if (isVrLike(b[p + 4], b[p + 5])) {
            // An unknown VR of two upper-case letters: PS3.5 6.2 asks readers to handle it as UN
            // with the long header form.
            vr = VR.UN;
            if (!in.ensure(12)) {
              throw new DicomStreamException(
                  "input ends inside an element header", elementStart, tag & 0xffffffffL);
            }
            b = in.buffer();
            p = in.bufferPosition();
            len = u32(b, p + 8, bigEndian);
            in.advance(12);
          } else {
            // Not a VR: some files switch to implicit VR inside an explicit data set.
            explicitHere = false;
            fromDictionary = true;
            vr = implicitVr(tag);
            len = u32(b, p + 4, bigEndian);
            in.advance(8);
          }
        } else if (vr.hasLongHeader()) {
          if (!in.ensure(12)) {
            throw new DicomStreamException(
                "input ends inside an element header", elementStart, tag & 0xffffffffL);
          }
          b = in.buffer();
          p = in.bufferPosition();
          len = u32(b, p + 8, bigEndian);
          in.advance(12);
        } else {
          len = u16(b, p + 6, bigEndian);
          in.advance(8);
        }
      } else {
        vr = implicitVr(tag);
        fromDictionary = true;
        len = u32(b, p + 4, bigEndian);
        in.advance(8);
      }
      if (vr == VR.UN && !fromDictionary && len != UNDEFINED) {
        // A standard element sent as UN (PS3.5 6.2.2): its value is encoded as in Implicit VR, so
        // the dictionary VR applies, as pydicom and DCMTK do by default.
        VR known = knownVr(tag, len);
        if (known != VR.UN && known != VR.SQ) {
          vr = known;
          fromDictionary = true;
        }
      }
      if (fromDictionary && ElementDictionary.vrsOf(tag).size() > 1) {
        ambiguousIn.add(ds);
        ambiguousTags.add(tag);
      }
      if (depth == 0
          && options.stopBeforePixelData()
          && (tag == PIXEL_DATA || tag == FLOAT_PIXEL_DATA || tag == DOUBLE_FLOAT_PIXEL_DATA)) {
        return End.PIXEL_DATA;
      }
      readValue(ds, tag, vr, len, explicitHere, bigEndian, depth, elementStart);
    }
  }

  private void readValue(
      DicomDataset ds,
      int tag,
      VR vr,
      long len,
      boolean explicit,
      boolean bigEndian,
      int depth,
      long elementStart)
      throws IOException {
    long utag = tag & 0xffffffffL;
    if (len == UNDEFINED) {
      if (tag == PIXEL_DATA || (vr != VR.SQ && vr != VR.UN && isPixelDataLike(tag))) {
        // Encapsulated Pixel Data is OB (PS3.5 A.4), whatever VR a writer put in the header.
        ds.putValue(tag, VR.OB, readFragments(tag));
        return;
      }
      if (vr != VR.SQ && vr != VR.UN) {
        // Undefined length is only allowed for SQ, UN and encapsulated pixel data; a few writers
        // use it for other VRs holding items, which are parsed as a sequence.
        vr = VR.SQ;
      }
      // UN of undefined length holds an implicit VR little endian sequence (PS3.5 6.2.2).
      boolean seqExplicit = vr == VR.UN ? false : explicit;
      boolean seqBigEndian = vr == VR.UN ? false : bigEndian;
      Sequence seq = ds.newSequence(tag);
      readItems(seq, -1, seqExplicit, seqBigEndian, depth, tag);
      return;
    }
    if (depth == 0 && isPixelData(tag) && vr != VR.SQ) {
      // Tolerant on read: a file cut inside its last element, the pixel data, keeps the bytes
      // that are there (as pydicom does); decoding the frames then fails on the short value.
      ds.putValue(tag, vr, readPixelValue(ds, tag, vr, len, bigEndian));
      return;
    }
    // A sequence or item length is not checked against the bytes that remain: it allocates
    // nothing, and a stream of unknown length could not check it, so files and streams both read
    // such a value until its delimiter or the end of the input.
    if (vr == VR.SQ) {
      Sequence seq = ds.newSequence(tag);
      readItems(seq, in.position() + len, explicit, bigEndian, depth, tag);
      return;
    }
    if (vr == VR.UN && knownVr(tag, len) == VR.SQ && len > 0) {
      // A known sequence sent as UN: its value is an implicit VR little endian item list.
      Sequence seq = ds.newSequence(tag);
      readItems(seq, in.position() + len, false, false, depth, tag);
      return;
    }
    if (len > in.remaining()) {
      throw new DicomStreamException(
          "value length exceeds the remaining bytes (expected ≤ " + in.remaining() + "): " + len,
          elementStart,
          utag);
    }
    if (len > options.bulkDataThreshold() && bulkSource != null) {
      int swap = bigEndian ? swapUnit(ds, tag, vr) : 0;
      ds.putValue(tag, vr, new BulkDataRef(bulkSource, in.position(), len, swap, null));
      in.skip(len, utag);
      return;
    }
    byte[] value = in.readBytes(len, utag);
    if (bigEndian) {
      int unit = swapUnit(ds, tag, vr);
      if (unit > 1) {
        ByteSwap.swap(value, 0, value.length, unit);
      }
    }
    ds.putValue(tag, vr, value);
  }

  private void readItems(
      Sequence seq, long end, boolean explicit, boolean bigEndian, int depth, int tag)
      throws IOException {
    long utag = tag & 0xffffffffL;
    if (depth + 1 > options.maxDepth()) {
      throw new DicomStreamException(
          "sequences nested too deeply (expected ≤ " + options.maxDepth() + " levels)",
          in.position(),
          utag);
    }
    while (end < 0 || in.position() < end) {
      long itemStart = in.position();
      if (!in.ensure(8)) {
        throw new DicomStreamException(
            "input ends inside a sequence (expected an item)", itemStart, utag);
      }
      byte[] b = in.buffer();
      int p = in.bufferPosition();
      int itemTag = u16(b, p, bigEndian) << 16 | u16(b, p + 2, bigEndian);
      long len = u32(b, p + 4, bigEndian);
      in.advance(8);
      if (itemTag == SEQUENCE_DELIMITATION) {
        return;
      }
      if (itemTag != ITEM) {
        throw new DicomStreamException(
            String.format(
                "sequence holds (%04X,%04X) where an item (FFFE,E000) was expected",
                itemTag >>> 16, itemTag & 0xffff),
            itemStart,
            utag);
      }
      DicomDataset item = seq.addNewItem();
      long itemEnd = len == UNDEFINED ? -1 : in.position() + len;
      if (itemEnd >= 0 && end >= 0 && itemEnd > end) {
        // An item longer than its sequence: the sequence length is trusted, as DCMTK and pydicom
        // do (seen in DICOMDIRs whose records were edited without fixing the item length).
        LOG.log(
            System.Logger.Level.WARNING,
            "{0} item at byte offset {1} ends after its sequence; truncated to the sequence",
            DicomDataset.tagString(tag),
            itemStart);
        itemEnd = end;
      }
      long outer = enclosingTag;
      enclosingTag = utag;
      End why;
      try {
        why = parse(item, itemEnd, explicit, bigEndian, depth + 1);
      } finally {
        enclosingTag = outer;
      }
      if (why == End.SEQUENCE_DELIMITER) {
        // Missing item delimiter before the sequence delimiter: the sequence is over.
        return;
      }
    }
  }

  private Fragments readFragments(int tag) throws IOException {
    long utag = tag & 0xffffffffL;
    Fragments fragments = new Fragments();
    while (true) {
      long itemStart = in.position();
      if (!in.ensure(8)) {
        throw new DicomStreamException(
            "input ends inside encapsulated pixel data (expected a sequence delimiter)",
            itemStart,
            utag);
      }
      byte[] b = in.buffer();
      int p = in.bufferPosition();
      int itemTag = u16(b, p, false) << 16 | u16(b, p + 2, false);
      long len = u32(b, p + 4, false);
      in.advance(8);
      if (itemTag == SEQUENCE_DELIMITATION) {
        return fragments;
      }
      if (itemTag != ITEM) {
        throw new DicomStreamException(
            String.format(
                "encapsulated pixel data holds (%04X,%04X) where an item (FFFE,E000) was expected",
                itemTag >>> 16, itemTag & 0xffff),
            itemStart,
            utag);
      }
      if (len == UNDEFINED || len > in.remaining()) {
        throw new DicomStreamException(
            "fragment length exceeds the remaining bytes (expected ≤ "
                + in.remaining()
                + "): "
                + len,
            itemStart,
            utag);
      }
      if (fragments.size() > 0 && len > options.bulkDataThreshold() && bulkSource != null) {
        fragments.add(BulkDataRef.of(bulkSource, in.position(), len));
        in.skip(len, utag);
      } else {
        fragments.add(in.readBytes(len, utag));
      }
    }
  }

  /**
   * Reads a top-level pixel data value, keeping what is there when the input ends first. A stream
   * of unknown length grows its buffer only as bytes arrive.
   */
  private Object readPixelValue(DicomDataset ds, int tag, VR vr, long len, boolean bigEndian)
      throws IOException {
    long utag = tag & 0xffffffffL;
    long have = Math.min(len, in.remaining());
    int swap = bigEndian ? swapUnit(ds, tag, vr) : 0;
    if (have > options.bulkDataThreshold() && bulkSource != null) {
      if (have < len) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0} value of {1} bytes is cut off by the end of the input after {2} bytes",
            DicomDataset.tagString(tag),
            len,
            have);
      }
      BulkDataRef ref = new BulkDataRef(bulkSource, in.position(), have, swap, null);
      in.skip(have, utag);
      return ref;
    }
    byte[] value = in.readAtMost(have, utag);
    if (value.length < len) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0} value of {1} bytes is cut off by the end of the input after {2} bytes",
          DicomDataset.tagString(tag),
          len,
          value.length);
    }
    if (swap > 1) {
      ByteSwap.swap(value, 0, value.length - value.length % swap, swap);
    }
    return value;
  }

  private static boolean isPixelData(int tag) {
    return tag == PIXEL_DATA || tag == FLOAT_PIXEL_DATA || tag == DOUBLE_FLOAT_PIXEL_DATA;
  }

  /**
   * The dictionary VR of a standard element (or a private creator, or a group length) whose value
   * of {@code len} bytes fits it; UN otherwise.
   */
  static VR knownVr(int tag, long len) {
    VR vr = ElementDictionary.vrOf(tag);
    if (vr == VR.UN) {
      return vr;
    }
    boolean privateGroup = ElementDictionary.isPrivateGroup(tag >>> 16);
    int element = tag & 0xffff;
    if (privateGroup && element != 0 && (element < 0x10 || element > 0xFF)) {
      return VR.UN;
    }
    if (vr.valueSize() > 1 && len % vr.valueSize() != 0) {
      return VR.UN;
    }
    return vr;
  }

  /**
   * Resolves the VRs that the dictionary leaves ambiguous, for elements read without an explicit VR
   * (PS3.5 Annex A.1): native Pixel Data and other "OB or OW" elements are OW; "US or SS" elements
   * are SS when Pixel Representation (0028,0103) of their data set or the nearest ancestor that has
   * one is 1, else US; LUT Data (0028,3006) is OW.
   */
  void resolveAmbiguousVrs() {
    for (int k = 0; k < ambiguousIn.size(); k++) {
      DicomDataset ds = ambiguousIn.get(k);
      int tag = ambiguousTags.get(k);
      int i = ds.indexOf(tag);
      if (i < 0) {
        continue;
      }
      VR current = ds.vrAt(i);
      Object value = ds.valueAt(i);
      if (value instanceof Fragments || value instanceof Sequence) {
        continue;
      }
      List<VR> options = ElementDictionary.vrsOf(tag);
      VR resolved;
      if (tag == LUT_DATA || options.contains(VR.OB)) {
        resolved = VR.OW;
      } else if (options.contains(VR.SS)) {
        resolved = pixelRepresentation(ds) == 1 ? VR.SS : VR.US;
      } else {
        continue;
      }
      if (resolved != current) {
        ds.putValue(tag, resolved, value);
      }
    }
    ambiguousIn.clear();
    ambiguousTags.clear();
  }

  private static int pixelRepresentation(DicomDataset ds) {
    for (DicomDataset d = ds; d != null; ) {
      int i = d.indexOf(PIXEL_REPRESENTATION);
      if (i >= 0) {
        return d.getInt(PIXEL_REPRESENTATION, 0);
      }
      Sequence parent = d.parent();
      d = parent == null ? null : parent.parent();
    }
    return 0;
  }

  private static boolean isPixelDataLike(int tag) {
    // Encapsulated data can also appear in (7Fxx,0010) of retired overlay-style groups.
    return (tag & 0xFF00FFFF) == 0x7F000010;
  }

  private static boolean isVrLike(byte c1, byte c2) {
    return c1 >= 'A' && c1 <= 'Z' && c2 >= 'A' && c2 <= 'Z';
  }

  static VR implicitVr(int tag) {
    return ElementDictionary.vrOf(tag);
  }

  /**
   * Byte-swap unit of a value in a big endian syntax. Native Pixel Data in OW holds samples of Bits
   * Allocated bits, so 32- and 64-bit samples are swapped as such (as pydicom does; the reference
   * decodings agree), not as 16-bit words.
   */
  static int swapUnit(DicomDataset ds, int tag, VR vr) {
    if (tag == PIXEL_DATA && vr == VR.OW) {
      int bitsAllocated = ds.getInt(0x00280100, 16);
      if (bitsAllocated == 32 || bitsAllocated == 64) {
        return bitsAllocated / 8;
      }
    }
    return swapUnit(vr);
  }

  /** Byte-swap unit of a VR's values in big endian syntaxes; 0 for bytes and text. */
  static int swapUnit(VR vr) {
    switch (vr) {
      case US:
      case SS:
      case OW:
        return 2;
      case UL:
      case SL:
      case FL:
      case OF:
      case OL:
        return 4;
      case FD:
      case OD:
      case SV:
      case UV:
      case OV:
        return 8;
      case AT:
        return 2;
      default:
        return 0;
    }
  }

  static int u16(byte[] b, int p, boolean bigEndian) {
    return bigEndian
        ? (b[p] & 0xff) << 8 | (b[p + 1] & 0xff)
        : (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
  }

  static long u32(byte[] b, int p, boolean bigEndian) {
    long v =
        bigEndian
            ? (b[p] & 0xffL) << 24
                | (b[p + 1] & 0xffL) << 16
                | (b[p + 2] & 0xffL) << 8
                | (b[p + 3] & 0xffL)
            : (b[p] & 0xffL)
                | (b[p + 1] & 0xffL) << 8
                | (b[p + 2] & 0xffL) << 16
                | (b[p + 3] & 0xffL) << 24;
    return v;
  }
}
