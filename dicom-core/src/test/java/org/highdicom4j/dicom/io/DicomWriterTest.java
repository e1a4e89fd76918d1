package org.highdicom4j.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.BulkDataSource;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options of {@link DicomWriter}. Expected bytes are spelled out from PS3.5 (data element
 * structure, Section 7.1; sequences and items, Section 7.5; byte order, Section 7.3) and PS3.10
 * (preamble and File Meta Information, Section 7.1); written files are also read by DCMTK where it
 * is installed.
 */
class DicomWriterTest {
  private static final int REFERENCED_SERIES = 0x00081115;
  private static final int SOP_INSTANCE_UID = 0x00080018;
  private static final int ROWS = 0x00280010;
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final String SC = "1.2.840.10008.5.1.4.1.1.7";

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static DicomDataset withSequence() {
    DicomDataset ds = new DicomDataset();
    ds.newSequence(REFERENCED_SERIES).addNewItem().setString(SOP_INSTANCE_UID, VR.UI, "1.2.3");
    return ds;
  }

  private static DicomDataset image() {
    DicomDataset ds = new DicomDataset();
    ds.setString(0x00080016, VR.UI, SC);
    ds.setString(SOP_INSTANCE_UID, VR.UI, "1.2.826.0.1.3680043.10.511.1");
    ds.setInt(ROWS, VR.US, 0x0102);
    ds.setString(0x00100010, VR.PN, "Doe^John");
    ds.setBytes(PIXEL_DATA, VR.OW, bytes(1, 2, 3, 4));
    return ds;
  }

  private static byte[] write(DicomDataset ds, TransferSyntax ts, boolean undefined)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomWriter.writeDataset(out, ds, ts, undefined);
    return out.toByteArray();
  }

  // UI "1.2.3" padded with NUL to even length: (0008,0018) UI, length 6.
  private static final byte[] UID_ELEMENT =
      bytes(0x08, 0, 0x18, 0, 'U', 'I', 6, 0, '1', '.', '2', '.', '3', 0);

  @Test
  void writesSequencesAndItemsWithExplicitLengthsByDefault() throws IOException {
    byte[] expected =
        concat(
            bytes(0x08, 0, 0x15, 0x11, 'S', 'Q', 0, 0, 22, 0, 0, 0),
            bytes(0xFE, 0xFF, 0x00, 0xE0, 14, 0, 0, 0),
            UID_ELEMENT);
    assertArrayEquals(
        expected, write(withSequence(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false));
  }

  @Test
  void nestedSequencesGetTheLengthsOfTheirEncodedContent() throws IOException {
    // (0008,1115) SQ > item > (0008,1140) SQ > item > (0008,0018) UI "1.2.3"; then (0028,0010).
    DicomDataset ds = new DicomDataset();
    DicomDataset outer = ds.newSequence(REFERENCED_SERIES).addNewItem();
    outer.newSequence(0x00081140).addNewItem().setString(SOP_INSTANCE_UID, VR.UI, "1.2.3");
    outer.setString(0x0020000E, VR.UI, "1.2");
    ds.setInt(ROWS, VR.US, 2);
    byte[] inner =
        concat(
            bytes(0x08, 0, 0x40, 0x11, 'S', 'Q', 0, 0, 22, 0, 0, 0),
            bytes(0xFE, 0xFF, 0x00, 0xE0, 14, 0, 0, 0),
            UID_ELEMENT);
    byte[] seriesUid = bytes(0x20, 0, 0x0E, 0, 'U', 'I', 4, 0, '1', '.', '2', 0);
    byte[] expected =
        concat(
            bytes(0x08, 0, 0x15, 0x11, 'S', 'Q', 0, 0, 8 + 34 + 12, 0, 0, 0),
            bytes(0xFE, 0xFF, 0x00, 0xE0, 34 + 12, 0, 0, 0),
            inner,
            seriesUid,
            bytes(0x28, 0, 0x10, 0, 'U', 'S', 2, 0, 2, 0));
    assertArrayEquals(expected, write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false));
    assertEquals(ds, DicomReader.read(expected).dataset());
  }

  @Test
  void largeAndBulkValuesAreWrittenAsTheirBytesAtAnyDepth() throws IOException {
    byte[] big = new byte[(5 << 19) + 3]; // from offset 6: 2.5 MiB - 3, several chunks, odd
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + (i >>> 11));
    }
    BulkDataSource source =
        new BulkDataSource() {
          @Override
          public void read(long offset, byte[] dest, int destOffset, int length) {
            System.arraycopy(big, (int) offset, dest, destOffset, length);
          }

          @Override
          public String description() {
            return "memory";
          }
        };
    byte[] value = Arrays.copyOfRange(big, 6, big.length);
    DicomDataset inMemory = new DicomDataset();
    inMemory.newSequence(REFERENCED_SERIES).addNewItem().setBytes(0x00091010, VR.OB, value);
    inMemory.setBytes(PIXEL_DATA, VR.OB, value);
    DicomDataset bulk = new DicomDataset();
    bulk.newSequence(REFERENCED_SERIES)
        .addNewItem()
        .putValue(0x00091010, VR.OB, BulkDataRef.of(source, 6, value.length));
    bulk.putValue(PIXEL_DATA, VR.OB, BulkDataRef.of(source, 6, value.length));
    for (boolean undefined : new boolean[] {false, true}) {
      byte[] expected = write(inMemory, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, undefined);
      assertArrayEquals(expected, write(bulk, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, undefined));
      // Header, value, one NUL of padding: the last element is the pixel data.
      int at = expected.length - value.length - 1;
      assertArrayEquals(
          bytes(0xE0, 0x7F, 0x10, 0, 'O', 'B', 0, 0),
          Arrays.copyOfRange(expected, at - 12, at - 4));
      assertEquals(value.length + 1, readInt32(expected, at - 4));
      assertArrayEquals(value, Arrays.copyOfRange(expected, at, at + value.length));
      assertEquals(0, expected[expected.length - 1]);
      DicomDataset back = DicomReader.read(expected).dataset();
      assertArrayEquals(
          value,
          Arrays.copyOf(
              back.getSequence(REFERENCED_SERIES).get(0).getBytes(0x00091010), value.length));
    }
  }

  @Test
  void bulkValueTooLongForA32BitLengthIsRejectedBeforeReadingIt() {
    BulkDataSource endless =
        new BulkDataSource() {
          @Override
          public void read(long offset, byte[] dest, int destOffset, int length) {
            throw new AssertionError("must not be read");
          }

          @Override
          public String description() {
            return "endless";
          }
        };
    DicomDataset ds = new DicomDataset();
    ds.putValue(PIXEL_DATA, VR.OB, BulkDataRef.of(endless, 0, 0xFFFFFFFFL));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DicomWriter.writeDataset(
                    java.io.OutputStream.nullOutputStream(),
                    ds,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    false));
    assertTrue(e.getMessage().contains("(7FE0,0010)"), e.getMessage());
  }

  private static int readInt32(byte[] b, int p) {
    return (b[p] & 0xff)
        | (b[p + 1] & 0xff) << 8
        | (b[p + 2] & 0xff) << 16
        | (b[p + 3] & 0xff) << 24;
  }

  @Test
  void textBeyondAsciiIsEncodedInTheSpecificCharacterSet() throws IOException {
    DicomDataset utf8 = new DicomDataset();
    utf8.setString(0x00080005, VR.CS, "ISO_IR 192");
    utf8.setString(0x00100010, VR.PN, "M\u00fcller");
    byte[] written = write(utf8, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false);
    byte[] name = "M\u00fcller".getBytes(StandardCharsets.UTF_8); // 7 bytes, padded with a space
    byte[] tail = Arrays.copyOfRange(written, written.length - 16, written.length);
    assertArrayEquals(concat(bytes(0x10, 0, 0x10, 0, 'P', 'N', 8, 0), name, bytes(' ')), tail);
    DicomDataset plain = new DicomDataset();
    plain.setString(0x00100010, VR.PN, "M\u00fcller");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> write(plain, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false));
    assertTrue(e.getMessage().contains("cannot encode"), e.getMessage());
  }

  @Test
  void writesSequencesAndItemsWithUndefinedLengthsAndDelimitersWhenAsked() throws IOException {
    byte[] expected =
        concat(
            bytes(0x08, 0, 0x15, 0x11, 'S', 'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF),
            bytes(0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF),
            UID_ELEMENT,
            bytes(0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0),
            bytes(0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0));
    assertArrayEquals(
        expected, write(withSequence(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, true));
    DicomFile back = DicomReader.read(expected);
    assertEquals(withSequence(), back.dataset());
  }

  @Test
  void writesBigEndianWithWordsSwappedByTheirVr() throws IOException {
    DicomDataset ds = new DicomDataset();
    ds.setInt(ROWS, VR.US, 0x0102);
    ds.setInt(0x00280009, VR.AT, 0x00181063);
    ds.setBytes(PIXEL_DATA, VR.OW, bytes(1, 2, 3, 4));
    byte[] expected =
        concat(
            bytes(0x00, 0x28, 0x00, 0x09, 'A', 'T', 0, 4, 0x00, 0x18, 0x10, 0x63),
            bytes(0x00, 0x28, 0x00, 0x10, 'U', 'S', 0, 2, 0x01, 0x02),
            bytes(0x7F, 0xE0, 0x00, 0x10, 'O', 'W', 0, 0, 0, 0, 0, 4, 2, 1, 4, 3));
    byte[] actual = write(ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, false);
    assertArrayEquals(expected, actual);
    DicomFile back = DicomReader.read(actual);
    assertTrue(back.transferSyntax().bigEndian());
    assertEquals(ds, back.dataset());
  }

  @Test
  void writesPreambleAndFileMetaInformationUnlessThePreambleIsOff() throws IOException {
    ByteArrayOutputStream with = new ByteArrayOutputStream();
    DicomWriter.write(with, image(), null, WriteOptions.DEFAULT);
    byte[] w = with.toByteArray();
    assertArrayEquals(new byte[128], Arrays.copyOf(w, 128));
    assertEquals("DICM", new String(w, 128, 4, StandardCharsets.US_ASCII));
    // (0002,0000) UL with the length of the rest of group 0002.
    assertArrayEquals(bytes(0x02, 0, 0, 0, 'U', 'L', 4, 0), Arrays.copyOfRange(w, 132, 140));

    ByteArrayOutputStream without = new ByteArrayOutputStream();
    DicomWriter.write(
        without,
        image(),
        null,
        new WriteOptions(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false, false, 6));
    byte[] wo = without.toByteArray();
    assertArrayEquals(Arrays.copyOfRange(w, 132, w.length), wo);
    DicomFile back = DicomReader.read(wo);
    assertEquals(image(), back.dataset());
    assertEquals(SC, back.fileMetaInformation().mediaStorageSopClassUid());

    DicomFile full = DicomReader.read(w);
    FileMetaInformation meta = full.fileMetaInformation();
    assertEquals("1.2.840.10008.1.2.1", meta.transferSyntaxUid());
    assertEquals(FileMetaInformation.IMPLEMENTATION_CLASS_UID, meta.implementationClassUid());
    long groupLength = meta.dataset().getLong(0x00020000, -1);
    int datasetStart =
        w.length - write(image(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false).length;
    assertEquals(datasetStart - 144, groupLength);
  }

  @Test
  void deflatesTheDataSetButNotTheFileMetaInformation() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomWriter.write(
        out, image(), null, WriteOptions.DEFAULT.withTransferSyntax("1.2.840.10008.1.2.1.99"));
    byte[] file = out.toByteArray();
    DicomFile back = DicomReader.read(file);
    assertEquals("1.2.840.10008.1.2.1.99", back.fileMetaInformation().transferSyntaxUid());
    assertEquals(image(), back.dataset());
    // PS3.5 A.5: after the meta information, a raw deflate stream (RFC 1951, no zlib header) of
    // the Explicit VR Little Endian data set.
    int metaEnd = 132 + 12 + (int) back.fileMetaInformation().dataset().getLong(0x00020000, 0);
    Inflater inflater = new Inflater(true);
    inflater.setInput(Arrays.copyOfRange(file, metaEnd, file.length));
    byte[] buf = new byte[4096];
    int n = inflater.inflate(buf);
    assertTrue(inflater.finished());
    inflater.end();
    assertArrayEquals(
        write(image(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false), Arrays.copyOf(buf, n));
  }

  @Test
  void writesValuesTooLongForA16BitLengthAsUnAndReadsThemBack() throws IOException {
    DicomDataset ds = new DicomDataset();
    char[] text = new char[70000];
    Arrays.fill(text, 'x');
    ds.setString(0x00081030, VR.LO, new String(text));
    byte[] b = write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false);
    // PS3.5 6.2.2: UN has the long header form.
    assertArrayEquals(bytes(0x08, 0, 0x30, 0x10, 'U', 'N', 0, 0), Arrays.copyOf(b, 8));
    assertEquals(ds, DicomReader.read(b).dataset());
  }

  @Test
  void writesUnknownSequencesInImplicitVrWithUndefinedLength() throws IOException {
    DicomDataset ds = new DicomDataset();
    int creator = ds.privateTag(0x0009, "TEST", 0, true);
    ds.newSequence(creator | 0x01).addNewItem().setString(SOP_INSTANCE_UID, VR.UI, "1.2.3");
    byte[] b = write(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, false);
    DicomFile back = DicomReader.read(b);
    assertEquals(VR.SQ, back.dataset().vr(0x00091001));
    assertEquals(ds, back.dataset());
  }

  @Test
  void rejectsPixelDataThatDoesNotFitTheTransferSyntax() {
    DicomDataset encapsulated = image();
    Fragments f = new Fragments();
    f.add(new byte[0]);
    f.add(new byte[] {1, 2});
    encapsulated.setFragments(PIXEL_DATA, VR.OB, f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DicomWriter.write(out, encapsulated, null, WriteOptions.DEFAULT));
    assertTrue(e.getMessage().contains("PixelData (7FE0,0010)"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DicomWriter.write(
                out,
                image(),
                null,
                WriteOptions.DEFAULT.withTransferSyntax("1.2.840.10008.1.2.5")));
  }

  private static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void aFailedWriteLeavesNoFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("out.dcm");
    DicomDataset noUids = new DicomDataset();
    noUids.setInt(ROWS, VR.US, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> DicomWriter.write(target, noUids, WriteOptions.DEFAULT));
    assertEquals(List.of(), listing(dir));
  }

  @Test
  void aWriteThatFailsHalfwayKeepsThePreviousFileAndLeavesNoTemporaryFile(@TempDir Path dir)
      throws IOException {
    Path target = dir.resolve("out.dcm");
    DicomWriter.write(target, image(), WriteOptions.DEFAULT);
    byte[] before = Files.readAllBytes(target);
    BulkDataSource failing =
        new BulkDataSource() {
          @Override
          public void read(long offset, byte[] dest, int destOffset, int length)
              throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public String description() {
            return "failing";
          }
        };
    DicomDataset ds = image();
    ds.putValue(PIXEL_DATA, VR.OW, BulkDataRef.of(failing, 0, 1 << 20));
    IOException e =
        assertThrows(IOException.class, () -> DicomWriter.write(target, ds, WriteOptions.DEFAULT));
    assertTrue(e.getMessage().contains("disk gone"), e.getMessage());
    assertEquals(List.of(target), listing(dir));
    assertArrayEquals(before, Files.readAllBytes(target));
  }

  @Test
  void dcmtkReadsWhatEveryOptionWrites(@TempDir Path dir) throws IOException {
    ExternalTools.assumeInstalled("dcmdump");
    String[] syntaxes = {
      "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"
    };
    int k = 0;
    for (String ts : syntaxes) {
      for (boolean undefined : new boolean[] {false, true}) {
        DicomDataset ds = image();
        ds.newSequence(REFERENCED_SERIES).addNewItem().setString(SOP_INSTANCE_UID, VR.UI, "1.2.3");
        Path f = dir.resolve((k++) + ".dcm");
        DicomWriter.write(f, ds, null, new WriteOptions(TransferSyntax.of(ts), undefined, true, 6));
        ExternalTools.Result r = ExternalTools.exec("dcmdump", "-dc", f.toString());
        String where = ts + (undefined ? " undefined lengths" : " explicit lengths");
        assertEquals(0, r.status(), where + ": " + r.stderr());
        assertFalse(
            r.stderr().contains("W:") || r.stderr().contains("E:"), where + ": " + r.stderr());
        assertTrue(r.stdout().contains("(0028,0010) US 258"), where + ": " + r.stdout());
        assertTrue(r.stdout().contains("(0010,0010) PN [Doe^John]"), where);
        assertTrue(r.stdout().contains("(0008,0018) UI [1.2.3"), where);
        assertTrue(r.stdout().contains("(7fe0,0010) OW 0201\\0403"), where + ": " + r.stdout());
      }
    }
  }
}
