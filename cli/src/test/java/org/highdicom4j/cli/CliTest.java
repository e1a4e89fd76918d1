package org.highdicom4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The hd4j commands' contract: output format, exit status and messages. */
class CliTest {

  /** Runs a command, capturing standard output and error. */
  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Hd4j.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int status = cl.execute(args);
    return new String[] {Integer.toString(status), out.toString(), err.toString()};
  }

  static Path testdata() {
    return ReferenceDecodingsTest.shared().resolve("testdata");
  }

  @Test
  void dumpPrintsElementsWithKeywordsAndExitsZero() {
    Path f = testdata().resolve("pydicom/CT_small.dcm");
    String[] r = run("dump", f.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("# Dicom-Meta-Information-Header"), r[1]);
    assertTrue(
        r[1].matches("(?s).*\\(0010,0010\\) PN \\[CompressedSamples\\^CT1\\].*PatientName.*"));
    assertTrue(r[1].contains("(7fe0,0010) OW"), r[1]);
  }

  @Test
  void dumpHeadsEachFileWhenGivenSeveral() {
    Path a = testdata().resolve("pydicom/CT_small.dcm");
    Path b = testdata().resolve("pydicom/MR_small.dcm");
    String[] r = run("dump", a.toString(), b.toString());
    assertEquals("0", r[0]);
    assertTrue(r[1].contains("# File: " + a), r[1]);
    assertTrue(r[1].contains("# File: " + b), r[1]);
  }

  @Test
  void dumpFailsWithReasonOnStandardError(@TempDir Path dir) throws Exception {
    Path bogus = dir.resolve("not-dicom.dcm");
    Files.writeString(bogus, "this is not DICOM but long enough to look like a header...");
    String[] r = run("dump", bogus.toString());
    assertNotEquals("0", r[0]);
    assertTrue(r[2].contains(bogus.toString()), r[2]);
  }

  @Test
  void pixelsPrintsOneLinePerRequestedFrame() {
    Path f = testdata().resolve("pydicom-data/emri_small.dcm");
    String[] r = run("pixels", "--sha256", "--frames", "1,3-4", f.toString());
    assertEquals("0", r[0], r[2]);
    String[] lines = r[1].strip().split("\n");
    assertEquals(3, lines.length, r[1]);
    String[] first = lines[0].split("\t");
    assertEquals(11, first.length);
    assertEquals("1", first[1]);
    assertEquals("4", lines[2].split("\t")[1]);
    assertEquals(64, first[7].length(), "hex SHA-256");
  }

  @Test
  void pixelsReportsUndecodableFilesAsErrorLines() {
    Path f = testdata().resolve("pydicom/MR_truncated.dcm");
    String[] r = run("pixels", "--sha256", f.toString());
    assertNotEquals("0", r[0]);
    assertTrue(r[1].startsWith(f + "\tERROR\t"), r[1]);
  }

  @Test
  void pixelsRejectsFramesOutsideTheFile() {
    Path f = testdata().resolve("pydicom/CT_small.dcm");
    String[] r = run("pixels", "--sha256", "--frames", "2", f.toString());
    assertNotEquals("0", r[0]);
    assertTrue(r[1].contains("outside the file's frames"), r[1]);
  }

  @Test
  void transcodesRleToExplicitLittleEndianWithTheSamePixels(@TempDir Path dir) throws Exception {
    Path rle = testdata().resolve("pydicom/MR_small_RLE.dcm");
    Path out = dir.resolve("out.dcm");
    String[] r = run("transcode", rle.toString(), out.toString(), "--ts", "1.2.840.10008.1.2.1");
    assertEquals("0", r[0], r[2]);
    byte[] ours = DicomReader.read(out).dataset().getBytes(Tag.PixelData);
    byte[] native_ =
        DicomReader.read(testdata().resolve("pydicom/MR_small.dcm"))
            .dataset()
            .getBytes(Tag.PixelData);
    assertTrue(java.util.Arrays.equals(native_, ours));
  }

  @Test
  void transcodeNamesAnUnsupportedSyntax(@TempDir Path dir) {
    Path f = testdata().resolve("pydicom/MR_small.dcm");
    String[] r =
        run("transcode", f.toString(), dir.resolve("x.dcm").toString(), "--ts", "1.2.3.4.5");
    assertNotEquals("0", r[0]);
    assertTrue(r[2].contains("1.2.3.4.5"), r[2]);
    assertTrue(Files.notExists(dir.resolve("x.dcm")), "no half-written output");
  }

  @Test
  void demoWritesValidSeriesAndSummarises(@TempDir Path dir) {
    String[] r = run("demo", "--out", dir.toString(), "--slices", "8", "--size", "32");
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(r[1].contains("8 CT Image Storage instances, 32 x 32 int16"), r[1]);
    assertTrue(r[1].contains("-1000 .. 700 HU"), r[1]);
    assertTrue(Files.exists(dir.resolve("ct/CT0008.dcm")));
  }

  @Test
  void dumpJsonLinesGivesOneLinePerFileWithDatasetOrError(@TempDir Path dir) throws Exception {
    Path good = testdata().resolve("pydicom/CT_small.dcm");
    Path bad = dir.resolve("empty.dcm");
    Files.write(bad, new byte[0]);
    String[] r = run("dump", "--json-lines", good.toString(), bad.toString());
    assertNotEquals("0", r[0]);
    String[] lines = r[1].strip().split("\n");
    assertEquals(2, lines.length, r[1]);
    assertTrue(lines[0].startsWith("{\"file\": \"" + good + "\", \"dataset\": {"), lines[0]);
    assertTrue(lines[0].contains("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":"));
    assertTrue(
        lines[1].startsWith("{\"file\": \"" + bad + "\", \"error\": \"not a DICOM file"), lines[1]);
  }

  @Test
  void dumpJsonOfSeveralFilesIsAnArrayThatReadsBack() throws Exception {
    Path a = testdata().resolve("pydicom/CT_small.dcm");
    Path b = testdata().resolve("pydicom/MR_small.dcm");
    String[] r = run("dump", "--json", a.toString(), b.toString());
    assertEquals("0", r[0], r[2]);
    java.util.List<org.highdicom4j.dicom.data.DicomDataset> read =
        org.highdicom4j.dicom.json.DicomJsonReader.readAll(r[1]);
    assertEquals(2, read.size());
    assertEquals(
        DicomReader.read(b).dataset().getString(Tag.SOPInstanceUID),
        read.get(1).getString(Tag.SOPInstanceUID));
  }
}
