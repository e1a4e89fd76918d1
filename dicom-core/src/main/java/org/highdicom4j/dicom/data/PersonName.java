package org.highdicom4j.dicom.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Person Name (PN) value (PS3.5 Section 6.2.1): up to three component groups (alphabetic,
 * ideographic, phonetic) separated by '=', each with up to five components (family name, given
 * name, middle name, name prefix, name suffix) separated by '^'.
 */
public final class PersonName {
  /** Index of the alphabetic component group. */
  public static final int ALPHABETIC = 0;

  /** Index of the ideographic component group. */
  public static final int IDEOGRAPHIC = 1;

  /** Index of the phonetic component group. */
  public static final int PHONETIC = 2;

  private final String value;
  private final String[][] groups;

  private PersonName(String value) {
    this.value = value;
    String[] g = value.split("=", -1);
    if (g.length > 3) {
      throw new IllegalArgumentException(
          "Person Name has more than three component groups (expected ≤ 2 '='): " + value);
    }
    groups = new String[3][];
    for (int i = 0; i < 3; i++) {
      String[] comps = i < g.length ? g[i].split("\\^", -1) : new String[0];
      if (comps.length > 5) {
        throw new IllegalArgumentException(
            "Person Name component group has more than five components (expected ≤ 4 '^'): "
                + value);
      }
      groups[i] = Arrays.copyOf(comps, 5);
      for (int k = 0; k < 5; k++) {
        if (groups[i][k] == null) {
          groups[i][k] = "";
        }
      }
    }
  }

  /**
   * Parses a PN value as stored, e.g. "Yamada^Tarou=山田^太郎=やまだ^たろう".
   *
   * @param value the value (one value of a possibly multi-valued element)
   * @return the name
   * @throws IllegalArgumentException when there are more than 3 groups or 5 components
   */
  public static PersonName parse(String value) {
    return new PersonName(Objects.requireNonNull(value, "value"));
  }

  /**
   * Builds a name from alphabetic components; trailing empty components are omitted.
   *
   * @param familyName family name complex
   * @param givenName given name complex
   * @param middleName middle name
   * @param namePrefix prefix, e.g. "Dr."
   * @param nameSuffix suffix, e.g. "Jr."
   * @return the name
   */
  public static PersonName of(
      String familyName,
      String givenName,
      String middleName,
      String namePrefix,
      String nameSuffix) {
    String[] c = {familyName, givenName, middleName, namePrefix, nameSuffix};
    int last = -1;
    for (int i = 0; i < 5; i++) {
      if (c[i] == null) {
        c[i] = "";
      }
      if (c[i].contains("^") || c[i].contains("=") || c[i].contains("\\")) {
        throw new IllegalArgumentException(
            "Person Name component must not contain '^', '=' or '\\': " + c[i]);
      }
      if (!c[i].isEmpty()) {
        last = i;
      }
    }
    return parse(String.join("^", Arrays.copyOf(c, last + 1)));
  }

  /**
   * Returns one component.
   *
   * @param group {@link #ALPHABETIC}, {@link #IDEOGRAPHIC} or {@link #PHONETIC}
   * @param component 0 family, 1 given, 2 middle, 3 prefix, 4 suffix
   * @return the component, empty when absent
   */
  public String component(int group, int component) {
    return groups[group][component];
  }

  /**
   * Returns a component group as stored (components joined with '^').
   *
   * @param group {@link #ALPHABETIC}, {@link #IDEOGRAPHIC} or {@link #PHONETIC}
   * @return the group, empty when absent
   */
  public String group(int group) {
    String[] g = value.split("=", -1);
    return group < g.length ? g[group] : "";
  }

  /** Returns the alphabetic component group, e.g. "Yamada^Tarou". */
  public String alphabetic() {
    return group(ALPHABETIC);
  }

  /** Returns the ideographic component group. */
  public String ideographic() {
    return group(IDEOGRAPHIC);
  }

  /** Returns the phonetic component group. */
  public String phonetic() {
    return group(PHONETIC);
  }

  /** Returns the alphabetic family name complex. */
  public String familyName() {
    return groups[ALPHABETIC][0];
  }

  /** Returns the alphabetic given name complex. */
  public String givenName() {
    return groups[ALPHABETIC][1];
  }

  /** Returns the alphabetic middle name. */
  public String middleName() {
    return groups[ALPHABETIC][2];
  }

  /** Returns the alphabetic name prefix. */
  public String namePrefix() {
    return groups[ALPHABETIC][3];
  }

  /** Returns the alphabetic name suffix. */
  public String nameSuffix() {
    return groups[ALPHABETIC][4];
  }

  /** Returns the value as stored in DICOM. */
  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonName && ((PersonName) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
