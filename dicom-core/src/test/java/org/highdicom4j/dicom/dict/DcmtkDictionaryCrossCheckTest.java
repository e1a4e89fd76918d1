package org.highdicom4j.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.highdicom4j.dicom.data.VR;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares our dictionary with dcmtk's independently maintained one (Debian package libdcmtk17,
 * /usr/share/libdcmtk*&#47;dicom.dic): every standard tag both know must have a compatible VR.
 */
class DcmtkDictionaryCrossCheckTest {
  private static final Pattern LINE =
      Pattern.compile(
          "^\\(([0-9A-Fa-f]{4})(?:-[ou-]*-?[0-9A-Fa-f]{4})?,([0-9A-Fa-f]{4})\\)\t+(\\S+)\t+(\\S+)\t+(\\S+)\t+(\\S+)");

  static Optional<Path> dcmtkDictionary() throws IOException {
    Path share = Path.of("/usr/share");
    if (!Files.isDirectory(share)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(share, "libdcmtk*")) {
      for (Path d : dirs) {
        Path dic = d.resolve("dicom.dic");
        if (Files.isRegularFile(dic)) {
          return Optional.of(dic);
        }
      }
    }
    return Optional.empty();
  }

  /** dcmtk's pseudo VRs for context-dependent elements (dcmdata/dcvr.h). */
  static Set<VR> vrsOf(String code) {
    switch (code) {
      case "xs":
        return Set.of(VR.US, VR.SS);
      case "ox":
      case "px":
        return Set.of(VR.OB, VR.OW);
      case "lt":
        return Set.of(VR.US, VR.SS, VR.OW);
      case "up":
        return Set.of(VR.UL);
      case "na":
        return Set.of();
      default:
        return Set.of(VR.fromCode(code));
    }
  }

  @Test
  void everyTagKnownToDcmtkHasACompatibleVr() throws IOException {
    Optional<Path> dic = dcmtkDictionary();
    if (dic.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail("dcmtk's dicom.dic is missing (apt-get install libdcmtk17)");
      }
      System.out.println("SKIPPED dcmtk cross-check: no /usr/share/libdcmtk*/dicom.dic");
      Assumptions.abort("dcmtk's dicom.dic is missing");
    }
    int compared = 0;
    int onlyDcmtk = 0;
    int keywordDiffers = 0;
    List<String> incompatible = new ArrayList<>();
    for (String line : Files.readAllLines(dic.get(), StandardCharsets.UTF_8)) {
      Matcher m = LINE.matcher(line);
      if (!m.find() || !m.group(6).startsWith("DICOM")) {
        continue;
      }
      int tag = Integer.parseUnsignedInt(m.group(1) + m.group(2), 16);
      Set<VR> theirs = vrsOf(m.group(3));
      Optional<ElementEntry> ours = ElementDictionary.lookup(tag);
      if (ours.isEmpty()) {
        onlyDcmtk++;
        continue;
      }
      compared++;
      String keyword = m.group(4).replaceFirst("^RETIRED_", "");
      if (!keyword.equals(ours.get().keyword())) {
        keywordDiffers++;
      }
      if (theirs.isEmpty()
          ? !ours.get().vrs().isEmpty()
          : ours.get().vrs().stream().noneMatch(theirs::contains)) {
        incompatible.add(
            ElementDictionary.format(tag) + " ours " + ours.get().vrs() + " dcmtk " + theirs);
      }
    }
    System.out.printf(
        "dcmtk cross-check (%s): %d tags compared, %d VR-incompatible, %d keywords differ, %d only"
            + " in dcmtk%n",
        dic.get(), compared, incompatible.size(), keywordDiffers, onlyDcmtk);
    assertTrue(compared > 4500, "too few tags compared: " + compared);
    assertEquals(List.of(), incompatible);
    assertEquals(0, onlyDcmtk, "standard tags that dcmtk knows and we do not");
  }
}
