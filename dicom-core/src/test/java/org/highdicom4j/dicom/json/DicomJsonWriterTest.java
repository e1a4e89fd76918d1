package org.highdicom4j.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.FileMetaInformation;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

/** DicomJsonWriter: expected JSON follows PS3.18 F.2 (F.2.2 to F.2.7) and RFC 4648. */
class DicomJsonWriterTest {

  private static String json(DicomDataset ds) {
    return DicomJsonWriter.toJson(ds);
  }

  /** A data set with every VR and structure, used here and by the malformed-input tests. */
  static DicomDataset everyVr() {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
    ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
    ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
    ds.setString(Tag.StudyDate, VR.DA, "20240102");
    ds.setString(Tag.ContentTime, VR.TM, "101010.5");
    ds.setString(0x0008002A, VR.DT, "20240102101010+0100");
    ds.setString(Tag.AccessionNumber, VR.SH, "A1");
    ds.setString(Tag.RetrieveAETitle, VR.AE, "AE1");
    ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", "Doe^John");
    ds.setString(Tag.PatientAge, VR.AS, "051Y");
    ds.setString(Tag.PatientWeight, VR.DS, "87.09");
    ds.setString(Tag.SliceThickness, VR.DS, "1.");
    ds.setString(Tag.ImagesInAcquisition, VR.IS, "714");
    ds.setString(Tag.StudyDescription, VR.LO, "Grüße \"quoted\" 😀");
    ds.setString(Tag.ImageComments, VR.LT, "line 1\nline 2\\not a separator\t");
    ds.setString(0x00081080, VR.LO, "x");
    ds.setString(0x00181030, VR.LO, "UC-ish");
    ds.setString(0x0040E010, VR.UR, "http://example.com/a?b=c");
    ds.setString(0x00189185, VR.ST, "short text");
    ds.setString(0x00480011, VR.UT, "unlimited");
    ds.setString(0x00080120, VR.UR, "urn:x");
    ds.setString(0x0018A003, VR.UC, "uc value");
    ds.setInt(Tag.Rows, VR.US, 512);
    ds.setInt(Tag.SmallestImagePixelValue, VR.SS, -2000);
    ds.setLong(0x00209057, VR.UL, 4294967295L);
    ds.setInt(0x00251007, VR.SL, Integer.MIN_VALUE);
    ds.setLong(Tag.SelectorSVValue, VR.SV, (1L << 53) - 1, -(1L << 53));
    ds.setLong(Tag.SelectorUVValue, VR.UV, -1L, 7);
    ds.setDouble(0x00189219, VR.FD, 0.1, Double.NaN);
    ds.setDouble(0x00189220, VR.FL, 0.1, Double.NEGATIVE_INFINITY);
    ds.setInt(Tag.FrameIncrementPointer, VR.AT, 0x00181063);
    ds.setBytes(0x00091010, VR.OB, new byte[] {0, 1, 2, 3});
    ds.setBytes(0x00091011, VR.OW, new byte[] {1, 0, 2, 0});
    ds.setBytes(0x00091012, VR.OF, new byte[] {0, 0, (byte) 0x80, 0x3f});
    ds.setBytes(0x00091013, VR.OD, new byte[8]);
    ds.setBytes(0x00091014, VR.OL, new byte[4]);
    ds.setBytes(0x00091015, VR.OV, new byte[8]);
    ds.setBytes(0x00091016, VR.UN, new byte[] {9});
    ds.setString(0x00090010, VR.LO, "PRIVATE CREATOR");
    ds.setEmpty(Tag.ReferringPhysicianName, VR.PN);
    Sequence seq = ds.newSequence(Tag.ReferencedSeriesSequence);
    DicomDataset item = seq.addNewItem();
    item.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3");
    item.newSequence(Tag.ReferencedInstanceSequence).addNewItem();
    seq.addNewItem();
    ds.newSequence(Tag.OtherPatientIDsSequence);
    Fragments f = new Fragments();
    f.add(new byte[0]);
    f.add(new byte[] {1, 2});
    ds.setFragments(Tag.PixelData, VR.OB, f);
    return ds;
  }

  @Test
  void writesPersonNamesAsComponentGroupObjects() {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", "=山田", "", "Doe^John=");
    assertEquals(
        "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\","
            + "\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"},"
            + "{\"Ideographic\":\"山田\"},null,{\"Alphabetic\":\"Doe^John\"}]}}",
        json(ds));
  }

  @Test
  void writesEmptyValuesWithoutValueAndEmptyEntriesAsNull() {
    DicomDataset ds = new DicomDataset();
    ds.setEmpty(Tag.AccessionNumber, VR.SH);
    ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
    ds.putValue(Tag.PatientID, VR.LO, "  ".getBytes(StandardCharsets.US_ASCII));
    ds.newSequence(Tag.OtherPatientIDsSequence);
    assertEquals(
        "{\"00080008\":{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",null,\"AXIAL\"]},"
            + "\"00080050\":{\"vr\":\"SH\"},"
            + "\"00100020\":{\"vr\":\"LO\"},"
            + "\"00101002\":{\"vr\":\"SQ\"}}",
        json(ds));
  }

  @Test
  void removesTextPadding() {
    DicomDataset ds = new DicomDataset();
    ds.putValue(Tag.Modality, VR.CS, "CT ".getBytes(StandardCharsets.US_ASCII));
    ds.putValue(Tag.SOPClassUID, VR.UI, "1.2.3\0".getBytes(StandardCharsets.US_ASCII));
    ds.putValue(Tag.ImagesInAcquisition, VR.IS, " 12 ".getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        "{\"00080016\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]},"
            + "\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]},"
            + "\"00201002\":{\"vr\":\"IS\",\"Value\":[12]}}",
        json(ds));
  }

  @Test
  void writesIsAndDsAsNumbersKeepingTheirTextOrAsStringsWhenNotJsonNumbers() {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.PixelSpacing, VR.DS, "0.7031", "-1.5e-3", "1.", ".5", "+2", "007");
    ds.setString(Tag.ImagesInAcquisition, VR.IS, "-12", "+3");
    assertEquals(
        "{\"00201002\":{\"vr\":\"IS\",\"Value\":[-12,\"+3\"]},"
            + "\"00280030\":{\"vr\":\"DS\",\"Value\":[0.7031,-1.5e-3,\"1.\",\".5\",\"+2\",\"007\"]}}",
        json(ds));
  }

  @Test
  void writesBinaryNumbersTagsAndVeryLongIntegers() {
    DicomDataset ds = new DicomDataset();
    ds.setInt(Tag.Rows, VR.US, 512, 65535);
    ds.setInt(Tag.SmallestImagePixelValue, VR.SS, -32768);
    ds.setLong(0x00209057, VR.UL, 4294967295L);
    ds.setLong(
        Tag.SelectorSVValue, VR.SV, (1L << 53) - 1, -(1L << 53) + 1, -(1L << 53), Long.MIN_VALUE);
    ds.setLong(Tag.SelectorUVValue, VR.UV, (1L << 53) - 1, 1L << 53, -1L);
    ds.setInt(Tag.FrameIncrementPointer, VR.AT, 0x00181063, 0x7FE00010);
    assertEquals(
        "{\"00209057\":{\"vr\":\"UL\",\"Value\":[4294967295]},"
            + "\"00280009\":{\"vr\":\"AT\",\"Value\":[\"00181063\",\"7FE00010\"]},"
            + "\"00280010\":{\"vr\":\"US\",\"Value\":[512,65535]},"
            + "\"00280106\":{\"vr\":\"SS\",\"Value\":[-32768]},"
            + "\"00720082\":{\"vr\":\"SV\",\"Value\":[9007199254740991,-9007199254740991,"
            + "\"-9007199254740992\",\"-9223372036854775808\"]},"
            + "\"00720083\":{\"vr\":\"UV\",\"Value\":[9007199254740991,\"9007199254740992\","
            + "\"18446744073709551615\"]}}",
        json(ds));
  }

  @Test
  void writesFloatsWithShortestExactTextAndNonFiniteAsStrings() {
    DicomDataset ds = new DicomDataset();
    ds.setDouble(0x00189219, VR.FD, 0.1, 1e-300, Double.NaN);
    ds.setDouble(0x00189220, VR.FL, 0.1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertEquals(
        "{\"00189219\":{\"vr\":\"FD\",\"Value\":[0.1,1.0E-300,\"NaN\"]},"
            + "\"00189220\":{\"vr\":\"FL\",\"Value\":[0.1,\"Infinity\",\"-Infinity\"]}}",
        json(ds));
  }

  @Test
  void writesBinaryValuesAsBase64OfTheLittleEndianValueField() {
    DicomDataset ds = new DicomDataset();
    ds.setBytes(0x00091010, VR.OB, new byte[] {0, 1, 2, 3});
    ds.setInt(0x00091011, VR.OW, 0x0100, 0x0302); // little-endian words: bytes 00 01 02 03
    ds.setEmpty(0x00091012, VR.UN);
    assertEquals(
        "{\"00091010\":{\"vr\":\"OB\",\"InlineBinary\":\"AAECAw==\"},"
            + "\"00091011\":{\"vr\":\"OW\",\"InlineBinary\":\"AAECAw==\"},"
            + "\"00091012\":{\"vr\":\"UN\"}}",
        json(ds));
  }

  @Test
  void writesEncapsulatedPixelDataAsItemStreamAndReadsItBack() {
    DicomDataset ds = new DicomDataset();
    Fragments f = new Fragments();
    f.add(new byte[0]);
    f.add(new byte[] {1, 2});
    ds.setFragments(Tag.PixelData, VR.OB, f);
    // FE FF 00 E0 00 00 00 00 | FE FF 00 E0 02 00 00 00 01 02
    assertEquals(
        "{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"/v8A4AAAAAD+/wDgAgAAAAEC\"}}", json(ds));
    assertEquals(f, DicomJsonReader.fromJson(json(ds)).getFragments(Tag.PixelData));
  }

  @Test
  void writesSequencesAsArraysOfObjects() {
    DicomDataset ds = new DicomDataset();
    Sequence seq = ds.newSequence(Tag.ReferencedSeriesSequence);
    seq.addNewItem().setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3");
    seq.addNewItem();
    assertEquals(
        "{\"00081115\":{\"vr\":\"SQ\",\"Value\":[{\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}},{}]}}",
        json(ds));
  }

  @Test
  void ordersByTagIncludingPrivateGroupsAndEscapesText() {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.PatientID, VR.LO, "b");
    ds.setString(0x00090010, VR.LO, "CREATOR");
    ds.setString(Tag.ImageComments, VR.LT, "a\"b\\c\nd\u0001");
    assertEquals(
        "{\"00090010\":{\"vr\":\"LO\",\"Value\":[\"CREATOR\"]},"
            + "\"00100020\":{\"vr\":\"LO\",\"Value\":[\"b\"]},"
            + "\"00204000\":{\"vr\":\"LT\",\"Value\":[\"a\\\"b\\\\c\\nd\\u0001\"]}}",
        json(ds));
  }

  @Test
  void leavesOutGroupLengthAndFileMetaUnlessAsked() {
    DicomDataset ds = new DicomDataset();
    ds.setLong(0x00020000, VR.UL, 10);
    ds.setString(Tag.TransferSyntaxUID, VR.UI, "1.2.840.10008.1.2.1");
    ds.setLong(0x00080000, VR.UL, 8);
    ds.setString(Tag.Modality, VR.CS, "CT");
    assertEquals("{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}}", json(ds));
    String all =
        DicomJsonWriter.toJson(
            ds, JsonWriteOptions.DEFAULT.withGroupLength(true).withFileMetaInformation(true));
    assertEquals(
        "{\"00020000\":{\"vr\":\"UL\",\"Value\":[10]},"
            + "\"00020010\":{\"vr\":\"UI\",\"Value\":[\"1.2.840.10008.1.2.1\"]},"
            + "\"00080000\":{\"vr\":\"UL\",\"Value\":[8]},"
            + "\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}}",
        all);
  }

  @Test
  void writesAFileWithItsMetaInformation() throws IOException {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.Modality, VR.CS, "CT");
    FileMetaInformation fmi =
        FileMetaInformation.create("1.2.840.10008.5.1.4.1.1.2", "1.2.3", "1.2.840.10008.1.2.1");
    DicomFile file = new DicomFile(fmi, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    StringWriter w = new StringWriter();
    DicomJsonWriter.write(file, w, JsonWriteOptions.DEFAULT.withFileMetaInformation(true));
    DicomDataset back = DicomJsonReader.fromJson(w.toString());
    assertEquals("1.2.840.10008.1.2.1", back.getString(Tag.TransferSyntaxUID));
    assertEquals("CT", back.getString(Tag.Modality));
    assertTrue(w.toString().startsWith("{\"00020001\":{\"vr\":\"OB\",\"InlineBinary\":\"AAE=\"}"));
    StringWriter without = new StringWriter();
    DicomJsonWriter.write(file, without, JsonWriteOptions.DEFAULT);
    assertEquals("{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}}", without.toString());
  }

  @Test
  void writesLargeBinaryValuesAsBulkDataUris() {
    DicomDataset ds = new DicomDataset();
    ds.setBytes(0x00091010, VR.OB, new byte[] {0, 1, 2, 3});
    ds.setBytes(0x00091011, VR.OB, new byte[] {0, 1});
    ds.setInt(Tag.Rows, VR.US, 512); // not bulk: a number
    List<BulkDataContext> seen = new ArrayList<>();
    JsonWriteOptions opts =
        JsonWriteOptions.DEFAULT.withBulkData(
            2,
            ctx -> {
              seen.add(ctx);
              return "http://server/bulk/" + Integer.toHexString(ctx.tag());
            });
    assertEquals(
        "{\"00091010\":{\"vr\":\"OB\",\"BulkDataURI\":\"http://server/bulk/91010\"},"
            + "\"00091011\":{\"vr\":\"OB\",\"InlineBinary\":\"AAE=\"},"
            + "\"00280010\":{\"vr\":\"US\",\"Value\":[512]}}",
        DicomJsonWriter.toJson(ds, opts));
    assertEquals(1, seen.size());
    assertEquals(4, seen.get(0).length());
    assertEquals(VR.OB, seen.get(0).vr());
  }

  @Test
  void writesUriOnlyReferencesBackAsTheirUri() {
    String in = "{\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"http://server/frames/1\"}}";
    DicomDataset ds = DicomJsonReader.fromJson(in);
    assertTrue(ds.valueAt(0) instanceof BulkDataRef);
    assertEquals(in, json(ds));
  }

  @Test
  void prettyOutputIsIndentedAndReadsBackEqual() {
    DicomDataset ds = everyVr();
    String pretty = DicomJsonWriter.toJson(ds, JsonWriteOptions.DEFAULT.withPretty(true));
    assertTrue(pretty.contains("\n  \"00080005\": {\n    \"vr\": \"CS\","), pretty);
    String compact = json(ds);
    assertFalse(compact.contains("\n"));
    assertEquals(compact, json(DicomJsonReader.fromJson(pretty)));
  }

  @Test
  void everyVrRoundTripsThroughStrictReading() throws IOException {
    DicomDataset ds = everyVr();
    DicomDataset back =
        DicomJsonReader.fromJson(json(ds), JsonReadOptions.DEFAULT.withStrict(true));
    DatasetComparison c = new DatasetComparison(DatasetComparison.Mode.ROUND_TRIP, false);
    c.compare(ds, back, "");
    assertTrue(c.equal(), c.differences.toString());
    assertEquals(ds.size(), back.size());
  }

  @Test
  void rejectsNestingTooDeepForJson() {
    DicomDataset ds = new DicomDataset();
    DicomDataset cur = ds;
    for (int i = 0; i <= DicomJsonWriter.MAX_DEPTH; i++) {
      cur = cur.newSequence(Tag.ContentSequence).addNewItem();
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> json(ds));
    assertTrue(e.getMessage().startsWith("ContentSequence (0040,A730) sequences nest too deeply"));
  }
}
