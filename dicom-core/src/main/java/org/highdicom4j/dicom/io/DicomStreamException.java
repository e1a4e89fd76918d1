package org.highdicom4j.dicom.io;

import java.io.IOException;
import org.highdicom4j.dicom.dict.ElementDictionary;

/**
 * Signals bytes that cannot be parsed or decoded as DICOM: a truncated stream, an impossible
 * length, a corrupt codestream. The message names the byte offset and the tag being read when they
 * are known, in the form {@code <Keyword> (gggg,eeee) <problem> at byte offset <n>}.
 */
public class DicomStreamException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The value of {@link #offset()} and {@link #tag()} when not known. */
  public static final long UNKNOWN = -1;

  private final long offset;
  private final long tag;

  /**
   * Creates an exception for a problem at a known position.
   *
   * @param problem what is wrong, e.g. "value length exceeds remaining bytes (expected ≤ 12):
   *     4000000"
   * @param offset byte offset in the stream where the problem was found, or {@link #UNKNOWN}
   * @param tag the tag being read as an unsigned 32-bit value (group high), or {@link #UNKNOWN}
   */
  public DicomStreamException(String problem, long offset, long tag) {
    super(format(problem, offset, tag));
    this.offset = offset;
    this.tag = tag;
  }

  /**
   * Creates an exception for a problem at a known position with an underlying cause.
   *
   * @param problem what is wrong
   * @param offset byte offset, or {@link #UNKNOWN}
   * @param tag the tag being read, or {@link #UNKNOWN}
   * @param cause the underlying exception
   */
  public DicomStreamException(String problem, long offset, long tag, Throwable cause) {
    super(format(problem, offset, tag), cause);
    this.offset = offset;
    this.tag = tag;
  }

  /**
   * Creates an exception whose position is not known (e.g. inside a compressed codestream).
   *
   * @param problem what is wrong
   */
  public DicomStreamException(String problem) {
    this(problem, UNKNOWN, UNKNOWN);
  }

  /** Returns the byte offset where the problem was found, or {@link #UNKNOWN}. */
  public long offset() {
    return offset;
  }

  /** Returns the tag (group in the high 16 bits) being read, or {@link #UNKNOWN}. */
  public long tag() {
    return tag;
  }

  private static String format(String problem, long offset, long tag) {
    StringBuilder sb = new StringBuilder();
    if (tag >= 0) {
      String keyword = ElementDictionary.keywordOf((int) tag);
      if (keyword != null) {
        sb.append(keyword).append(' ');
      }
      sb.append(String.format("(%04X,%04X) ", (tag >>> 16) & 0xffff, tag & 0xffff));
    }
    sb.append(problem);
    if (offset >= 0) {
      sb.append(" at byte offset ").append(offset);
    }
    return sb.toString();
  }
}
