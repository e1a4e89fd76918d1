package org.highdicom4j.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Typed accessors and setters of {@link DicomDataset}. Expected encodings come from PS3.5 (value
 * encoding of each VR, Section 6.2; little-endian byte order, Section 7.3; private blocks, Section
 * 7.8.1), not from the code.
 */
class DicomDatasetTest {
  private static final int PATIENT_NAME = 0x00100010;
  private static final int PATIENT_ID = 0x00100020;
  private static final int IMAGE_TYPE = 0x00080008;
  private static final int STUDY_DATE = 0x00080020;
  private static final int STUDY_TIME = 0x00080030;
  private static final int ACQUISITION_DATE_TIME = 0x0008002A;
  private static final int ROWS = 0x00280010;
  private static final int SMALLEST_PIXEL = 0x00280106;
  private static final int SERIES_NUMBER = 0x00200011;
  private static final int SLICE_THICKNESS = 0x00180050;
  private static final int PIXEL_SPACING = 0x00280030;
  private static final int FRAME_INCREMENT_POINTER = 0x00280009;
  private static final int REFERENCED_SERIES = 0x00081115;
  private static final int REFERENCED_INSTANCES = 0x0008114A;
  private static final int SOP_INSTANCE_UID = 0x00080018;
  private static final int STUDY_DESCRIPTION = 0x00081030;
  private static final int COMMENTS = 0x00204000;
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final int REAL_WORLD_SLOPE = 0x00409225;
  private static final int FLOAT_VALUE = 0x0040A161;

  @Test
  void storesMultiValuedStringsJoinedWithBackslashAndTrimsInsignificantSpaces() {
    DicomDataset ds = new DicomDataset();
    ds.setString(IMAGE_TYPE, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
    assertEquals("ORIGINAL\\PRIMARY\\AXIAL", ds.getText(IMAGE_TYPE));
    assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, ds.getStrings(IMAGE_TYPE));
    assertEquals("PRIMARY", ds.getString(IMAGE_TYPE, 1, null));
    assertEquals("none", ds.getString(IMAGE_TYPE, 3, "none"));
    // PS3.5 Table 6.2-1: leading and trailing spaces of CS values are insignificant.
    ds.putValue(IMAGE_TYPE, VR.CS, " DERIVED \\ SECONDARY ".getBytes());
    assertArrayEquals(new String[] {"DERIVED", "SECONDARY"}, ds.getStrings(IMAGE_TYPE));
    // ...but leading spaces of LT are significant.
    ds.putValue(COMMENTS, VR.LT, "  indented\\not a separator  ".getBytes());
    assertArrayEquals(new String[] {"  indented\\not a separator"}, ds.getStrings(COMMENTS));
  }

  @Test
  void absentAndEmptyElementsGiveNullEmptyOrTheDefault() {
    DicomDataset ds = new DicomDataset();
    ds.setEmpty(PATIENT_ID, VR.LO);
    assertTrue(ds.contains(PATIENT_ID));
    assertFalse(ds.hasValue(PATIENT_ID));
    assertNull(ds.getString(PATIENT_ID));
    assertEquals("x", ds.getString(PATIENT_NAME, "x"));
    assertEquals(0, ds.getInts(ROWS).length);
    assertEquals(-1, ds.getInt(ROWS, -1));
    assertNull(ds.getDate(STUDY_DATE));
    assertNull(ds.getPersonName(PATIENT_NAME));
    assertNull(ds.getSequence(REFERENCED_SERIES));
  }

  @Test
  void rejectsBackslashInsideAValueAndSeveralValuesForSingleValuedTextVrs() {
    DicomDataset ds = new DicomDataset();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ds.setString(PATIENT_ID, VR.LO, "a\\b"));
    assertTrue(e.getMessage().contains("PatientID (0010,0020)"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ds.setString(STUDY_DESCRIPTION, VR.LT, "a", "b"));
    assertThrows(IllegalArgumentException.class, () -> ds.setString(ROWS, VR.SQ, "1"));
  }

  @Test
  void takesTheVrFromTheDictionaryWhenNotGiven() {
    DicomDataset ds = new DicomDataset();
    ds.setString(PATIENT_ID, "12345");
    ds.setInt(ROWS, 512);
    ds.setDouble(SLICE_THICKNESS, 2.5);
    assertEquals(VR.LO, ds.vr(PATIENT_ID));
    assertEquals(VR.US, ds.vr(ROWS));
    assertEquals(VR.DS, ds.vr(SLICE_THICKNESS));
    assertThrows(IllegalArgumentException.class, () -> ds.setString(0x00091001, "x"));
  }

  @Test
  void encodesBinaryIntegersLittleEndianWithinTheVrRange() {
    DicomDataset ds = new DicomDataset();
    ds.setInt(ROWS, VR.US, 0x1234);
    assertArrayEquals(new byte[] {0x34, 0x12}, ds.getBytes(ROWS));
    ds.setInt(SMALLEST_PIXEL, VR.SS, -2);
    assertArrayEquals(new byte[] {(byte) 0xFE, (byte) 0xFF}, ds.getBytes(SMALLEST_PIXEL));
    assertEquals(-2, ds.getInt(SMALLEST_PIXEL, 0));
    ds.setInt(ROWS, VR.US, 1, 2, 65535);
    assertArrayEquals(new int[] {1, 2, 65535}, ds.getInts(ROWS));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ds.setInt(ROWS, VR.US, 65536));
    assertTrue(e.getMessage().contains("65536"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ds.setInt(SMALLEST_PIXEL, VR.SS, 32768));
    assertThrows(IllegalArgumentException.class, () -> ds.setInt(ROWS, VR.LO, 1));
  }

  @Test
  void readsUnsignedLongsBeyondTheIntRangeAsLongsOnly() {
    DicomDataset ds = new DicomDataset();
    ds.setLong(0x00189219, VR.UL, 0xFFFFFFFFL);
    assertArrayEquals(
        new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, ds.getBytes(0x00189219));
    assertEquals(4294967295L, ds.getLong(0x00189219, 0));
    assertThrows(IllegalStateException.class, () -> ds.getInts(0x00189219));
    ds.setLong(0x00189219, VR.SV, Long.MIN_VALUE, 7);
    assertArrayEquals(new long[] {Long.MIN_VALUE, 7}, ds.getLongs(0x00189219));
  }

  @Test
  void writesIntegerAndDecimalStringsWithinTheirLengthLimits() {
    DicomDataset ds = new DicomDataset();
    ds.setInt(SERIES_NUMBER, VR.IS, -12);
    assertEquals("-12", ds.getText(SERIES_NUMBER));
    ds.putValue(SERIES_NUMBER, VR.IS, " +0042 ".getBytes());
    assertEquals(42, ds.getInt(SERIES_NUMBER, 0));
    ds.setDouble(PIXEL_SPACING, VR.DS, 1.0 / 3.0, 0.5);
    String[] values = ds.getStrings(PIXEL_SPACING);
    assertEquals(2, values.length);
    assertTrue(values[0].length() <= 16, values[0]); // PS3.5 Table 6.2-1: DS ≤ 16 bytes
    assertEquals(1.0 / 3.0, Double.parseDouble(values[0]), 1e-13);
    assertEquals("0.5", values[1]);
    assertArrayEquals(
        new double[] {Double.parseDouble(values[0]), 0.5}, ds.getDoubles(PIXEL_SPACING));
    assertThrows(
        IllegalArgumentException.class, () -> ds.setDouble(PIXEL_SPACING, VR.DS, Double.NaN));
    ds.putValue(SERIES_NUMBER, VR.IS, "1.5".getBytes());
    assertThrows(NumberFormatException.class, () -> ds.getInts(SERIES_NUMBER));
  }

  @Test
  void encodesFloatsAsIeee754LittleEndian() {
    DicomDataset ds = new DicomDataset();
    ds.setDouble(FLOAT_VALUE, VR.FL, 1.0, -2.5);
    // IEEE 754 binary32: 1.0 = 3F800000, -2.5 = C0200000.
    assertArrayEquals(
        new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0x20, (byte) 0xC0}, ds.getBytes(FLOAT_VALUE));
    assertArrayEquals(new float[] {1.0f, -2.5f}, ds.getFloats(FLOAT_VALUE));
    ds.setDouble(REAL_WORLD_SLOPE, VR.FD, 0.1);
    assertArrayEquals(
        new byte[] {
          (byte) 0x9A,
          (byte) 0x99,
          (byte) 0x99,
          (byte) 0x99,
          (byte) 0x99,
          (byte) 0x99,
          (byte) 0xB9,
          0x3F
        },
        ds.getBytes(REAL_WORLD_SLOPE));
    assertEquals(0.1, ds.getDouble(REAL_WORLD_SLOPE, 0), 0.0);
    ds.setString(FLOAT_VALUE, VR.FL, "0.25");
    assertEquals(0.25, ds.getDouble(FLOAT_VALUE, 0), 0.0);
  }

  @Test
  void readsPartialAndLegacyDatesAndTimes() {
    DicomDataset ds = new DicomDataset();
    ds.setString(STUDY_DATE, VR.DA, "20240229");
    assertEquals(LocalDate.of(2024, 2, 29), ds.getDate(STUDY_DATE));
    ds.setString(STUDY_DATE, VR.DA, "1993.08.22"); // ACR-NEMA form, PS3.5 6.2 note
    assertEquals(LocalDate.of(1993, 8, 22), ds.getDate(STUDY_DATE));
    ds.setString(STUDY_DATE, VR.DA, "20230229");
    assertThrows(RuntimeException.class, () -> ds.getDate(STUDY_DATE));
    // PS3.5 Table 6.2-1 TM: "HH", "HHMM", "HHMMSS" and fractions are all valid.
    ds.setString(STUDY_TIME, VR.TM, "14");
    assertEquals(LocalTime.of(14, 0), ds.getTime(STUDY_TIME));
    ds.setString(STUDY_TIME, VR.TM, "1430");
    assertEquals(LocalTime.of(14, 30), ds.getTime(STUDY_TIME));
    ds.setString(STUDY_TIME, VR.TM, "143015.25");
    assertEquals(LocalTime.of(14, 30, 15, 250_000_000), ds.getTime(STUDY_TIME));
    ds.setString(STUDY_TIME, VR.TM, "143");
    assertThrows(IllegalArgumentException.class, () -> ds.getTime(STUDY_TIME));
  }

  @Test
  void readsDateTimesWithTheirPrecisionAndOffset() {
    DicomDataset ds = new DicomDataset();
    ds.setString(ACQUISITION_DATE_TIME, VR.DT, "2020");
    assertEquals(Year.of(2020), ds.getDateTime(ACQUISITION_DATE_TIME));
    ds.setString(ACQUISITION_DATE_TIME, VR.DT, "202003");
    assertEquals(YearMonth.of(2020, 3), ds.getDateTime(ACQUISITION_DATE_TIME));
    ds.setString(ACQUISITION_DATE_TIME, VR.DT, "20200315");
    assertEquals(LocalDate.of(2020, 3, 15), ds.getDateTime(ACQUISITION_DATE_TIME));
    ds.setString(ACQUISITION_DATE_TIME, VR.DT, "2020031514");
    assertEquals(LocalDateTime.of(2020, 3, 15, 14, 0), ds.getDateTime(ACQUISITION_DATE_TIME));
    ds.setString(ACQUISITION_DATE_TIME, VR.DT, "20200315143015.5-0130");
    assertEquals(
        OffsetDateTime.of(2020, 3, 15, 14, 30, 15, 500_000_000, ZoneOffset.ofHoursMinutes(-1, -30)),
        ds.getDateTime(ACQUISITION_DATE_TIME));
  }

  @Test
  void writesDatesTimesAndDateTimesInDicomForm() {
    DicomDataset ds = new DicomDataset();
    ds.setDate(STUDY_DATE, LocalDate.of(2001, 2, 3));
    assertEquals("20010203", ds.getText(STUDY_DATE));
    ds.setTime(STUDY_TIME, LocalTime.of(4, 5, 6));
    assertEquals("040506", ds.getText(STUDY_TIME));
    ds.setTime(STUDY_TIME, LocalTime.of(4, 5, 6, 7000));
    assertEquals("040506.000007", ds.getText(STUDY_TIME));
    ds.setDateTime(ACQUISITION_DATE_TIME, Year.of(1999));
    assertEquals("1999", ds.getText(ACQUISITION_DATE_TIME));
    ds.setDateTime(
        ACQUISITION_DATE_TIME, OffsetDateTime.of(2001, 2, 3, 4, 5, 6, 0, ZoneOffset.ofHours(9)));
    assertEquals("20010203040506+0900", ds.getText(ACQUISITION_DATE_TIME));
    assertEquals(VR.DT, ds.vr(ACQUISITION_DATE_TIME));
  }

  @Test
  void splitsPersonNamesIntoComponentGroups() {
    DicomDataset ds = new DicomDataset();
    ds.setString(PATIENT_NAME, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
    PersonName pn = ds.getPersonName(PATIENT_NAME);
    assertEquals("Yamada", pn.familyName());
    assertEquals("Tarou", pn.givenName());
    assertEquals("山田^太郎", pn.ideographic());
    assertEquals("太郎", pn.component(PersonName.IDEOGRAPHIC, 1));
    assertEquals("たろう", pn.component(PersonName.PHONETIC, 1));
    assertEquals("", pn.middleName());
    // PS3.5 6.2.1: trailing empty components are omitted.
    ds.setPersonName(PATIENT_NAME, PersonName.of("Doe", "John", null, "Dr.", null));
    assertEquals("Doe^John^^Dr.", ds.getText(PATIENT_NAME));
    ds.setPersonName(
        PATIENT_NAME, PersonName.of("Doe", null, null, null, null), PersonName.parse("Roe^Jane"));
    assertEquals("Doe\\Roe^Jane", ds.getText(PATIENT_NAME));
    assertThrows(IllegalArgumentException.class, () -> PersonName.parse("a=b=c=d"));
    assertThrows(
        IllegalArgumentException.class, () -> PersonName.of("a^b", null, null, null, null));
  }

  @Test
  void encodesAttributeTagsAsGroupThenElement() {
    DicomDataset ds = new DicomDataset();
    ds.setInt(FRAME_INCREMENT_POINTER, VR.AT, 0x00181063, 0x7FE00010);
    // PS3.5 Table 6.2-1 AT: (0018,1063) is 18 00 63 10 in little endian.
    assertArrayEquals(
        new byte[] {0x18, 0x00, 0x63, 0x10, (byte) 0xE0, 0x7F, 0x10, 0x00},
        ds.getBytes(FRAME_INCREMENT_POINTER));
    assertArrayEquals(new int[] {0x00181063, 0x7FE00010}, ds.getInts(FRAME_INCREMENT_POINTER));
    assertArrayEquals(
        new String[] {"00181063", "7FE00010"}, ds.getStrings(FRAME_INCREMENT_POINTER));
    ds.setString(FRAME_INCREMENT_POINTER, VR.AT, "(0054,0080)");
    assertArrayEquals(new int[] {0x00540080}, ds.getInts(FRAME_INCREMENT_POINTER));
  }

  @Test
  void findsAndReservesPrivateCreatorBlocks() {
    DicomDataset ds = new DicomDataset();
    assertEquals(-1, ds.privateTag(0x0029, "ACME 1.0", 0x01, false));
    assertFalse(ds.contains(0x00290010));
    // The first free block is (0029,0010): elements (0029,1000-10FF).
    assertEquals(0x00291001, ds.privateTag(0x0029, "ACME 1.0", 0x01, true));
    assertEquals("ACME 1.0", ds.getString(0x00290010));
    assertEquals(VR.LO, ds.vr(0x00290010));
    assertEquals(0x002910FF, ds.privateTag(0x0029, "ACME 1.0", 0xFF, false));
    // Another creator gets the next block.
    assertEquals(0x00291102, ds.privateTag(0x0029, "OTHER", 0x02, true));
    // A creator stored with LO padding is found.
    ds.putValue(0x00290012, VR.LO, "PADDED ".getBytes());
    assertEquals(0x00291200, ds.privateTag(0x0029, "PADDED", 0x00, false));
    // A gap is reused.
    ds.remove(0x00290010);
    assertEquals(0x00291005, ds.privateTag(0x0029, "NEW", 0x05, true));
    assertEquals("NEW", ds.privateCreator(0x00291005));
    assertEquals("OTHER", ds.privateCreator(0x00291102));
    assertNull(ds.privateCreator(0x00100010));
    assertNull(ds.privateCreator(0x00291305));
  }

  @Test
  void rejectsPrivateTagsOutsidePrivateGroups() {
    DicomDataset ds = new DicomDataset();
    assertThrows(IllegalArgumentException.class, () -> ds.privateTag(0x0010, "X", 1, true));
    assertThrows(IllegalArgumentException.class, () -> ds.privateTag(0x0007, "X", 1, true));
    assertThrows(IllegalArgumentException.class, () -> ds.privateTag(0xFFFF, "X", 1, true));
    assertThrows(IllegalArgumentException.class, () -> ds.privateTag(0x0009, "X", 0x100, true));
    assertThrows(IllegalArgumentException.class, () -> ds.privateTag(0x0009, " ", 1, true));
    assertThrows(NullPointerException.class, () -> ds.privateTag(0x0009, null, 1, true));
  }

  @Test
  void failsWhenAllPrivateBlocksAreTaken() {
    DicomDataset ds = new DicomDataset();
    for (int b = 0x10; b <= 0xFF; b++) {
      ds.setString(0x00110000 | b, VR.LO, "C" + b);
    }
    assertEquals(0x0011FF07, ds.privateTag(0x0011, "C255", 7, true));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ds.privateTag(0x0011, "NEW", 1, true));
    assertTrue(e.getMessage().contains("(0011,0010-00FF)"), e.getMessage());
  }

  private static DicomDataset nested() {
    DicomDataset ds = new DicomDataset();
    ds.setString(PATIENT_ID, VR.LO, "P1");
    Sequence series = ds.newSequence(REFERENCED_SERIES);
    DicomDataset item = series.addNewItem();
    item.setString(SOP_INSTANCE_UID, VR.UI, "1.2.3");
    DicomDataset inner = item.newSequence(REFERENCED_INSTANCES).addNewItem();
    inner.setString(SOP_INSTANCE_UID, VR.UI, "1.2.3.4");
    Fragments f = new Fragments();
    f.add(new byte[0]);
    f.add(new byte[] {1, 2});
    ds.setFragments(PIXEL_DATA, VR.OB, f);
    return ds;
  }

  @Test
  void deepCopyIsIndependentAtEveryLevel() {
    DicomDataset ds = nested();
    DicomDataset copy = ds.deepCopy();
    assertEquals(ds, copy);
    DicomDataset copyInner =
        copy.getItem(REFERENCED_SERIES).getSequence(REFERENCED_INSTANCES).get(0);
    copyInner.setString(SOP_INSTANCE_UID, VR.UI, "9.9");
    copy.getSequence(REFERENCED_SERIES).addNewItem();
    copy.getFragments(PIXEL_DATA).add(new byte[] {3, 4});
    assertNotEquals(ds, copy);
    DicomDataset inner = ds.getItem(REFERENCED_SERIES).getSequence(REFERENCED_INSTANCES).get(0);
    assertEquals("1.2.3.4", inner.getString(SOP_INSTANCE_UID));
    assertEquals(1, ds.getSequence(REFERENCED_SERIES).size());
    assertEquals(2, ds.getFragments(PIXEL_DATA).size());
    // Copied items belong to the copied sequences.
    assertTrue(copyInner.parent().parent().parent().parent().parent() == null);
    assertTrue(copy.getSequence(REFERENCED_SERIES).parent() == copy);
  }

  @Test
  void readOnlyViewRejectsModificationAtEveryNestingLevel() {
    DicomDataset ds = nested();
    DicomDataset view = ds.readOnlyView();
    assertTrue(view.isReadOnly());
    assertThrows(UnsupportedOperationException.class, () -> view.setString(PATIENT_ID, "x"));
    assertThrows(UnsupportedOperationException.class, () -> view.remove(PATIENT_ID));
    assertThrows(UnsupportedOperationException.class, () -> view.newSequence(0x00081140));
    assertThrows(UnsupportedOperationException.class, () -> view.setEmpty(STUDY_DATE, VR.DA));
    assertThrows(UnsupportedOperationException.class, () -> view.privateTag(0x0009, "X", 1, true));
    Sequence series = view.getSequence(REFERENCED_SERIES);
    assertTrue(series.isReadOnly());
    assertThrows(UnsupportedOperationException.class, series::addNewItem);
    assertThrows(UnsupportedOperationException.class, () -> series.remove(0));
    assertThrows(UnsupportedOperationException.class, series::clear);
    DicomDataset item = series.get(0);
    assertThrows(UnsupportedOperationException.class, () -> item.setString(SOP_INSTANCE_UID, "1"));
    DicomDataset inner = item.getSequence(REFERENCED_INSTANCES).items().get(0);
    assertTrue(inner.isReadOnly());
    assertThrows(UnsupportedOperationException.class, () -> inner.remove(SOP_INSTANCE_UID));
    for (DicomDataset d : item.getSequence(REFERENCED_INSTANCES)) {
      assertThrows(UnsupportedOperationException.class, () -> d.setInt(ROWS, 1));
    }
    assertThrows(
        UnsupportedOperationException.class, () -> view.getFragments(PIXEL_DATA).add(new byte[2]));
    // The view reflects later changes of the data set, and a copy of it is writable.
    ds.setString(PATIENT_ID, VR.LO, "P2");
    assertEquals("P2", view.getString(PATIENT_ID));
    DicomDataset copy = view.deepCopy();
    copy.setString(PATIENT_ID, VR.LO, "P3");
    assertEquals("P2", ds.getString(PATIENT_ID));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DicomDataset().newSequence(REFERENCED_SERIES).add(view));
  }

  @Test
  void equalityComparesTagsVrsAndValuesNotEncodings() {
    DicomDataset a = new DicomDataset();
    DicomDataset b = new DicomDataset();
    a.setString(PATIENT_ID, VR.LO, "ID");
    b.putValue(PATIENT_ID, VR.LO, "ID ".getBytes());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    b.putValue(PATIENT_ID, VR.SH, "ID".getBytes());
    assertNotEquals(a, b);
  }

  @Test
  void rejectsOutOfRangeDateAndTimeFieldsWithIllegalArgumentException() {
    DicomDataset ds = new DicomDataset();
    ds.setBytes(STUDY_DATE, VR.DA, "20042099".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    ds.setBytes(STUDY_TIME, VR.TM, "256199".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    ds.setBytes(
        ACQUISITION_DATE_TIME,
        VR.DT,
        "20041399".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    // Month 20, hour 25 and month 13 are out of range (PS3.5 Table 6.2-1): documented as
    // IllegalArgumentException, not java.time's DateTimeException.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ds.getDate(STUDY_DATE));
    assertTrue(e.getMessage().contains("20042099"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ds.getTime(STUDY_TIME));
    assertThrows(IllegalArgumentException.class, () -> ds.getDateTime(ACQUISITION_DATE_TIME));
  }

  @Test
  void keepsTheBytesOfTextItsCharacterSetCannotEncodeAfterReadingIt() {
    // 0xA6 is not in the default repertoire (ISO IR 6); reading the value must not make the data
    // set unwritable, so the bytes stay as they were.
    byte[] raw = {'D', 'o', 'e', (byte) 0xA6, 'J'};
    DicomDataset ds = new DicomDataset();
    ds.setBytes(PATIENT_ID, VR.LO, raw);
    assertEquals(5, ds.getString(PATIENT_ID).length());
    assertArrayEquals(raw, ds.getBytes(PATIENT_ID));
    // Any value read stays the bytes it was read as (padding included); the decoded text sits
    // beside them, so writing reproduces the input exactly.
    byte[] padded = "ORIGINAL ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    ds.setBytes(IMAGE_TYPE, VR.CS, padded);
    assertEquals("ORIGINAL", ds.getString(IMAGE_TYPE));
    assertArrayEquals(padded, (byte[]) ds.valueAt(ds.indexOf(IMAGE_TYPE)));
  }
}
