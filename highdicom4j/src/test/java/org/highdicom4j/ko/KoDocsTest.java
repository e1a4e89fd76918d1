package org.highdicom4j.ko;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.coding.cid.CID7010;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.testing.DocSnippets;
import org.highdicom4j.sr.EvidenceReference;
import org.highdicom4j.sr.ObserverContext;
import org.highdicom4j.sr.PersonObserverIdentifyingAttributes;
import org.highdicom4j.sr.SrValidators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java snippets of docs/ko.md, compiled and run; the guide must hold each verbatim. */
class KoDocsTest {
  static final String SELF = "highdicom4j/src/test/java/org/highdicom4j/ko/KoDocsTest.java";

  static Path testdata() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !java.nio.file.Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    if (p == null) {
      if (System.getenv("CI") != null) {
        org.junit.jupiter.api.Assertions.fail("shared/testdata is missing (required in CI)");
      }
      System.out.println("SKIP: shared/testdata not found; KO docs test skipped");
      org.junit.jupiter.api.Assumptions.assumeTrue(false);
    }
    return p.resolve("shared/testdata");
  }

  @Test
  void guideContainsEverySnippet() throws Exception {
    assertEquals(2, DocSnippets.assertGuideContainsSnippets(SELF, "docs/ko.md"));
  }

  @Test
  void createAndRead(@TempDir Path dir) throws Exception {
    Path ct = testdata().resolve("highdicom/ct_image.dcm");
    Path seg = testdata().resolve("highdicom/seg_image_ct_binary.dcm");
    Path outPath = dir.resolve("ko.dcm");
    // snippet: docs/ko.md creating
    DicomDataset image = DicomReader.read(ct).dataset();
    DicomDataset segmentation = DicomReader.read(seg).dataset();

    KeyObjectSelection selection =
        new KeyObjectSelection(
            CID7010.OfInterest, // the document title, from CID 7010
            List.of(image, segmentation), // IMAGE items (both have Rows and Columns)
            new ObserverContext(
                new PersonObserverIdentifyingAttributes("Doe^Jane", null, null, null, null)),
            null, // no device observer
            "Lesion and its segmentation");

    KeyObjectSelectionDocument kos =
        KeyObjectSelectionDocument.builder()
            .evidence(List.of(image, segmentation))
            .content(selection)
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(100)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("Manufacturer")
            .build();
    kos.write(outPath);
    // end snippet
    SrValidators.assertValid(outPath);

    Path path = outPath;
    // snippet: docs/ko.md reading
    KeyObjectSelectionDocument read = KeyObjectSelectionDocument.read(path);
    String title = read.content().documentTitle().meaning(); // "Of Interest"
    List<EvidenceReference> all = read.getReferencedInstances();
    List<EvidenceReference> segs =
        read.getReferencedInstances(UID.SegmentationStorage, null, null); // by SOP class
    EvidenceReference where = read.resolveReference(all.get(0).sopInstanceUid());
    String series = where.seriesInstanceUid(); // the series the instance belongs to
    // end snippet
    assertEquals("Of Interest", title);
    assertEquals(2, all.size());
    assertEquals(1, segs.size());
    assertEquals(image.getString(org.highdicom4j.dicom.dict.Tag.SeriesInstanceUID), series);
  }
}
