package org.highdicom4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.codec.Transcoder;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.PersonName;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.ReadOptions;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.highdicom4j.dicom.io.WriteOptions;
import org.highdicom4j.dicom.json.DicomJsonReader;
import org.highdicom4j.dicom.json.DicomJsonWriter;
import org.highdicom4j.dicom.testing.DocSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of docs/core.md and docs/pixel-data.md, compiled and run. Each test body
 * repeats its snippet verbatim between the markers; keep the two in sync.
 */
class DocsSnippetsTest {
  static final String SELF = "cli/src/test/java/org/highdicom4j/cli/DocsSnippetsTest.java";

  @Test
  void guidesContainEverySnippet() throws Exception {
    assertEquals(6, DocSnippets.assertGuideContainsSnippets(SELF, "docs/core.md"));
    assertEquals(2, DocSnippets.assertGuideContainsSnippets(SELF, "docs/pixel-data.md"));
  }

  @Test
  void coreDataSets() {
    // snippet: docs/core.md data sets
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou");
    ds.setString(Tag.PatientID, VR.LO, "P-001");
    ds.setDate(Tag.StudyDate, LocalDate.of(2024, 1, 15));
    ds.setDouble(Tag.PixelSpacing, VR.DS, 0.7, 0.7);
    ds.setInt(Tag.Rows, VR.US, 512);

    PersonName name = ds.getPersonName(Tag.PatientName); // family "Yamada", given "Tarou"
    double[] spacing = ds.getDoubles(Tag.PixelSpacing); // {0.7, 0.7}
    int rows = ds.getInt(Tag.Rows, 0); // 512
    // end snippet
    assertEquals("Yamada", name.familyName());
    assertEquals("Tarou", name.givenName());
    assertArrayEquals(new double[] {0.7, 0.7}, spacing);
    assertEquals(512, rows);

    // snippet: docs/core.md sequences
    Sequence refs = ds.newSequence(Tag.ReferencedSeriesSequence);
    DicomDataset item = refs.addNewItem();
    item.setString(Tag.SeriesInstanceUID, VR.UI, UidGenerator.newUid());
    // end snippet
    assertEquals(1, ds.getSequence(Tag.ReferencedSeriesSequence).size());

    // snippet: docs/core.md private elements
    int tag = ds.privateTag(0x0029, "ACME 1.0", 0x10, true); // e.g. (0029,1010)
    ds.setString(tag, VR.LO, "vendor value");
    // end snippet
    assertEquals(0x00291010, tag);
    assertEquals("ACME 1.0", ds.getString(0x00290010));
  }

  @Test
  void coreFilesAndJson(@TempDir Path dir) throws Exception {
    Path path = CliTest.testdata().resolve("pydicom/MR_small.dcm");
    Path out = dir.resolve("implicit.dcm");
    // snippet: docs/core.md reading
    DicomFile file = DicomReader.read(path); // everything in memory
    DicomFile lazy = DicomReader.read(path, ReadOptions.DEFAULT.withBulkDataThreshold(64 * 1024));
    DicomFile header = DicomReader.read(path, ReadOptions.DEFAULT.withStopBeforePixelData(true));
    // end snippet
    assertFalse(header.dataset().contains(Tag.PixelData));
    assertEquals(file.dataset(), lazy.dataset());

    // snippet: docs/core.md writing
    DicomWriter.write(
        out,
        file.dataset(),
        file.fileMetaInformation(),
        WriteOptions.DEFAULT.withTransferSyntax("1.2.840.10008.1.2")); // Implicit VR LE
    // end snippet
    assertEquals("1.2.840.10008.1.2", DicomReader.read(out).transferSyntax().uid());

    DicomDataset ds = file.dataset();
    // snippet: docs/core.md JSON
    String json = DicomJsonWriter.toJson(ds);
    DicomDataset back = DicomJsonReader.fromJson(json);
    // end snippet
    assertEquals(ds.getString(Tag.SOPInstanceUID), back.getString(Tag.SOPInstanceUID));
  }

  @Test
  void pixelDataGuide(@TempDir Path dir) throws Exception {
    Path path = CliTest.testdata().resolve("pydicom-data/emri_small.dcm");
    Path out = dir.resolve("rle.dcm");
    // snippet: docs/pixel-data.md decoding
    DicomFile file = DicomReader.read(path);
    PixelDataFrames frames =
        new PixelDataFrames(file.dataset(), file.transferSyntax(), CodecRegistry.getDefault());
    DecodedFrame stored = frames.decodeStored(0); // masked to Bits Stored, sign-extended
    List<DecodedFrame> all = frames.decodeAll(); // in parallel on all cores
    // end snippet
    assertEquals(frames.numberOfFrames(), all.size());
    // snippet: docs/pixel-data.md transcoding
    DicomDataset rle =
        Transcoder.defaultTranscoder()
            .transcode(
                file.dataset(), file.transferSyntax(), TransferSyntax.of("1.2.840.10008.1.2.5"));
    DicomWriter.write(
        out, rle, null, WriteOptions.DEFAULT.withTransferSyntax("1.2.840.10008.1.2.5"));
    // end snippet
    DicomFile back = DicomReader.read(out);
    PixelDataFrames decoded =
        new PixelDataFrames(back.dataset(), back.transferSyntax(), CodecRegistry.getDefault());
    assertArrayEquals(stored.data(), decoded.decodeStored(0).data());
    assertTrue(back.dataset().getFragments(Tag.PixelData) != null);
  }
}
