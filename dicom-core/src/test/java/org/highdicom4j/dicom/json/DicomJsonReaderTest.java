package org.highdicom4j.dicom.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.PersonName;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/**
 * DicomJsonReader on pydicom's DICOM JSON examples and on hand-written inputs whose meaning follows
 * from PS3.18 F.2, RFC 8259 and RFC 4648.
 */
class DicomJsonReaderTest {

  private static DicomDataset readShared(String name, JsonReadOptions options) throws IOException {
    Path p = SharedTestData.shared().resolve("testdata/pydicom").resolve(name);
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return DicomJsonReader.read(r, options);
    }
  }

  @Test
  void readsPydicomTest1JsonPerF2() throws IOException {
    DicomDataset ds = readShared("test1.json", JsonReadOptions.DEFAULT);
    // Strings and multi-valued strings (F.2.4).
    assertEquals("1.2.840.10008.5.1.4.1.1.4", ds.getString(Tag.SOPClassUID));
    assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "OTHER"}, ds.getStrings(Tag.ImageType));
    assertEquals(VR.CS, ds.vr(Tag.ImageType));
    assertEquals("20171026182546.399-0400", ds.getItem(0x0018A001).getString(0x0018A002));
    // IS and DS are JSON numbers; their text is kept as written.
    assertEquals(714, ds.getInt(Tag.ImagesInAcquisition, -1));
    assertEquals("87.09", ds.getString(Tag.PatientWeight));
    assertEquals("4.0", ds.getString(Tag.SliceThickness));
    assertArrayEquals(
        new String[] {"1.0", "-0.0", "0.0", "-0.0", "0.982071", "0.188509"},
        ds.getStrings(Tag.ImageOrientationPatient));
    assertArrayEquals(new String[] {"-91.90546417"}, ds.getStrings(0x00201041));
    // Binary numbers.
    assertArrayEquals(new long[] {13}, ds.getLongs(0x00209057));
    assertEquals(VR.UL, ds.vr(0x00209057));
    assertArrayEquals(new long[] {0}, ds.getLongs(Tag.SmallestImagePixelValue));
    assertArrayEquals(new long[] {11776}, ds.getLongs(Tag.LargestImagePixelValue));
    assertEquals(VR.SS, ds.vr(Tag.LargestImagePixelValue));
    // The null of the multi-valued US cannot be encoded as a binary value: dropped when tolerant.
    assertArrayEquals(new long[] {128, 0, 0, 32}, ds.getLongs(Tag.AcquisitionMatrix));
    // PN as an object of component groups (F.2.2).
    PersonName pn = ds.getPersonName(Tag.PatientName);
    assertEquals("Prostate", pn.familyName());
    assertEquals("Volunteer", pn.givenName());
    // {"Alphabetic": ""} and [""] are empty values: present, without value.
    assertTrue(ds.contains(Tag.ReferringPhysicianName));
    assertFalse(ds.hasValue(Tag.ReferringPhysicianName));
    assertTrue(ds.contains(Tag.PatientBirthDate));
    assertFalse(ds.hasValue(Tag.PatientBirthDate));
    // Private creator and private elements are ordinary attributes.
    assertEquals("GEIIS PACS", ds.getString(0x09030010));
    assertEquals(VR.US, ds.vr(0x09031010));
    assertArrayEquals(new long[] {714}, ds.getLongs(0x00251007));
    assertEquals(VR.SL, ds.vr(0x00251007));
    // Sequences: 9 items, the second an empty object.
    Sequence deid = ds.getSequence(Tag.DeidentificationMethodCodeSequence);
    assertEquals(9, deid.size());
    assertEquals("113100", deid.get(0).getString(Tag.CodeValue));
    assertTrue(deid.get(1).isEmpty());
    assertEquals("Remap UIDs", deid.get(8).getString(Tag.CodeMeaning));
    // Nested sequences.
    DicomDataset equipment = ds.getItem(0x0018A001);
    assertEquals("109104", equipment.getItem(0x0040A170).getString(Tag.CodeValue));
    DicomDataset original = ds.getItem(Tag.OriginalAttributesSequence);
    DicomDataset modified = original.getItem(Tag.ModifiedAttributesSequence);
    assertEquals("M", modified.getString(Tag.PatientSex));
    assertEquals("051Y", modified.getString(Tag.PatientAge));
    // BulkDataURI kept as a reference holding only the URI (here an empty one).
    BulkDataRef ref = ds.getBulkDataRef(Tag.PixelData);
    assertNotNull(ref);
    assertEquals("", ref.uri());
    assertNull(ref.source());
    assertEquals(VR.OW, ds.vr(Tag.PixelData));
  }

  @Test
  void strictReadingRejectsTheNullInTest1JsonAtItsPosition() {
    DicomJsonException e =
        assertThrows(
            DicomJsonException.class,
            () -> readShared("test1.json", JsonReadOptions.DEFAULT.withStrict(true)));
    assertEquals(Tag.AcquisitionMatrix, e.tag());
    assertEquals(371, e.line());
    assertEquals(13, e.column());
    assertTrue(
        e.getMessage().startsWith("AcquisitionMatrix (0018,1310) null value"), e.getMessage());
  }

  @Test
  void readsPydicomPersonNameJson() throws IOException {
    DicomDataset ds = readShared("test_PN.json", JsonReadOptions.DEFAULT);
    assertEquals("Prostate^Volunteer", ds.getString(Tag.PatientName));
    DicomDataset item =
        ds.getItem(Tag.OriginalAttributesSequence).getItem(Tag.ModifiedAttributesSequence);
    assertTrue(item.contains(Tag.PatientName));
    assertFalse(item.hasValue(Tag.PatientName));
    assertEquals("051Y", item.getString(Tag.PatientAge));
  }

  @Test
  void readsPersonNameComponentGroups() {
    DicomDataset ds =
        DicomJsonReader.fromJson(
            "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\","
                + "\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"},"
                + "{\"Ideographic\":\"山田\"},null,{\"Alphabetic\":\"Doe\"}]}}");
    assertArrayEquals(
        new String[] {"Yamada^Tarou=山田^太郎=やまだ^たろう", "=山田", "", "Doe"},
        ds.getStrings(Tag.PatientName));
  }

  @Test
  void decodesInlineBinaryAsLittleEndianValueField() {
    // RFC 4648: "AAECAw==" is 00 01 02 03; as OW (PS3.5, little endian) the words 0x0100, 0x0302.
    DicomDataset ds =
        DicomJsonReader.fromJson(
            "{\"00091010\":{\"vr\":\"OB\",\"InlineBinary\":\"AAECAw==\"},"
                + "\"00091011\":{\"vr\":\"OW\",\"InlineBinary\":[\"AAECAw==\"]}}");
    assertArrayEquals(new byte[] {0, 1, 2, 3}, ds.getBytes(0x00091010));
    assertArrayEquals(new long[] {0x0100, 0x0302}, ds.getLongs(0x00091011));
  }

  @Test
  void readsEncapsulatedPixelDataAsFragments() {
    // Item tag FFFE,E000 (bytes FE FF 00 E0), empty Basic Offset Table, one fragment 01 02.
    byte[] stream = {
      (byte) 0xFE,
      (byte) 0xFF,
      0,
      (byte) 0xE0,
      0,
      0,
      0,
      0,
      (byte) 0xFE,
      (byte) 0xFF,
      0,
      (byte) 0xE0,
      2,
      0,
      0,
      0,
      1,
      2
    };
    String b64 = java.util.Base64.getEncoder().encodeToString(stream);
    DicomDataset ds =
        DicomJsonReader.fromJson("{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"" + b64 + "\"}}");
    Fragments f = ds.getFragments(Tag.PixelData);
    assertNotNull(f);
    assertEquals(1, f.fragmentCount());
    assertEquals(0, f.itemLength(0));
    assertEquals(2, f.itemLength(1));
  }

  @Test
  void keepsIsAndDsTextAndAcceptsStrings() {
    DicomDataset ds =
        DicomJsonReader.fromJson(
            "{\"00181030\":{\"vr\":\"DS\",\"Value\":[1e3,\"1.\",\" .5 \",null,-0.0]},"
                + "\"00201002\":{\"vr\":\"IS\",\"Value\":[714.0,\"12\",-3]}}");
    assertArrayEquals(new String[] {"1e3", "1.", ".5", "", "-0.0"}, ds.getStrings(0x00181030));
    assertArrayEquals(new String[] {"714", "12", "-3"}, ds.getStrings(0x00201002));
  }

  @Test
  void readsVeryLongIntegersAsNumbersOrStrings() {
    DicomDataset ds =
        DicomJsonReader.fromJson(
            "{\"00720082\":{\"vr\":\"SV\",\"Value\":[-9223372036854775808,\"9007199254740993\"]},"
                + "\"00720083\":{\"vr\":\"UV\",\"Value\":[\"18446744073709551615\",0]}}");
    assertArrayEquals(
        new long[] {Long.MIN_VALUE, 9007199254740993L}, ds.getLongs(Tag.SelectorSVValue));
    assertArrayEquals(new long[] {-1L, 0}, ds.getLongs(Tag.SelectorUVValue));
  }

  @Test
  void readsTagsAndNonFiniteFloats() {
    DicomDataset ds =
        DicomJsonReader.fromJson(
            "{\"00280009\":{\"vr\":\"AT\",\"Value\":[\"00181063\",\"7fe00010\"]},"
                + "\"00189219\":{\"vr\":\"FD\",\"Value\":[0.1,\"NaN\",\"-Infinity\"]},"
                + "\"00189220\":{\"vr\":\"FL\",\"Value\":[0.10000000149011612,\"Infinity\"]}}");
    assertArrayEquals(new int[] {0x00181063, 0x7FE00010}, ds.getInts(Tag.FrameIncrementPointer));
    double[] d = ds.getDoubles(0x00189219);
    assertEquals(0.1, d[0]);
    assertTrue(Double.isNaN(d[1]));
    assertEquals(Double.NEGATIVE_INFINITY, d[2]);
    float[] f = ds.getFloats(0x00189220);
    assertEquals(0.1f, f[0]);
    assertEquals(Float.POSITIVE_INFINITY, f[1]);
  }

  @Test
  void acceptsAttributesInAnyOrderAndVrAfterValue() {
    DicomDataset ds =
        DicomJsonReader.fromJson(
            "{\"00280011\":{\"Value\":[512],\"vr\":\"US\"},\"00100010\":{\"vr\":\"PN\"}}");
    assertArrayEquals(new int[] {0x00100010, 0x00280011}, ds.tags());
    assertEquals(512, ds.getInt(Tag.Columns, -1));
  }

  @Test
  void readsDicomWebArraysOfDataSets() {
    List<DicomDataset> all =
        DicomJsonReader.readAll(
            "[{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}},"
                + "{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"MR\"]}}]");
    assertEquals(2, all.size());
    assertEquals("MR", all.get(1).getString(Tag.Modality));
    assertEquals(1, DicomJsonReader.readAll("{}").size());
    assertEquals(0, DicomJsonReader.readAll(" [ ] ").size());
    assertEquals(
        "CT",
        DicomJsonReader.fromJson("[{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}}]")
            .getString(Tag.Modality));
  }

  @Test
  void resolvesBulkDataUris() {
    JsonReadOptions opts =
        JsonReadOptions.DEFAULT.withBulkDataResolver(
            BulkDataResolver.loading(uri -> uri.equals("urn:a") ? new byte[] {1, 0, 2, 0} : null));
    DicomDataset ds =
        DicomJsonReader.fromJson(
            "{\"00281201\":{\"vr\":\"OW\",\"BulkDataURI\":\"urn:a\"},"
                + "\"00281202\":{\"vr\":\"OW\",\"BulkDataURI\":\"urn:b\"}}",
            opts);
    assertArrayEquals(new long[] {1, 2}, ds.getLongs(Tag.RedPaletteColorLookupTableData));
    assertTrue(ds.contains(0x00281202));
    assertFalse(ds.hasValue(0x00281202));
  }

  @Test
  void tolerantReadingFillsInWhatStrictReadingRejects() {
    String json =
        "{\"00100010\":{\"Value\":[{\"Alphabetic\":\"Doe\"}]},"
            + "\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"],\"keyword\":\"Modality\"},"
            + "\"00280010\":{\"vr\":\"US\",\"Value\":[\"64\"]},"
            + "\"00200013\":{\"vr\":\"IS\",\"Value\":[3]},"
            + "\"00081030\":{\"vr\":\"LO\",\"Value\":[12]},"
            + "\"0008103e\":{\"vr\":\"LO\",\"Value\":[\"a\\\\b\"]}}";
    DicomDataset ds = DicomJsonReader.fromJson(json);
    assertEquals(VR.PN, ds.vr(Tag.PatientName)); // from the data dictionary
    assertEquals("CT", ds.getString(Tag.Modality));
    assertEquals(64, ds.getInt(Tag.Rows, -1));
    assertEquals("12", ds.getString(Tag.StudyDescription));
    assertArrayEquals(new String[] {"a", "b"}, ds.getStrings(Tag.SeriesDescription));
    DicomJsonException e =
        assertThrows(
            DicomJsonException.class,
            () -> DicomJsonReader.fromJson(json, JsonReadOptions.DEFAULT.withStrict(true)));
    assertEquals(Tag.PatientName, e.tag());
    assertTrue(e.getMessage().contains("no vr"), e.getMessage());
  }

  @Test
  void storesUnicodeTextAsDecodedStrings() {
    DicomDataset ds =
        DicomJsonReader.fromJson(
            "{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"M\\u00fcller^J\\u00fcrgen\"}]},"
                + "\"00081030\":{\"vr\":\"LO\",\"Value\":[\"Grüße \\\"x\\\" \\ud83d\\ude00\"]}}");
    assertEquals("Müller^Jürgen", ds.valueAt(ds.indexOf(Tag.PatientName)));
    assertEquals("Grüße \"x\" 😀", ds.getString(Tag.StudyDescription));
  }
}
