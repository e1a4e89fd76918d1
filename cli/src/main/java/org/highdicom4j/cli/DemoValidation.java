package org.highdicom4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.seg.Segmentation;

/**
 * Runs dciodvfy (dicom3tools) over the objects {@code hd4j demo} writes and counts its Error and
 * Warning lines per file, as {@code ../shared/tools/dicom-validate} does.
 *
 * <p>dciodvfy's editions packaged by Debian predate the Label Map Segmentation Storage SOP class
 * (Supplement 243) and do not check its files. A LABELMAP file is therefore validated as a copy
 * whose SOP Class UID is Segmentation Storage, ignoring only the messages that Supplement 243 makes
 * obsolete ({@link #LABELMAP_IGNORES}, the same list as the library's SEG conformance tests).
 */
final class DemoValidation {
  /** The dciodvfy messages that Supplement 243 (Label Map Segmentation) supersedes. */
  static final List<Pattern> LABELMAP_IGNORES =
      List.of(
          // SegmentationType LABELMAP is defined by Sup 243, after the validator's edition.
          Pattern.compile("Unrecognized enumerated value <LABELMAP>"),
          // Label maps describe segment 0, the background.
          Pattern.compile("Value is zero for value 1 of attribute <Segment Number>"),
          // ... and so need not number their segments 1, 2, 3 from one.
          Pattern.compile("SegmentNumber not monotonically increasing from one"),
          // Label map frames hold all segments, so Sup 243 drops Segment Identification.
          Pattern.compile(
              "Missing attribute Type 1 Required Element=<SegmentIdentificationSequence>"));

  /**
   * The verdict of dciodvfy on one file.
   *
   * @param file the file
   * @param errors the number of Error lines (after the LABELMAP tolerance)
   * @param warnings the number of Warning lines
   * @param errorLines the Error lines
   */
  record Result(Path file, int errors, int warnings, List<String> errorLines) {}

  private DemoValidation() {}

  /** Tells whether dciodvfy is on the PATH. */
  static boolean available() {
    return DemoCommand.onPath("dciodvfy");
  }

  /**
   * Validates one file.
   *
   * @param file the file
   * @param labelMap whether it is a Label Map Segmentation (validated as Segmentation Storage)
   * @return the verdict
   * @throws IOException when dciodvfy cannot be run
   * @throws InterruptedException when interrupted while waiting for it
   */
  static Result validate(Path file, boolean labelMap) throws IOException, InterruptedException {
    Path target = labelMap ? asSegmentationStorage(file) : file;
    try {
      Process p =
          new ProcessBuilder("dciodvfy", target.toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      String text = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      int warnings = 0;
      List<String> errors = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.startsWith("Warning")) {
          warnings++;
        } else if (line.startsWith("Error") && !(labelMap && ignored(line))) {
          errors.add(line);
        }
      }
      return new Result(file, errors.size(), warnings, List.copyOf(errors));
    } finally {
      if (labelMap) {
        Files.deleteIfExists(target);
      }
    }
  }

  private static boolean ignored(String line) {
    for (Pattern p : LABELMAP_IGNORES) {
      if (p.matcher(line).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Copies a Label Map Segmentation with Segmentation Storage as its SOP class (in File Meta
   * Information and data set), so that dciodvfy checks every module of the IOD.
   */
  static Path asSegmentationStorage(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] from = Segmentation.LABEL_MAP_SEGMENTATION_STORAGE.getBytes(StandardCharsets.US_ASCII);
    byte[] to = UID.SegmentationStorage.getBytes(StandardCharsets.US_ASCII);
    // "…66.7" and "…66.4" have the same length: the UIDs are replaced in place.
    for (int i = 0; i + from.length <= bytes.length; i++) {
      int k = 0;
      while (k < from.length && bytes[i + k] == from[k]) {
        k++;
      }
      if (k == from.length) {
        System.arraycopy(to, 0, bytes, i, to.length);
      }
    }
    Path copy = Files.createTempFile("hd4j-demo-labelmap-", ".dcm");
    Files.write(copy, bytes);
    return copy;
  }
}
