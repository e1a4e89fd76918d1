package org.highdicom4j.formats;

import java.io.IOException;

/**
 * Signals an image file (NIfTI-1, NRRD, NumPy) whose bytes cannot be used: a malformed or
 * unsupported header field, a size that does not fit the file, truncated or corrupt data. The
 * message has the form {@code <format> <field> (byte <offset>) <problem> (expected …): <actual>}.
 */
public class ImageFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The value of {@link #offset()} when the position is not known. */
  public static final long UNKNOWN = -1;

  private final String format;
  private final String field;
  private final long offset;

  /**
   * Creates an exception for a problem in a named field.
   *
   * @param format the file format, e.g. "NIfTI-1"
   * @param field the header field or data part, e.g. "dim[0]" or "data"
   * @param offset byte offset of the field in the file (or in the decompressed stream), or {@link
   *     #UNKNOWN}
   * @param problem what is wrong, e.g. "unsupported number of dimensions (expected 2 to 4): 7"
   */
  public ImageFormatException(String format, String field, long offset, String problem) {
    this(format, field, offset, problem, null);
  }

  /**
   * Creates an exception for a problem in a named field with an underlying cause.
   *
   * @param format the file format
   * @param field the header field or data part
   * @param offset byte offset, or {@link #UNKNOWN}
   * @param problem what is wrong
   * @param cause the underlying exception, or null
   */
  public ImageFormatException(
      String format, String field, long offset, String problem, Throwable cause) {
    super(
        format + " " + field + (offset >= 0 ? " (byte " + offset + ")" : "") + " " + problem,
        cause);
    this.format = format;
    this.field = field;
    this.offset = offset;
  }

  /** Returns the file format, e.g. "NIfTI-1", "NRRD" or "NPY". */
  public String format() {
    return format;
  }

  /** Returns the header field or data part that is wrong. */
  public String field() {
    return field;
  }

  /** Returns the byte offset of the problem, or {@link #UNKNOWN}. */
  public long offset() {
    return offset;
  }
}
