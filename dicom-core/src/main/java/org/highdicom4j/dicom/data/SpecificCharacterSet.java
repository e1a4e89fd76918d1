package org.highdicom4j.dicom.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** TEMPORARY placeholder until the charset branch merges. */
public final class SpecificCharacterSet {
  /** Default. */
  public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0]);

  private final String[] values;
  private final Charset cs;

  private SpecificCharacterSet(String[] values) {
    this.values = values;
    this.cs =
        values.length > 0 && values[0].trim().equals("ISO_IR 192")
            ? StandardCharsets.UTF_8
            : StandardCharsets.ISO_8859_1;
  }

  /**
   * Of.
   *
   * @param values values
   * @return set
   */
  public static SpecificCharacterSet of(String... values) {
    return values == null || values.length == 0 ? DEFAULT : new SpecificCharacterSet(values);
  }

  /**
   * Decode.
   *
   * @param b bytes
   * @param off offset
   * @param len length
   * @param vr vr
   * @return string
   */
  public String decode(byte[] b, int off, int len, VR vr) {
    return new String(
        b, off, len, vr.usesSpecificCharacterSet() ? cs : StandardCharsets.ISO_8859_1);
  }

  /**
   * Encode.
   *
   * @param s string
   * @param vr vr
   * @return bytes
   */
  public byte[] encode(String s, VR vr) {
    return s.getBytes(vr.usesSpecificCharacterSet() ? cs : StandardCharsets.ISO_8859_1);
  }

  /**
   * Values.
   *
   * @return values
   */
  public List<String> values() {
    return Arrays.asList(values);
  }
}
