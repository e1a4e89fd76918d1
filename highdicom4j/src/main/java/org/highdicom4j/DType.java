package org.highdicom4j;

/**
 * The element types of {@link NdArray}, named after their numpy equivalents, which is what
 * highdicom's arrays use.
 */
public enum DType {
  /** Boolean, stored as bytes 0 and 1. */
  BOOL(1, false, false),
  /** Unsigned 8-bit integer. */
  UINT8(1, false, false),
  /** Signed 8-bit integer. */
  INT8(1, true, false),
  /** Unsigned 16-bit integer. */
  UINT16(2, false, false),
  /** Signed 16-bit integer. */
  INT16(2, true, false),
  /** Unsigned 32-bit integer. */
  UINT32(4, false, false),
  /** Signed 32-bit integer. */
  INT32(4, true, false),
  /** IEEE 754 single precision. */
  FLOAT32(4, true, true),
  /** IEEE 754 double precision. */
  FLOAT64(8, true, true);

  private final int size;
  private final boolean signed;
  private final boolean floating;

  DType(int size, boolean signed, boolean floating) {
    this.size = size;
    this.signed = signed;
    this.floating = floating;
  }

  /** Returns the size of one element in bytes. */
  public int size() {
    return size;
  }

  /** Returns true for signed integer and floating-point types. */
  public boolean isSigned() {
    return signed;
  }

  /** Returns true for FLOAT32 and FLOAT64. */
  public boolean isFloatingPoint() {
    return floating;
  }

  /** Returns the smallest value of an integer type (0 for BOOL), or -∞ for floating point. */
  public double min() {
    switch (this) {
      case INT8:
        return Byte.MIN_VALUE;
      case INT16:
        return Short.MIN_VALUE;
      case INT32:
        return Integer.MIN_VALUE;
      case FLOAT32:
      case FLOAT64:
        return Double.NEGATIVE_INFINITY;
      default:
        return 0;
    }
  }

  /** Returns the largest value of an integer type, or +∞ for floating point. */
  public double max() {
    switch (this) {
      case BOOL:
        return 1;
      case UINT8:
        return 0xff;
      case INT8:
        return Byte.MAX_VALUE;
      case UINT16:
        return 0xffff;
      case INT16:
        return Short.MAX_VALUE;
      case UINT32:
        return 0xffffffffL;
      case INT32:
        return Integer.MAX_VALUE;
      default:
        return Double.POSITIVE_INFINITY;
    }
  }

  /** Returns the numpy name, e.g. "uint16". */
  public String numpyName() {
    return this == BOOL ? "bool" : name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Returns the type of stored pixel values: BitsAllocated and Pixel Representation (PS3.3
   * C.7.6.3.1) as numpy would hold them (BitsAllocated 1 as UINT8).
   *
   * @param bitsAllocated 1, 8, 16 or 32
   * @param signed Pixel Representation is 1
   * @return the type
   */
  public static DType forPixels(int bitsAllocated, boolean signed) {
    switch (bitsAllocated) {
      case 1:
      case 8:
        return signed ? INT8 : UINT8;
      case 16:
        return signed ? INT16 : UINT16;
      case 32:
        return signed ? INT32 : UINT32;
      default:
        throw new IllegalArgumentException(
            "BitsAllocated (0028,0100) has no integer array type (expected 1, 8, 16 or 32): "
                + bitsAllocated);
    }
  }
}
