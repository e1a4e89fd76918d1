package org.highdicom4j.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.highdicom4j.dicom.data.BulkDataSource;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;

/**
 * Reads DICOM files (PS3.10) and bare data sets (PS3.5): with or without the 128-byte preamble and
 * File Meta Information, in Implicit VR Little Endian, Explicit VR Little Endian, Explicit VR Big
 * Endian, Deflated Explicit VR Little Endian and every encapsulated syntax.
 *
 * <p>When the File Meta Information is absent the encoding is detected from the first element; when
 * it names a transfer syntax the data set contradicts (explicit VR announced, implicit VR found, or
 * the reverse), the bytes win, as in pydicom and DCMTK.
 *
 * <p>Malformed input raises {@link DicomStreamException} naming the byte offset and tag; lengths
 * are checked against the bytes that remain before anything is allocated.
 */
public final class DicomReader {
  private static final int PREAMBLE = 128;

  private DicomReader() {}

  /**
   * Reads a file, loading every value.
   *
   * @param path the file
   * @return the file's meta information and data set
   * @throws IOException when the file cannot be read or is not DICOM
   */
  public static DicomFile read(Path path) throws IOException {
    return read(path, ReadOptions.DEFAULT);
  }

  /**
   * Reads a file; values above the options' threshold are read later, on demand.
   *
   * @param path the file
   * @param options what to read
   * @return the file's meta information and data set
   * @throws IOException when the file cannot be read or is not DICOM
   */
  public static DicomFile read(Path path, ReadOptions options) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(options, "options");
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return read(Input.of(ch), options, new PathBulkDataSource(path));
    }
  }

  /**
   * Reads from a stream; the stream is consumed up to the end of the data set but not closed.
   *
   * @param in the stream
   * @return the file's meta information and data set
   * @throws IOException when the stream cannot be read or is not DICOM
   */
  public static DicomFile read(InputStream in) throws IOException {
    return read(in, ReadOptions.DEFAULT);
  }

  /**
   * Reads from a stream with options (a bulk data threshold is ignored: a stream cannot be read
   * again).
   *
   * @param in the stream
   * @param options what to read
   * @return the file's meta information and data set
   * @throws IOException when the stream cannot be read or is not DICOM
   */
  public static DicomFile read(InputStream in, ReadOptions options) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    return read(Input.of(in), options, null);
  }

  /**
   * Reads from bytes in memory.
   *
   * @param bytes the encoded file or data set
   * @return the file's meta information and data set
   * @throws IOException when the bytes are not DICOM
   */
  public static DicomFile read(byte[] bytes) throws IOException {
    return read(bytes, ReadOptions.DEFAULT);
  }

  /**
   * Reads from bytes in memory with options; bulk data refers to the array.
   *
   * @param bytes the encoded file or data set
   * @param options what to read
   * @return the file's meta information and data set
   * @throws IOException when the bytes are not DICOM
   */
  public static DicomFile read(byte[] bytes, ReadOptions options) throws IOException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(options, "options");
    return read(Input.of(bytes), options, new ByteArrayBulkDataSource(bytes));
  }

  private static DicomFile read(Input in, ReadOptions options, BulkDataSource source)
      throws IOException {
    try {
      return parse(in, options, source);
    } catch (StackOverflowError e) {
      // Only reachable when ReadOptions.maxDepth is raised far above its default: the parser
      // recurses once per sequence level, and malformed input must not escape as an Error.
      throw new DicomStreamException(
          "sequences nested too deeply for the thread's stack (expected ≤ "
              + options.maxDepth()
              + " levels, and fewer than the stack holds)",
          DicomStreamException.UNKNOWN,
          DicomStreamException.UNKNOWN);
    }
  }

  private static DicomFile parse(Input in, ReadOptions options, BulkDataSource source)
      throws IOException {
    skipPreamble(in);
    DicomDataset meta = new DicomDataset();
    DatasetParser metaParser = new DatasetParser(in, ReadOptions.DEFAULT, null);
    if (in.ensure(4) && DatasetParser.u16(in.buffer(), in.bufferPosition(), false) == 0x0002) {
      metaParser.parseMeta(meta);
    }
    FileMetaInformation fmi = new FileMetaInformation(meta);
    String tsUid = fmi.transferSyntaxUid();
    TransferSyntax declared = tsUid == null || tsUid.isEmpty() ? null : TransferSyntax.of(tsUid);
    DicomDataset ds = new DicomDataset();
    if (declared != null && declared.deflated()) {
      Input inflated =
          Input.of(new InflaterInputStream(in.remainderAsStream(), new Inflater(true), 1 << 16));
      DatasetParser parser = new DatasetParser(inflated, options, null);
      try {
        parser.parse(ds, -1, true, false, 0);
      } catch (ZipException | EOFException e) {
        // The inflater's own exceptions: corrupt or cut-off deflate data.
        throw new DicomStreamException(
            "deflated data set cannot be inflated (expected a complete deflate stream): "
                + e.getMessage(),
            DicomStreamException.UNKNOWN,
            DicomStreamException.UNKNOWN,
            e);
      }
      parser.resolveAmbiguousVrs();
      return new DicomFile(fmi, ds, declared);
    }
    TransferSyntax actual = detect(in, declared);
    long start = in.position();
    DatasetParser parser = new DatasetParser(in, options, source);
    parser.parse(ds, -1, actual.explicitVr(), actual.bigEndian(), 0);
    parser.resolveAmbiguousVrs();
    if (meta.isEmpty() && ds.isEmpty()) {
      // Not one element came of the input: not DICOM (an empty or short text file, say).
      throw new DicomStreamException(
          "not a DICOM file: no File Meta Information and no data element in the input",
          start,
          DicomStreamException.UNKNOWN);
    }
    return new DicomFile(fmi, ds, actual);
  }

  private static void skipPreamble(Input in) throws IOException {
    if (in.ensure(PREAMBLE + 4)) {
      byte[] b = in.buffer();
      int p = in.bufferPosition();
      if (b[p + 128] == 'D' && b[p + 129] == 'I' && b[p + 130] == 'C' && b[p + 131] == 'M') {
        in.advance(PREAMBLE + 4);
        return;
      }
    }
    if (in.ensure(4)) {
      byte[] b = in.buffer();
      int p = in.bufferPosition();
      if (b[p] == 'D' && b[p + 1] == 'I' && b[p + 2] == 'C' && b[p + 3] == 'M') {
        // A prefix without preamble, as some writers emit.
        in.advance(4);
      }
    }
  }

  /**
   * Finds the encoding of the data set from its first element header, trusting the declared syntax
   * where the bytes agree with it.
   */
  private static TransferSyntax detect(Input in, TransferSyntax declared) throws IOException {
    if (!in.ensure(8)) {
      return declared != null ? declared : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    }
    byte[] b = in.buffer();
    int p = in.bufferPosition();
    boolean vrValid = VR.fromBytes(b[p + 4], b[p + 5]) != null;
    if (declared != null) {
      if (declared.explicitVr() && !vrValid) {
        return new TransferSyntax(
            declared.uid(), false, declared.bigEndian(), false, declared.encapsulated());
      }
      if (!declared.explicitVr() && vrValid && looksExplicit(b, p)) {
        return new TransferSyntax(declared.uid(), true, false, false, declared.encapsulated());
      }
      return declared;
    }
    int groupLe = DatasetParser.u16(b, p, false);
    int groupBe = DatasetParser.u16(b, p, true);
    boolean bigEndian = groupBe < groupLe;
    if (vrValid) {
      return bigEndian
          ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN
          : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }
    return bigEndian
        ? new TransferSyntax("1.2.840.10008.1.2.2", false, true, false, false)
        : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
  }

  /**
   * In implicit VR the two bytes after the tag are the low bytes of a length, which can happen to
   * spell a VR; an explicit header is only assumed when that VR is the dictionary's for the tag.
   */
  private static boolean looksExplicit(byte[] b, int p) {
    int tag = DatasetParser.u16(b, p, false) << 16 | DatasetParser.u16(b, p + 2, false);
    VR vr = VR.fromBytes(b[p + 4], b[p + 5]);
    VR dict = DatasetParser.implicitVr(tag);
    return vr == dict || dict == VR.UN;
  }
}
