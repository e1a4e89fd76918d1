package org.highdicom4j.coding;

import java.util.HashMap;
import java.util.Map;

/**
 * SNOMED-RT (SRT) to SNOMED CT (SCT) code values, from pydicom's {@code _snomed_dict.py}; loaded on
 * the first SRT code so that other codes never pay for it.
 */
final class SnomedMapping {
  private SnomedMapping() {}

  private static final class Holder {
    static final Map<String, String> SRT_TO_SCT = load();

    private static Map<String, String> load() {
      Map<String, String> map = new HashMap<>(10_000);
      for (String[] row : Resources.rows("srt-sct.tsv", 2)) {
        map.put(row[0], row[1]);
      }
      return map;
    }
  }

  /**
   * Returns the SCT code value of an SRT code value.
   *
   * @param srtValue an SRT code value such as {@code T-62000}
   * @return the SCT value, or null when the table has none
   */
  static String srtToSct(String srtValue) {
    return Holder.SRT_TO_SCT.get(srtValue);
  }
}
