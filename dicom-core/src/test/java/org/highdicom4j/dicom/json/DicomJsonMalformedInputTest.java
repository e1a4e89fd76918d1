package org.highdicom4j.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed DICOM JSON gives DicomJsonException with tag and position, never anything else. */
class DicomJsonMalformedInputTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "empty input|``|unexpected start of input|1|1",
        "a bare number|42|unexpected start of input|1|1",
        "truncated string|{\"00100010\": {\"vr\": \"PN\", \"Value\": [{\"Alphabetic\": \"Doe|unterminated string|1|52",
        "truncated object|{\"00100010\": {\"vr\": \"PN\"|unexpected token in object|1|25",
        "truncated after a member|{\"00100010\": {\"vr\": \"PN\"},|unexpected token in data set|1|27",
        "missing colon|{\"00100010\" {}}|missing colon|1|13",
        "trailing content|{} x|unexpected character|1|4",
        "second value|{} {}|unexpected content after the JSON value|1|4",
        "invalid number|{\"00280010\": {\"vr\": \"US\", \"Value\": [01]}}|invalid number|1|37",
        "invalid literal|{\"00280010\": {\"vr\": \"US\", \"Value\": [nul]}}|invalid literal|1|37",
        "invalid escape|{\"00100020\": {\"vr\": \"LO\", \"Value\": [\"a\\x\"]}}|invalid escape|1|37",
        "bad unicode escape|{\"00100020\": {\"vr\": \"LO\", \"Value\": [\"\\u12G4\"]}}|invalid \\u escape|1|37",
        "attribute not an object|{\"00100010\": \"Doe\"}|attribute is not an object|1|14",
        "Value not an array|{\"00280010\": {\"vr\": \"US\", \"Value\": 5}}|Value is not an array|1|36",
        "string for US|{\"00280010\": {\"vr\": \"US\", \"Value\": [\"abc\"]}}|US value is not a number|1|37",
        "US out of range|{\"00280010\": {\"vr\": \"US\", \"Value\": [70000]}}|US value out of range|1|37",
        "SS out of range|{\"00280106\": {\"vr\": \"SS\", \"Value\": [-32769]}}|SS value out of range|1|37",
        "UV negative|{\"0072007B\": {\"vr\": \"UV\", \"Value\": [-1]}}|UV value out of range|1|37",
        "US fraction|{\"00280010\": {\"vr\": \"US\", \"Value\": [1.5]}}|not an integer|1|37",
        "huge exponent|{\"00280010\": {\"vr\": \"US\", \"Value\": [1e999999999]}}|out of range|1|37",
        "FL overflow|{\"00189220\": {\"vr\": \"FL\", \"Value\": [1e39]}}|FL value out of range|1|37",
        "FD as object|{\"00189219\": {\"vr\": \"FD\", \"Value\": [{}]}}|wrong JSON type|1|37",
        "bad base64|{\"00091010\": {\"vr\": \"OB\", \"InlineBinary\": \"AA$=\"}}|not valid base64|1|43",
        "InlineBinary number|{\"00091010\": {\"vr\": \"OB\", \"InlineBinary\": 12}}|InlineBinary is not a string|1|43",
        "OB with Value|{\"00091010\": {\"vr\": \"OB\", \"Value\": [1, 2]}}|expected InlineBinary or BulkDataURI|1|36",
        "unknown VR|{\"00100010\": {\"vr\": \"XX\"}}|unknown VR|1|21",
        "VR not a string|{\"00100010\": {\"vr\": 5}}|vr is not a string|1|21",
        "lower-case VR|{\"00100010\": {\"vr\": \"pn\"}}|unknown VR|1|21",
        "tag too short|{\"0010001\": {\"vr\": \"PN\"}}|attribute name is not a tag|1|2",
        "tag not hex|{\"0010001G\": {\"vr\": \"PN\"}}|attribute name is not a tag|1|2",
        "duplicate tag|{\"00100010\": {\"vr\": \"PN\"}, \"00100010\": {\"vr\": \"PN\"}}|appears twice|1|28",
        "duplicate property|{\"00100010\": {\"vr\": \"PN\", \"vr\": \"PN\"}}|property appears twice|1|27",
        "Value and InlineBinary|{\"00091010\": {\"vr\": \"OB\", \"Value\": [], \"InlineBinary\": \"\"}}|several values|1|14",
        "AT too short|{\"00280009\": {\"vr\": \"AT\", \"Value\": [\"0018106\"]}}|AT value is not a tag|1|37",
        "AT number|{\"00280009\": {\"vr\": \"AT\", \"Value\": [1577059]}}|AT value is not a tag|1|37",
        "PN number|{\"00100010\": {\"vr\": \"PN\", \"Value\": [5]}}|wrong JSON type|1|37",
        "PN group number|{\"00100010\": {\"vr\": \"PN\", \"Value\": [{\"Alphabetic\": 5}]}}|PN component group is not a string|1|52",
        "SQ item not an object|{\"00081115\": {\"vr\": \"SQ\", \"Value\": [1]}}|sequence item is not an object|1|37",
        "SQ with InlineBinary|{\"00081115\": {\"vr\": \"SQ\", \"InlineBinary\": \"\"}}|InlineBinary on VR SQ|1|43",
        "SQ with BulkDataURI|{\"00081115\": {\"vr\": \"SQ\", \"BulkDataURI\": \"x\"}}|BulkDataURI on a sequence|1|42",
        "item tag not hex|{\"00081115\": {\"vr\": \"SQ\", \"Value\": [{\"zz\": {}}]}}|attribute name is not a tag|1|38",
        "two data sets for one|[{}, {}]|more than one data set|1|6",
        "no data set for one|[]|array is empty|1|3",
        "array of non-objects|[1]|array element is not an object|1|2",
        "control character|{\"00100020\": {\"vr\": \"LO\", \"Value\": [\"a\tb\"]}}|control character|1|37",
      })
  void rejectsMalformedInput(String what, String json, String fragment, int line, int column) {
    DicomJsonException e =
        assertThrows(
            DicomJsonException.class, () -> DicomJsonReader.fromJson(json == null ? "" : json));
    assertTrue(e.getMessage().contains(fragment), what + ": " + e.getMessage());
    assertEquals(line, e.line(), what + ": " + e.getMessage());
    assertEquals(column, e.column(), what + ": " + e.getMessage());
    assertTrue(e.getMessage().contains("at line " + line + ", column " + column), e.getMessage());
  }

  @Test
  void namesTheTagInMessages() {
    DicomJsonException e =
        assertThrows(
            DicomJsonException.class,
            () ->
                DicomJsonReader.fromJson(
                    "{\n  \"00280010\": {\n    \"vr\": \"US\",\n    \"Value\": [70000]\n  }\n}"));
    assertEquals(Tag.Rows, e.tag());
    assertEquals(4, e.line());
    assertEquals(15, e.column());
    assertTrue(
        e.getMessage()
            .startsWith("Rows (0028,0010) US value out of range (expected 0..65535): 70000"),
        e.getMessage());
  }

  @Test
  void rejectsSequencesNestedBeyondTheLimit() {
    StringBuilder sb = new StringBuilder();
    int depth = 70;
    for (int i = 0; i < depth; i++) {
      sb.append("{\"0040A730\":{\"vr\":\"SQ\",\"Value\":[");
    }
    sb.append("{}");
    for (int i = 0; i < depth; i++) {
      sb.append("]}}");
    }
    DicomJsonException e =
        assertThrows(DicomJsonException.class, () -> DicomJsonReader.fromJson(sb.toString()));
    assertTrue(e.getMessage().contains("too deep"), e.getMessage());
    // Within the limit it reads.
    DicomDataset ds =
        DicomJsonReader.fromJson(sb.toString(), JsonReadOptions.DEFAULT.withMaxDepth(80));
    assertEquals(VR.SQ, ds.vr(Tag.ContentSequence));
  }

  @Test
  void rejectsDeepJsonNestingWithoutOverflowingTheStack() {
    int depth = 200_000;
    String json =
        "{\"00100020\":{\"vr\":\"LO\",\"Value\":" + "[".repeat(depth) + "]".repeat(depth) + "}}";
    DicomJsonException e =
        assertThrows(DicomJsonException.class, () -> DicomJsonReader.fromJson(json));
    assertTrue(e.getMessage().contains("JSON nesting too deep"), e.getMessage());
  }

  @Test
  void strictReadingRejectsDeviations() {
    JsonReadOptions strict = JsonReadOptions.DEFAULT.withStrict(true);
    String[][] cases = {
      {"{\"0010001a\":{\"vr\":\"LO\"}}", "attribute name is not a tag"},
      {"{\"00100020\":{\"vr\":\"LO\",\"x\":1}}", "unknown attribute property"},
      {"{\"00100020\":{\"vr\":\"LO\",\"Value\":[1]}}", "LO value is a number"},
      {"{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"a\\\\b\"]}}", "contains a backslash"},
      {"{\"00204000\":{\"vr\":\"LT\",\"Value\":[\"a\",\"b\"]}}", "single valued"},
      {"{\"00100010\":{\"vr\":\"PN\",\"Value\":[\"Doe\"]}}", "PN value is a string"},
      {"{\"00081115\":{\"vr\":\"SQ\",\"Value\":[null]}}", "sequence item is null"},
      {"{\"00280010\":{\"vr\":\"US\",\"Value\":[\"1\"]}}", "wrong JSON type"},
      {"{\"00280010\":{\"vr\":\"US\",\"InlineBinary\":\"AAA=\"}}", "InlineBinary on VR US"},
      {"{\"00091010\":{\"vr\":\"OW\",\"InlineBinary\":\"AAAA\"}}", "not a multiple of 2"},
      {"{\"00091010\":{\"vr\":\"OB\",\"InlineBinary\":\"AA\\nAA\"}}", "not valid base64"},
      {"{\"00100020\":{\"vr\":\"LO\",\"BulkDataURI\":\"x\"}}", "BulkDataURI on VR LO"},
      {"{\"00200013\":{\"vr\":\"IS\",\"Value\":[1.5]}}", "IS value is not an integer"},
    };
    for (String[] c : cases) {
      DicomJsonException e =
          assertThrows(
              DicomJsonException.class, () -> DicomJsonReader.fromJson(c[0], strict), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
      // The same input is accepted when tolerant.
      DicomJsonReader.fromJson(c[0]);
    }
  }

  /** A JSON document using every VR and structure, written by our writer. */
  private static String sample() {
    DicomDataset ds = DicomJsonWriterTest.everyVr();
    return DicomJsonWriter.toJson(ds, JsonWriteOptions.DEFAULT.withPretty(true));
  }

  @Test
  void truncatedInputAlwaysGivesDicomJsonException() {
    String json = sample();
    for (int n = 0; n < json.length() - 1; n++) {
      String cut = json.substring(0, n);
      try {
        DicomJsonReader.fromJson(cut);
        if (!cut.isBlank()) {
          fail("accepted a truncated document of " + n + " characters");
        }
      } catch (DicomJsonException expected) {
        // the only acceptable failure
      }
    }
  }

  @Test
  void randomlyCorruptedInputNeverThrowsAnythingElse() {
    String json = sample();
    String alphabet = "{}[]:,\"\\0123456789-+.eE abcfnrtuAFNUL\n\u00e9";
    Random random = new Random(20240607);
    int rejected = 0;
    for (int trial = 0; trial < 3000; trial++) {
      StringBuilder sb = new StringBuilder(json);
      int edits = 1 + random.nextInt(3);
      for (int k = 0; k < edits; k++) {
        int p = random.nextInt(sb.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0:
            sb.setCharAt(p, c);
            break;
          case 1:
            sb.insert(p, c);
            break;
          default:
            sb.deleteCharAt(p);
        }
      }
      try {
        DicomJsonReader.fromJson(sb.toString());
      } catch (DicomJsonException expected) {
        rejected++;
      } catch (RuntimeException other) {
        throw new AssertionError("trial " + trial + " threw " + other + " for:\n" + sb, other);
      }
    }
    assertTrue(rejected > 1000, "most corruptions should be rejected: " + rejected);
  }
}
