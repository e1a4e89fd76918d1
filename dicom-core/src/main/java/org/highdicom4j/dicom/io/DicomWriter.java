package org.highdicom4j.dicom.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.ByteSwap;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.ElementDictionary;

/**
 * Writes DICOM files (PS3.10): preamble, File Meta Information with group length and our
 * implementation identification, and the data set in any of the uncompressed transfer syntaxes or
 * an encapsulated one (fragments passed through).
 *
 * <p>Values are padded to even length with the VR's padding byte. Group Length elements (gggg,0000)
 * other than the File Meta Information's are retired and not written. A value too long for a VR
 * with a 16-bit length field is written as UN (PS3.5 Section 6.2.2). Writing to a path writes a
 * temporary file beside it and moves it into place, so a failure never leaves a half-written file.
 */
public final class DicomWriter {
  private DicomWriter() {}

  /**
   * Writes a data set to a file with File Meta Information derived from it: Media Storage SOP Class
   * and Instance UIDs from SOP Class UID (0008,0016) and SOP Instance UID (0008,0018).
   *
   * @param path the destination, replaced atomically
   * @param dataset the data set
   * @param options encoding options
   * @throws IOException when writing fails
   * @throws IllegalArgumentException when the data set lacks SOP Class or Instance UID, or its
   *     Pixel Data does not fit the transfer syntax
   */
  public static void write(Path path, DicomDataset dataset, WriteOptions options)
      throws IOException {
    write(path, dataset, null, options);
  }

  /**
   * Writes a file.
   *
   * @param path the destination, replaced atomically
   * @param dataset the data set
   * @param meta File Meta Information to start from (its transfer syntax and implementation
   *     elements are replaced), or null to derive it from the data set
   * @param options encoding options
   * @throws IOException when writing fails
   */
  public static void write(
      Path path, DicomDataset dataset, FileMetaInformation meta, WriteOptions options)
      throws IOException {
    Objects.requireNonNull(path, "path");
    Path abs = path.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
    boolean done = false;
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        write(out, dataset, meta, options);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Writes a file to a stream (not closed).
   *
   * @param out the stream
   * @param dataset the data set
   * @param meta File Meta Information to start from, or null to derive it
   * @param options encoding options
   * @throws IOException when writing fails
   */
  public static void write(
      OutputStream out, DicomDataset dataset, FileMetaInformation meta, WriteOptions options)
      throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(options, "options");
    TransferSyntax ts = options.transferSyntax();
    checkPixelData(dataset, ts);
    DicomDataset fmi = buildMeta(dataset, meta, ts);
    if (options.preamble()) {
      out.write(new byte[128]);
      out.write(new byte[] {'D', 'I', 'C', 'M'});
    }
    new Encoder(out, true, false, false).write(fmi, true);
    if (ts.deflated()) {
      Deflater deflater = new Deflater(options.deflateLevel(), true);
      try {
        DeflaterOutputStream dout = new DeflaterOutputStream(out, deflater, 1 << 16);
        new Encoder(dout, true, false, options.undefinedLengthSequences()).write(dataset, false);
        dout.finish();
      } finally {
        deflater.end();
      }
    } else {
      new Encoder(out, ts.explicitVr(), ts.bigEndian(), options.undefinedLengthSequences())
          .write(dataset, false);
    }
    out.flush();
  }

  /**
   * Writes a bare data set, without preamble or File Meta Information (PS3.5 encoding only).
   *
   * @param out the stream (not closed)
   * @param dataset the data set
   * @param ts the transfer syntax (not deflated)
   * @param undefinedLengthSequences sequence length style
   * @throws IOException when writing fails
   */
  public static void writeDataset(
      OutputStream out, DicomDataset dataset, TransferSyntax ts, boolean undefinedLengthSequences)
      throws IOException {
    checkPixelData(dataset, ts);
    new Encoder(out, ts.explicitVr(), ts.bigEndian(), undefinedLengthSequences)
        .write(dataset, false);
    out.flush();
  }

  private static void checkPixelData(DicomDataset ds, TransferSyntax ts) {
    int i = ds.indexOf(DatasetParser.PIXEL_DATA);
    if (i < 0) {
      return;
    }
    boolean encapsulated = ds.valueAt(i) instanceof Fragments;
    if (encapsulated && !ts.encapsulated()) {
      throw new IllegalArgumentException(
          "PixelData (7FE0,0010) is encapsulated but transfer syntax "
              + ts.uid()
              + " is native: decode the frames first (transcode)");
    }
    if (!encapsulated && ts.encapsulated()) {
      throw new IllegalArgumentException(
          "PixelData (7FE0,0010) is native but transfer syntax "
              + ts.uid()
              + " is encapsulated: encode the frames first (transcode)");
    }
  }

  private static DicomDataset buildMeta(
      DicomDataset dataset, FileMetaInformation meta, TransferSyntax ts) {
    DicomDataset fmi;
    if (meta == null || meta.isEmpty()) {
      String cls = dataset.getString(0x00080016);
      String inst = dataset.getString(0x00080018);
      if (cls == null || inst == null) {
        throw new IllegalArgumentException(
            "SOPClassUID (0008,0016) and SOPInstanceUID (0008,0018) are needed for the File Meta"
                + " Information (expected both): "
                + cls
                + ", "
                + inst);
      }
      fmi = FileMetaInformation.create(cls, inst, ts.uid()).dataset();
    } else {
      fmi = meta.dataset().deepCopy();
      fmi.setString(FileMetaInformation.TRANSFER_SYNTAX, VR.UI, ts.uid());
      fmi.setString(
          FileMetaInformation.IMPL_CLASS_UID, VR.UI, FileMetaInformation.IMPLEMENTATION_CLASS_UID);
      fmi.setString(
          FileMetaInformation.IMPL_VERSION, VR.SH, FileMetaInformation.IMPLEMENTATION_VERSION_NAME);
      if (!fmi.contains(FileMetaInformation.VERSION)) {
        fmi.setBytes(FileMetaInformation.VERSION, VR.OB, new byte[] {0, 1});
      }
    }
    fmi.remove(FileMetaInformation.GROUP_LENGTH);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      new Encoder(bytes, true, false, false).write(fmi, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fmi.setLong(FileMetaInformation.GROUP_LENGTH, VR.UL, bytes.size());
    return fmi;
  }

  /**
   * Encodes data sets in one transfer syntax. Elements are encoded into one growing buffer; a
   * defined-length sequence or item gets a placeholder length that is filled in once its content is
   * encoded, so nested items are encoded once and never copied level by level. The buffer is handed
   * to the stream between top-level elements, and large top-level values go to the stream directly
   * in bounded chunks (no temporary copy of the whole value).
   */
  private static final class Encoder {
    /** Buffered bytes handed to the stream at the top level once they reach this size. */
    private static final int FLUSH = 1 << 16;

    /** Largest single write of a large value, bounding native I/O buffers. */
    private static final int CHUNK = 1 << 20;

    private static final int MAX_BUFFER = Integer.MAX_VALUE - 16;

    private final OutputStream out;
    private final boolean explicit;
    private final boolean bigEndian;
    private final boolean undefinedLengths;
    private byte[] buf = new byte[FLUSH + 1024];
    private int size;
    private int depth;

    Encoder(OutputStream out, boolean explicit, boolean bigEndian, boolean undefinedLengths) {
      this.out = out;
      this.explicit = explicit;
      this.bigEndian = bigEndian;
      this.undefinedLengths = undefinedLengths;
    }

    /** Encodes a data set and hands everything buffered to the stream. */
    void write(DicomDataset ds, boolean meta) throws IOException {
      writeDataset(ds, meta);
      flush();
    }

    private void flush() throws IOException {
      if (size > 0) {
        out.write(buf, 0, size);
        size = 0;
      }
    }

    private void writeDataset(DicomDataset ds, boolean meta) throws IOException {
      for (int i = 0; i < ds.size(); i++) {
        int tag = ds.tagAt(i);
        if (!meta && (tag & 0xffff) == 0) {
          continue; // retired group lengths
        }
        if (!meta && (tag >>> 16) == 0x0002) {
          continue; // File Meta Information elements belong in the meta header only
        }
        writeElement(tag, ds.vrAt(i), ds.valueAt(i), ds);
        if (depth == 0 && size >= FLUSH) {
          flush();
        }
      }
    }

    private void writeElement(int tag, VR vr, Object value, DicomDataset ds) throws IOException {
      if (value instanceof Sequence) {
        writeSequence(tag, (Sequence) value);
        return;
      }
      if (value instanceof Fragments) {
        writeFragments(tag, (Fragments) value);
        return;
      }
      int unit = bigEndian ? DatasetParser.swapUnit(ds, tag, vr) : 0;
      if (value instanceof BulkDataRef) {
        BulkDataRef ref = (BulkDataRef) value;
        if (ref.source() != null && ref.swapUnit() <= 1 && unit <= 1) {
          writeBulk(tag, vr, ref);
          return;
        }
        value = ref.load();
      }
      if (value instanceof String && writeAscii(tag, vr, (String) value, ds)) {
        return;
      }
      byte[] bytes =
          value instanceof String
              ? ds.specificCharacterSet().encode((String) value, vr)
              : (byte[]) value;
      if (unit > 1 && bytes.length > 0) {
        bytes = bytes.clone();
        ByteSwap.swap(bytes, 0, bytes.length, unit);
      }
      boolean pad = (bytes.length & 1) != 0;
      writeHeader(tag, valueVr(vr, bytes.length + (pad ? 1 : 0)), bytes.length + (pad ? 1 : 0));
      putValue(bytes, 0, bytes.length);
      if (pad) {
        putByte(padding(vr));
      }
    }

    /**
     * Writes text whose characters are all ASCII (other than ESC) where their encoding is the
     * characters themselves: VRs outside the Specific Character Set, or the default repertoire.
     *
     * @return false, having written nothing, when the text needs the general encoder
     */
    private boolean writeAscii(int tag, VR vr, String s, DicomDataset ds) {
      int n = s.length();
      if (n > FLUSH || vr.usesSpecificCharacterSet() && !ds.specificCharacterSet().isDefault()) {
        return false;
      }
      int mark = size;
      boolean pad = (n & 1) != 0;
      writeHeader(tag, valueVr(vr, n + (pad ? 1 : 0)), n + (pad ? 1 : 0));
      ensure(n + 1);
      byte[] b = buf;
      int at = size;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80 || c == 0x1B) {
          size = mark;
          return false;
        }
        b[at + i] = (byte) c;
      }
      size += n;
      if (pad) {
        putByte(padding(vr));
      }
      return true;
    }

    /** Streams a bulk data value from its source in bounded chunks. */
    private void writeBulk(int tag, VR vr, BulkDataRef ref) throws IOException {
      long len = ref.length();
      boolean pad = (len & 1) != 0;
      if (len + (pad ? 1 : 0) >= DatasetParser.UNDEFINED) {
        throw new IllegalArgumentException(
            DicomDataset.tagString(tag)
                + " value is too long for a 32-bit length (expected < 4 GiB): "
                + len
                + " bytes");
      }
      writeHeader(tag, valueVr(vr, len + (pad ? 1 : 0)), len + (pad ? 1 : 0));
      byte[] chunk = null;
      for (long pos = 0; pos < len; ) {
        int n = (int) Math.min(CHUNK, len - pos);
        if (depth == 0) {
          flush();
          if (chunk == null) {
            chunk = new byte[(int) Math.min(CHUNK, len)];
          }
          ref.source().read(ref.offset() + pos, chunk, 0, n);
          out.write(chunk, 0, n);
        } else {
          ensure(n);
          ref.source().read(ref.offset() + pos, buf, size, n);
          size += n;
        }
        pos += n;
      }
      if (pad) {
        putByte(padding(vr));
      }
    }

    private VR valueVr(VR vr, long len) {
      // A value too long for a 16-bit length field is written as UN (PS3.5 6.2.2).
      return explicit && !vr.hasLongHeader() && len > 0xFFFF ? VR.UN : vr;
    }

    private static int padding(VR vr) {
      return vr.isText() && vr != VR.UI ? ' ' : 0;
    }

    private void writeSequence(int tag, Sequence seq) throws IOException {
      // In Implicit VR a reader knows a sequence only from its dictionary; for a private or
      // unknown tag, undefined length with delimiters is what marks the value as items (PS3.5
      // 6.2.2 and 7.5), so such sequences never get an explicit length there.
      boolean undefined = undefinedLengths || (!explicit && ElementDictionary.vrOf(tag) != VR.SQ);
      int seqLength = writeHeader(tag, VR.SQ, undefined ? DatasetParser.UNDEFINED : 0);
      int seqStart = size;
      depth++;
      for (int i = 0; i < seq.size(); i++) {
        DicomDataset item = seq.get(i);
        int itemLength =
            writeTagLength(DatasetParser.ITEM, undefined ? DatasetParser.UNDEFINED : 0);
        int itemStart = size;
        writeDataset(item, false);
        if (undefined) {
          writeTagLength(DatasetParser.ITEM_DELIMITATION, 0);
        } else {
          patch32(itemLength, size - itemStart);
        }
      }
      depth--;
      if (undefined) {
        writeTagLength(DatasetParser.SEQUENCE_DELIMITATION, 0);
      } else {
        patch32(seqLength, size - seqStart);
      }
    }

    private void writeFragments(int tag, Fragments f) throws IOException {
      // Encapsulated Pixel Data is always OB (PS3.5 A.4).
      writeHeader(tag, VR.OB, DatasetParser.UNDEFINED);
      for (int i = 0; i < f.size(); i++) {
        byte[] item = f.item(i);
        boolean pad = (item.length & 1) != 0;
        writeTagLength(DatasetParser.ITEM, item.length + (pad ? 1 : 0));
        putValue(item, 0, item.length);
        if (pad) {
          putByte(0);
        }
      }
      writeTagLength(DatasetParser.SEQUENCE_DELIMITATION, 0);
    }

    /** Appends a value: through the buffer, or at the top level when large, to the stream. */
    private void putValue(byte[] b, int off, int len) throws IOException {
      if (depth == 0 && len >= FLUSH) {
        flush();
        for (int p = 0; p < len; p += CHUNK) {
          out.write(b, off + p, Math.min(CHUNK, len - p));
        }
        return;
      }
      ensure(len);
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }

    private void putByte(int v) {
      ensure(1);
      buf[size++] = (byte) v;
    }

    private void ensure(int more) {
      if (more > buf.length - size) {
        long needed = (long) size + more;
        if (needed > MAX_BUFFER) {
          throw new IllegalArgumentException(
              "Sequence too long for a defined length (expected < 2 GiB of items; write"
                  + " undefined-length sequences): "
                  + needed
                  + " bytes");
        }
        buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(MAX_BUFFER, 2L * buf.length)));
      }
    }

    /**
     * Appends an element header.
     *
     * @return the buffer position of its 32-bit length field, or -1 for a 16-bit one
     */
    private int writeHeader(int tag, VR vr, long len) {
      ensure(12);
      put16(tag >>> 16);
      put16(tag & 0xffff);
      if (!explicit) {
        int at = size;
        put32(len);
        return at;
      }
      buf[size++] = (byte) vr.name().charAt(0);
      buf[size++] = (byte) vr.name().charAt(1);
      if (vr.hasLongHeader()) {
        buf[size++] = 0;
        buf[size++] = 0;
        int at = size;
        put32(len);
        return at;
      }
      put16((int) len);
      return -1;
    }

    /** Appends an item or delimiter tag with its length; returns the length's position. */
    private int writeTagLength(int tag, long len) {
      ensure(8);
      put16(tag >>> 16);
      put16(tag & 0xffff);
      int at = size;
      put32(len);
      return at;
    }

    private void put16(int v) {
      if (bigEndian) {
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
      } else {
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
      }
    }

    private void put32(long v) {
      patch32(size, v);
      size += 4;
    }

    private void patch32(int p, long v) {
      if (bigEndian) {
        buf[p] = (byte) (v >>> 24);
        buf[p + 1] = (byte) (v >>> 16);
        buf[p + 2] = (byte) (v >>> 8);
        buf[p + 3] = (byte) v;
      } else {
        buf[p] = (byte) v;
        buf[p + 1] = (byte) (v >>> 8);
        buf[p + 2] = (byte) (v >>> 16);
        buf[p + 3] = (byte) (v >>> 24);
      }
    }
  }
}
