package org.highdicom4j.sr;

import java.lang.System.Logger.Level;
import org.highdicom4j.dicom.data.PersonName;

/** highdicom's warning for person names that do not look like DICOM PN values. */
final class PnameChecks {
  private static final System.Logger LOG = System.getLogger(PnameChecks.class.getName());

  private PnameChecks() {}

  static PersonName check(PersonName name) {
    String s = name.toString();
    if (s.indexOf('^') < 0 || s.length() > 64 * 3 + 2) {
      LOG.log(
          Level.WARNING,
          "PersonName value does not look like a DICOM PN (expected Family^Given...): {0}",
          s);
    }
    return name;
  }
}
