package org.highdicom4j.sr;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsing of the DICOM strings of the {@code *Values} enums. */
final class Enums {
  private Enums() {}

  static <E extends Enum<E>> E parse(
      E[] constants, String value, String attribute, Function<E, String> dicom) {
    Objects.requireNonNull(value, "value");
    String v = value.strip();
    for (E e : constants) {
      if (dicom.apply(e).equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        attribute
            + " has an unknown value (expected one of "
            + Arrays.stream(constants).map(dicom).collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
