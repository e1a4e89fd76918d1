package org.highdicom4j.dicom.io;

import java.io.IOException;
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

  private final Input in;
  private final ReadOptions options;
  private final BulkDataSource bulkSource;
  private boolean metaOnly;

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
              DicomStreamException.UNKNOWN);
        }
        if (depth == 0 && end < 0) {
          // Fewer than 8 trailing bytes: padding or garbage after the last element, as some
          // writers leave; not an element.
          in.skip(in.remaining() == Long.MAX_VALUE ? 0 : in.remaining(), -1);
          return End.INPUT;
        }
        throw new DicomStreamException(
            "input ends inside an element header", elementStart, DicomStreamException.UNKNOWN);
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
        len = u32(b, p + 4, bigEndian);
        in.advance(8);
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
        ds.putValue(tag, vr == VR.UN ? VR.OB : vr, readFragments(tag));
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
    if (len > in.remaining()) {
      throw new DicomStreamException(
          DicomDataset.tagString(tag)
              + " value length exceeds the remaining bytes (expected ≤ "
              + in.remaining()
              + "): "
              + len,
          elementStart,
          DicomStreamException.UNKNOWN);
    }
    if (vr == VR.SQ) {
      Sequence seq = ds.newSequence(tag);
      readItems(seq, in.position() + len, explicit, bigEndian, depth, tag);
      return;
    }
    if (vr == VR.UN && ElementDictionary.vrOf(tag) == VR.SQ && len > 0) {
      // A known sequence sent as UN: its value is an implicit VR little endian item list.
      Sequence seq = ds.newSequence(tag);
      readItems(seq, in.position() + len, false, false, depth, tag);
      return;
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
    if (depth + 1 > options.maxDepth()) {
      throw new DicomStreamException(
          DicomDataset.tagString(tag)
              + " sequences nested too deeply (expected ≤ "
              + options.maxDepth()
              + " levels)",
          in.position(),
          DicomStreamException.UNKNOWN);
    }
    while (end < 0 || in.position() < end) {
      long itemStart = in.position();
      if (!in.ensure(8)) {
        throw new DicomStreamException(
            DicomDataset.tagString(tag) + " input ends inside a sequence (expected an item)",
            itemStart,
            DicomStreamException.UNKNOWN);
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
                "%s sequence holds (%04X,%04X) where an item (FFFE,E000) was expected",
                DicomDataset.tagString(tag), itemTag >>> 16, itemTag & 0xffff),
            itemStart,
            DicomStreamException.UNKNOWN);
      }
      DicomDataset item = seq.addNewItem();
      long itemEnd = len == UNDEFINED ? -1 : in.position() + len;
      if (itemEnd > 0 && (len > in.remaining() || (end >= 0 && itemEnd > end))) {
        throw new DicomStreamException(
            DicomDataset.tagString(tag) + " item length exceeds its sequence or the input: " + len,
            itemStart,
            DicomStreamException.UNKNOWN);
      }
      End why = parse(item, itemEnd, explicit, bigEndian, depth + 1);
      if (why == End.SEQUENCE_DELIMITER) {
        // Missing item delimiter before the sequence delimiter: the sequence is over.
        return;
      }
    }
  }

  private Fragments readFragments(int tag) throws IOException {
    Fragments fragments = new Fragments();
    while (true) {
      long itemStart = in.position();
      if (!in.ensure(8)) {
        throw new DicomStreamException(
            DicomDataset.tagString(tag)
                + " input ends inside encapsulated pixel data (expected a sequence delimiter)",
            itemStart,
            DicomStreamException.UNKNOWN);
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
                "%s encapsulated pixel data holds (%04X,%04X) where an item (FFFE,E000) was"
                    + " expected",
                DicomDataset.tagString(tag), itemTag >>> 16, itemTag & 0xffff),
            itemStart,
            DicomStreamException.UNKNOWN);
      }
      if (len == UNDEFINED || len > in.remaining()) {
        throw new DicomStreamException(
            DicomDataset.tagString(tag)
                + " fragment length exceeds the remaining bytes (expected ≤ "
                + in.remaining()
                + "): "
                + len,
            itemStart,
            DicomStreamException.UNKNOWN);
      }
      if (fragments.size() > 0 && len > options.bulkDataThreshold() && bulkSource != null) {
        fragments.add(BulkDataRef.of(bulkSource, in.position(), len));
        in.skip(len, tag & 0xffffffffL);
      } else {
        fragments.add(in.readBytes(len, tag & 0xffffffffL));
      }
    }
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
