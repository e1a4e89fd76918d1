package org.highdicom4j.dicom.data;

/**
 * A DICOM Value Representation (PS3.5 Section 6.2): the data type and encoding rules of a data
 * element's value.
 *
 * <p>Each constant knows its two-character code, whether Explicit VR encodings use the long
 * (reserved + 32-bit) length header, its padding byte, its maximum value length in bytes (for
 * string VRs, per value) and the size of one binary value.
 */
public enum VR {
  /** Application Entity: up to 16 characters, space padded. */
  AE(Kind.STRING, false, ' ', 16, 0),
  /** Age String: 4 characters, nnnD/W/M/Y. */
  AS(Kind.STRING, false, ' ', 4, 0),
  /** Attribute Tag: pairs of 16-bit unsigned integers. */
  AT(Kind.BINARY, false, 0, 0, 4),
  /** Code String: up to 16 characters, uppercase, digits, space and underscore. */
  CS(Kind.STRING, false, ' ', 16, 0),
  /** Date: YYYYMMDD. */
  DA(Kind.STRING, false, ' ', 8, 0),
  /** Decimal String: up to 16 characters. */
  DS(Kind.STRING, false, ' ', 16, 0),
  /** Date Time: YYYYMMDDHHMMSS.FFFFFF&amp;ZZXX, up to 26 characters. */
  DT(Kind.STRING, false, ' ', 26, 0),
  /** Floating Point Single: IEEE 754 32-bit. */
  FL(Kind.BINARY, false, 0, 0, 4),
  /** Floating Point Double: IEEE 754 64-bit. */
  FD(Kind.BINARY, false, 0, 0, 8),
  /** Integer String: up to 12 characters. */
  IS(Kind.STRING, false, ' ', 12, 0),
  /** Long String: up to 64 characters. */
  LO(Kind.STRING, false, ' ', 64, 0),
  /** Long Text: up to 10240 characters, single valued. */
  LT(Kind.TEXT, false, ' ', 10240, 0),
  /** Other Byte: a byte stream. */
  OB(Kind.BINARY, true, 0, 0, 1),
  /** Other Double: 64-bit floats. */
  OD(Kind.BINARY, true, 0, 0, 8),
  /** Other Float: 32-bit floats. */
  OF(Kind.BINARY, true, 0, 0, 4),
  /** Other Long: 32-bit words. */
  OL(Kind.BINARY, true, 0, 0, 4),
  /** Other Very Long: 64-bit words. */
  OV(Kind.BINARY, true, 0, 0, 8),
  /** Other Word: 16-bit words. */
  OW(Kind.BINARY, true, 0, 0, 2),
  /** Person Name: up to 64 characters per component group. */
  PN(Kind.STRING, false, ' ', 64 * 3 + 2, 0),
  /** Short String: up to 16 characters. */
  SH(Kind.STRING, false, ' ', 16, 0),
  /** Signed Long: 32-bit signed integers. */
  SL(Kind.BINARY, false, 0, 0, 4),
  /** Sequence of Items. */
  SQ(Kind.SEQUENCE, true, 0, 0, 0),
  /** Signed Short: 16-bit signed integers. */
  SS(Kind.BINARY, false, 0, 0, 2),
  /** Short Text: up to 1024 characters, single valued. */
  ST(Kind.TEXT, false, ' ', 1024, 0),
  /** Signed Very Long: 64-bit signed integers. */
  SV(Kind.BINARY, true, 0, 0, 8),
  /** Time: HHMMSS.FFFFFF. */
  TM(Kind.STRING, false, ' ', 14, 0),
  /** Unlimited Characters. */
  UC(Kind.STRING, true, ' ', 0, 0),
  /** Unique Identifier: up to 64 characters, NUL padded. */
  UI(Kind.STRING, false, 0, 64, 0),
  /** Unsigned Long: 32-bit unsigned integers. */
  UL(Kind.BINARY, false, 0, 0, 4),
  /** Unknown: bytes whose VR is not known. */
  UN(Kind.BINARY, true, 0, 0, 1),
  /** Universal Resource Identifier or Locator, single valued. */
  UR(Kind.TEXT, true, ' ', 0, 0),
  /** Unsigned Short: 16-bit unsigned integers. */
  US(Kind.BINARY, false, 0, 0, 2),
  /** Unlimited Text, single valued. */
  UT(Kind.TEXT, true, ' ', 0, 0),
  /** Unsigned Very Long: 64-bit unsigned integers. */
  UV(Kind.BINARY, true, 0, 0, 8);

  /** How a VR's value is structured. */
  public enum Kind {
    /** Character string, possibly multi-valued with backslash delimiters. */
    STRING,
    /** Character text that is single valued: backslash is an ordinary character. */
    TEXT,
    /** Fixed-size binary values (numbers, tags, bytes, words). */
    BINARY,
    /** A sequence of items. */
    SEQUENCE
  }

  private static final VR[] BY_CODE = new VR[26 * 26];

  static {
    for (VR vr : values()) {
      String n = vr.name();
      BY_CODE[(n.charAt(0) - 'A') * 26 + (n.charAt(1) - 'A')] = vr;
    }
  }

  private final Kind kind;
  private final boolean longHeader;
  private final byte padding;
  private final int maxLength;
  private final int valueSize;
  private final int code;

  VR(Kind kind, boolean longHeader, int padding, int maxLength, int valueSize) {
    this.kind = kind;
    this.longHeader = longHeader;
    this.padding = (byte) padding;
    this.maxLength = maxLength;
    this.valueSize = valueSize;
    this.code = (name().charAt(0) << 8) | name().charAt(1);
  }

  /** Returns the structure of this VR's values. */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns true when Explicit VR encodings of this VR use a 2-byte reserved field and a 32-bit
   * length (PS3.5 Table 7.1-1), false when they use a 16-bit length.
   */
  public boolean hasLongHeader() {
    return longHeader;
  }

  /** Returns the byte used to pad a value to even length: space for text, NUL otherwise. */
  public byte paddingByte() {
    return padding;
  }

  /**
   * Returns the maximum length in characters of one value of a string VR (PS3.5 Table 6.2-1), or 0
   * when unlimited or not applicable.
   */
  public int maxLength() {
    return maxLength;
  }

  /** Returns the size in bytes of one binary value (e.g. 2 for US), or 0 for non-binary VRs. */
  public int valueSize() {
    return valueSize;
  }

  /** Returns true for character-based VRs (strings and texts). */
  public boolean isText() {
    return kind == Kind.STRING || kind == Kind.TEXT;
  }

  /** Returns true for binary VRs: numbers, tags and byte or word streams (OB, OW, UN …). */
  public boolean isBinary() {
    return kind == Kind.BINARY;
  }

  /**
   * Returns true for VRs whose text is affected by Specific Character Set (0008,0005): SH, LO, UC,
   * ST, LT, UT and PN.
   */
  public boolean usesSpecificCharacterSet() {
    return this == SH
        || this == LO
        || this == UC
        || this == ST
        || this == LT
        || this == UT
        || this == PN;
  }

  /** Returns the two ASCII characters of the VR packed into an int, first character high. */
  public int code() {
    return code;
  }

  /**
   * Returns the VR with the given two ASCII characters, or null when they name no VR.
   *
   * @param c1 first byte of the VR field
   * @param c2 second byte of the VR field
   * @return the VR or null
   */
  public static VR fromBytes(int c1, int c2) {
    int a = (c1 & 0xff) - 'A';
    int b = (c2 & 0xff) - 'A';
    if (a < 0 || a >= 26 || b < 0 || b >= 26) {
      return null;
    }
    return BY_CODE[a * 26 + b];
  }

  /**
   * Returns the VR with the given name.
   *
   * @param code two upper-case letters, e.g. "PN"
   * @return the VR
   * @throws IllegalArgumentException when {@code code} names no VR
   */
  public static VR fromCode(String code) {
    VR vr = code != null && code.length() == 2 ? fromBytes(code.charAt(0), code.charAt(1)) : null;
    if (vr == null) {
      throw new IllegalArgumentException("Unknown VR (expected two letters such as PN): " + code);
    }
    return vr;
  }
}
