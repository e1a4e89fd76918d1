package org.highdicom4j.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.junit.jupiter.api.Test;

/** Reading rules of {@link DicomReader} on hand-made data sets (PS3.5 Sections 6.2, 7 and A). */
class DicomReaderTest {
  private static final int PIXEL_REPRESENTATION = 0x00280103;
  private static final int SMALLEST_PIXEL = 0x00280106;
  private static final int VOI_LUT_SEQUENCE = 0x00283010;
  private static final int LUT_DESCRIPTOR = 0x00283002;
  private static final int LUT_DATA = 0x00283006;
  private static final int OVERLAY_DATA = 0x60003000;
  private static final int PIXEL_DATA = 0x7FE00010;

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static byte[] implicit(DicomDataset ds) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomWriter.writeDataset(out, ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, false);
    return out.toByteArray();
  }

  private static DicomDataset withAmbiguousElements(int pixelRepresentation) {
    DicomDataset ds = new DicomDataset();
    ds.setInt(0x00189810, VR.US, 5); // Zero Velocity Pixel Value: before Pixel Representation
    ds.setInt(PIXEL_REPRESENTATION, VR.US, pixelRepresentation);
    ds.setInt(SMALLEST_PIXEL, VR.US, 0xFFFE);
    DicomDataset item = ds.newSequence(VOI_LUT_SEQUENCE).addNewItem();
    item.setInt(LUT_DESCRIPTOR, VR.US, 2, 0xFFFF, 16);
    item.setBytes(LUT_DATA, VR.OW, bytes(1, 0, 2, 0));
    ds.setBytes(OVERLAY_DATA, VR.OW, bytes(0, 0));
    ds.setBytes(PIXEL_DATA, VR.OW, bytes(1, 2, 3, 4));
    return ds;
  }

  @Test
  void resolvesAmbiguousVrsOfImplicitVrDataSetsAsPs35AnnexA1Says() throws IOException {
    DicomDataset signed = DicomReader.read(implicit(withAmbiguousElements(1))).dataset();
    assertEquals(VR.SS, signed.vr(0x00189810));
    assertEquals(VR.SS, signed.vr(SMALLEST_PIXEL));
    assertEquals(-2, signed.getInt(SMALLEST_PIXEL, 0));
    DicomDataset item = signed.getItem(VOI_LUT_SEQUENCE);
    assertEquals(VR.SS, item.vr(LUT_DESCRIPTOR)); // Pixel Representation of the parent
    assertEquals(VR.OW, item.vr(LUT_DATA));
    assertEquals(VR.OW, signed.vr(OVERLAY_DATA));
    assertEquals(VR.OW, signed.vr(PIXEL_DATA));

    DicomDataset unsigned = DicomReader.read(implicit(withAmbiguousElements(0))).dataset();
    assertEquals(VR.US, unsigned.vr(SMALLEST_PIXEL));
    assertEquals(0xFFFE, unsigned.getInt(SMALLEST_PIXEL, 0));
    assertEquals(VR.US, unsigned.getItem(VOI_LUT_SEQUENCE).vr(LUT_DESCRIPTOR));
  }

  @Test
  void givesStandardElementsSentAsUnTheirDictionaryVr() throws IOException {
    byte[] b =
        bytes(
            0x09, 0, 0x10, 0, 'U', 'N', 0, 0, 4, 0, 0, 0, 'A', 'C', 'M', 'E', // creator
            0x09, 0, 0x01, 0x10, 'U', 'N', 0, 0, 2, 0, 0, 0, 1, 2, // private data
            0x10, 0, 0x10, 0, 'U', 'N', 0, 0, 8, 0, 0, 0, 'D', 'o', 'e', '^', 'J', 'o', 'h', 'n',
            0x28, 0, 0x10, 0, 'U', 'N', 0, 0, 3, 0, 0, 0, 1, 2, 3); // US cannot be 3 bytes
    DicomDataset ds = DicomReader.read(b).dataset();
    assertEquals(VR.LO, ds.vr(0x00090010));
    assertEquals("ACME", ds.getString(0x00090010));
    assertEquals(VR.UN, ds.vr(0x00091001));
    assertEquals(VR.PN, ds.vr(0x00100010));
    assertEquals("Doe^John", ds.getString(0x00100010));
    assertEquals(VR.UN, ds.vr(0x00280010));
  }

  @Test
  void readsASequenceSentAsUnAsImplicitVrItems() throws IOException {
    // (0008,1115) UN, defined length, holding one item with (0008,0018) UI "1.2" in implicit VR.
    byte[] b =
        bytes(
            0x08, 0, 0x15, 0x11, 'U', 'N', 0, 0, 20, 0, 0, 0, 0xFE, 0xFF, 0x00, 0xE0, 12, 0, 0, 0,
            0x08, 0, 0x18, 0, 4, 0, 0, 0, '1', '.', '2', 0);
    DicomDataset ds = DicomReader.read(b).dataset();
    assertEquals(VR.SQ, ds.vr(0x00081115));
    assertEquals("1.2", ds.getItem(0x00081115).getString(0x00080018));
    assertEquals(VR.UI, ds.getItem(0x00081115).vr(0x00080018));
  }

  @Test
  void keepsTheBytesOfPixelDataCutOffByTheEndOfTheInput() throws IOException {
    byte[] b = bytes(0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0, 8, 0, 0, 0, 1, 2, 3, 4);
    assertArrayEquals(bytes(1, 2, 3, 4), DicomReader.read(b).dataset().getBytes(PIXEL_DATA));
    DicomFile fromStream =
        DicomReader.read(new DicomReaderCorpusTest.OneByteAtATime(new ByteArrayInputStream(b)));
    assertArrayEquals(bytes(1, 2, 3, 4), fromStream.dataset().getBytes(PIXEL_DATA));
  }

  @Test
  void cutsAnItemLongerThanItsSequenceAtTheSequenceEnd() throws IOException {
    byte[] b =
        bytes(
            0x08, 0, 0x15, 0x11, 'S', 'Q', 0, 0, 20, 0, 0, 0, 0xFE, 0xFF, 0x00, 0xE0, 40, 0, 0,
            0, // says 40, the sequence leaves 12
            0x08, 0, 0x18, 0, 'U', 'I', 4, 0, '1', '.', '2', 0, 0x10, 0, 0x20, 0, 'L', 'O', 2, 0,
            'I', 'D');
    DicomDataset ds = DicomReader.read(b).dataset();
    assertEquals("1.2", ds.getItem(0x00081115).getString(0x00080018));
    assertEquals("ID", ds.getString(0x00100020));
  }

  @Test
  void rejectsAValueLongerThanTheInputWithOffsetAndTag() {
    byte[] b = bytes(0x10, 0, 0x20, 0, 'L', 'O', 0x10, 0, 'I', 'D');
    DicomStreamException e = assertThrows(DicomStreamException.class, () -> DicomReader.read(b));
    assertEquals(0x00100020L, e.tag());
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().startsWith("PatientID (0010,0020) "), e.getMessage());
  }

  @Test
  void rejectsAHugeLengthOnAStreamWithoutAllocatingIt() {
    // (0008,1030) UT of 0x7FFFFFF0 bytes in a stream of 20 bytes.
    byte[] b =
        bytes(0x08, 0, 0x30, 0x10, 'U', 'T', 0, 0, 0xF0, 0xFF, 0xFF, 0x7F, 'a', 'b', 'c', 'd');
    DicomStreamException e =
        assertThrows(
            DicomStreamException.class,
            () ->
                DicomReader.read(
                    new DicomReaderCorpusTest.OneByteAtATime(new ByteArrayInputStream(b))));
    assertEquals(0x00081030L, e.tag());
    assertEquals(12, e.offset());
  }

  @Test
  void rejectsASequenceCutOffInsideAnItemWithTheSequenceTag() {
    byte[] b =
        bytes(
            0x08, 0, 0x15, 0x11, 'S', 'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0,
            0xFF, 0xFF, 0xFF, 0xFF, 0x08, 0, 0x18, 0, 'U', 'I', 4, 0, '1', '.', '2', 0);
    DicomStreamException e = assertThrows(DicomStreamException.class, () -> DicomReader.read(b));
    assertTrue(e.offset() >= 0 && e.tag() >= 0, e.getMessage());
  }

  private static DicomFile fromOneByteStream(byte[] b) throws IOException {
    return DicomReader.read(new DicomReaderCorpusTest.OneByteAtATime(new ByteArrayInputStream(b)));
  }

  @Test
  void rejectsCorruptOrCutDeflatedDataWithDicomStreamException() throws IOException {
    DicomDataset ds = new DicomDataset();
    ds.setString(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
    ds.setString(0x00080018, VR.UI, "2.25.1");
    ds.setString(0x00100010, VR.PN, "Doe^John");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomWriter.write(
        out,
        ds,
        null,
        WriteOptions.DEFAULT.withTransferSyntax(
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid()));
    byte[] file = out.toByteArray();
    assertEquals("Doe^John", DicomReader.read(file).dataset().getString(0x00100010));
    // The deflate stream follows the meta group, whose length (0002,0000) is at offset 140.
    int deflateStart =
        144 + (file[140] & 0xff | (file[141] & 0xff) << 8 | (file[142] & 0xff) << 16);
    byte[] badBlock = file.clone();
    badBlock[deflateStart] = (byte) 0xFF; // BTYPE 11: reserved (RFC 1951 3.2.3)
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> DicomReader.read(badBlock));
    assertTrue(e.getMessage().contains("cannot be inflated"), e.getMessage());
    assertThrows(DicomStreamException.class, () -> fromOneByteStream(badBlock));
    for (int n = deflateStart; n < file.length - 1; n++) {
      byte[] cut = java.util.Arrays.copyOf(file, n);
      assertThrows(DicomStreamException.class, () -> DicomReader.read(cut), "cut at " + n);
      assertThrows(DicomStreamException.class, () -> fromOneByteStream(cut), "cut at " + n);
    }
  }

  @Test
  void keepsPixelDataWithAHugeLengthCutOffByAStreamAsFromBytes() throws IOException {
    // (7FE0,0010) OB claiming 0x7FFFFFFF bytes, of which 4 are there.
    byte[] b = bytes(0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3, 4);
    assertArrayEquals(bytes(1, 2, 3, 4), DicomReader.read(b).dataset().getBytes(PIXEL_DATA));
    assertArrayEquals(bytes(1, 2, 3, 4), fromOneByteStream(b).dataset().getBytes(PIXEL_DATA));
  }

  @Test
  void readsAnItemLongerThanTheInputUpToTheSequenceDelimiterFromBytesAndStreams()
      throws IOException {
    // (0008,1115) SQ of undefined length; its item claims 0x00FFFFFF bytes but the sequence
    // delimiter follows its only element.
    byte[] b =
        bytes(
            0x08, 0, 0x15, 0x11, 'S', 'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0,
            0xFF, 0xFF, 0xFF, 0x00, 0x08, 0, 0x18, 0, 'U', 'I', 4, 0, '1', '.', '2', 0, 0xFE, 0xFF,
            0xDD, 0xE0, 0, 0, 0, 0, 0x10, 0, 0x20, 0, 'L', 'O', 2, 0, 'I', 'D');
    DicomDataset fromBytes = DicomReader.read(b).dataset();
    assertEquals("1.2", fromBytes.getItem(0x00081115).getString(0x00080018));
    assertEquals("ID", fromBytes.getString(0x00100020));
    assertEquals(fromBytes, fromOneByteStream(b).dataset());
    // Without the delimiter the input ends inside the item: rejected both ways.
    byte[] cut = java.util.Arrays.copyOf(b, 32);
    DicomStreamException e = assertThrows(DicomStreamException.class, () -> DicomReader.read(cut));
    assertEquals(0x00081115L, e.tag());
    assertThrows(DicomStreamException.class, () -> fromOneByteStream(cut));
  }
}
