package org.highdicom4j.dicom.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
  private static final byte[] ZERO_PAD = {0};

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
    Encoder metaEncoder = new Encoder(true, false, false);
    metaEncoder.writeDataset(out, fmi, true);
    if (ts.deflated()) {
      Deflater deflater = new Deflater(options.deflateLevel(), true);
      try {
        DeflaterOutputStream dout = new DeflaterOutputStream(out, deflater, 1 << 16);
        new Encoder(true, false, options.undefinedLengthSequences())
            .writeDataset(dout, dataset, false);
        dout.finish();
      } finally {
        deflater.end();
      }
    } else {
      new Encoder(ts.explicitVr(), ts.bigEndian(), options.undefinedLengthSequences())
          .writeDataset(out, dataset, false);
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
    new Encoder(ts.explicitVr(), ts.bigEndian(), undefinedLengthSequences)
        .writeDataset(out, dataset, false);
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
      new Encoder(true, false, false).writeDataset(bytes, fmi, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fmi.setLong(FileMetaInformation.GROUP_LENGTH, VR.UL, bytes.size());
    return fmi;
  }

  /** Encodes data sets in one transfer syntax. */
  private static final class Encoder {
    private final boolean explicit;
    private final boolean bigEndian;
    private final boolean undefinedLengths;
    private final byte[] header = new byte[12];

    Encoder(boolean explicit, boolean bigEndian, boolean undefinedLengths) {
      this.explicit = explicit;
      this.bigEndian = bigEndian;
      this.undefinedLengths = undefinedLengths;
    }

    void writeDataset(OutputStream out, DicomDataset ds, boolean meta) throws IOException {
      for (int i = 0; i < ds.size(); i++) {
        int tag = ds.tagAt(i);
        if (!meta && (tag & 0xffff) == 0) {
          continue; // retired group lengths
        }
        if (!meta && (tag >>> 16) == 0x0002) {
          continue; // File Meta Information elements belong in the meta header only
        }
        writeElement(out, tag, ds.vrAt(i), ds.valueAt(i), ds);
      }
    }

    private void writeElement(OutputStream out, int tag, VR vr, Object value, DicomDataset ds)
        throws IOException {
      if (value instanceof Sequence) {
        writeSequence(out, tag, (Sequence) value);
        return;
      }
      if (value instanceof Fragments) {
        writeFragments(out, tag, vr, (Fragments) value);
        return;
      }
      byte[] bytes;
      if (value instanceof BulkDataRef) {
        bytes = ((BulkDataRef) value).load();
      } else if (value instanceof String) {
        bytes = ds.specificCharacterSet().encode((String) value, vr);
      } else {
        bytes = (byte[]) value;
      }
      int unit = bigEndian ? DatasetParser.swapUnit(ds, tag, vr) : 0;
      if (unit > 1 && bytes.length > 0) {
        bytes = bytes.clone();
        ByteSwap.swap(bytes, 0, bytes.length, unit);
      }
      boolean pad = (bytes.length & 1) != 0;
      long len = bytes.length + (pad ? 1 : 0);
      VR outVr = vr;
      if (explicit && !vr.hasLongHeader() && len > 0xFFFF) {
        outVr = VR.UN;
      }
      writeHeader(out, tag, outVr, len);
      out.write(bytes);
      if (pad) {
        out.write(vr.isText() && vr != VR.UI ? new byte[] {' '} : ZERO_PAD);
      }
    }

    private void writeSequence(OutputStream out, int tag, Sequence seq) throws IOException {
      // In Implicit VR a reader knows a sequence only from its dictionary; for a private or
      // unknown tag, undefined length with delimiters is what marks the value as items (PS3.5
      // 6.2.2 and 7.5), so such sequences never get an explicit length there.
      if (undefinedLengths || (!explicit && ElementDictionary.vrOf(tag) != VR.SQ)) {
        writeHeader(out, tag, VR.SQ, DatasetParser.UNDEFINED);
        for (DicomDataset item : seq.items()) {
          writeTagLength(out, DatasetParser.ITEM, DatasetParser.UNDEFINED);
          writeDataset(out, item, false);
          writeTagLength(out, DatasetParser.ITEM_DELIMITATION, 0);
        }
        writeTagLength(out, DatasetParser.SEQUENCE_DELIMITATION, 0);
        return;
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (DicomDataset item : seq.items()) {
        ByteArrayOutputStream itemBytes = new ByteArrayOutputStream();
        writeDataset(itemBytes, item, false);
        writeTagLength(body, DatasetParser.ITEM, itemBytes.size());
        itemBytes.writeTo(body);
      }
      writeHeader(out, tag, VR.SQ, body.size());
      body.writeTo(out);
    }

    private void writeFragments(OutputStream out, int tag, VR vr, Fragments f) throws IOException {
      // Encapsulated Pixel Data is always OB (PS3.5 A.4).
      writeHeader(out, tag, VR.OB, DatasetParser.UNDEFINED);
      for (int i = 0; i < f.size(); i++) {
        byte[] item = f.item(i);
        boolean pad = (item.length & 1) != 0;
        writeTagLength(out, DatasetParser.ITEM, item.length + (pad ? 1 : 0));
        out.write(item);
        if (pad) {
          out.write(ZERO_PAD);
        }
      }
      writeTagLength(out, DatasetParser.SEQUENCE_DELIMITATION, 0);
    }

    private void writeHeader(OutputStream out, int tag, VR vr, long len) throws IOException {
      put16(0, tag >>> 16);
      put16(2, tag & 0xffff);
      if (!explicit) {
        put32(4, len);
        out.write(header, 0, 8);
        return;
      }
      header[4] = (byte) vr.name().charAt(0);
      header[5] = (byte) vr.name().charAt(1);
      if (vr.hasLongHeader()) {
        header[6] = 0;
        header[7] = 0;
        put32(8, len);
        out.write(header, 0, 12);
      } else {
        put16(6, (int) len);
        out.write(header, 0, 8);
      }
    }

    private void writeTagLength(OutputStream out, int tag, long len) throws IOException {
      put16(0, tag >>> 16);
      put16(2, tag & 0xffff);
      put32(4, len);
      out.write(header, 0, 8);
    }

    private void put16(int p, int v) {
      if (bigEndian) {
        header[p] = (byte) (v >>> 8);
        header[p + 1] = (byte) v;
      } else {
        header[p] = (byte) v;
        header[p + 1] = (byte) (v >>> 8);
      }
    }

    private void put32(int p, long v) {
      if (bigEndian) {
        header[p] = (byte) (v >>> 24);
        header[p + 1] = (byte) (v >>> 16);
        header[p + 2] = (byte) (v >>> 8);
        header[p + 3] = (byte) v;
      } else {
        header[p] = (byte) v;
        header[p + 1] = (byte) (v >>> 8);
        header[p + 2] = (byte) (v >>> 16);
        header[p + 3] = (byte) (v >>> 24);
      }
    }
  }
}
