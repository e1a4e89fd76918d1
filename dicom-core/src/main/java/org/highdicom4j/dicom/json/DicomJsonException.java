package org.highdicom4j.dicom.json;

import org.highdicom4j.dicom.data.DicomDataset;

/**
 * Signals DICOM JSON (PS3.18 Annex F.2) input that cannot be read: malformed JSON or JSON that does
 * not follow the DICOM JSON Model. It names the attribute tag concerned, when there is one, and the
 * position in the input.
 */
public final class DicomJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The value of {@link #tag()} when the problem concerns no particular attribute. */
  public static final int NO_TAG = -1;

  private final int tag;
  private final int line;
  private final int column;
  private final long offset;

  /**
   * Creates an exception.
   *
   * @param problem what is wrong, in the form "problem (expected …): actual"
   * @param tag the attribute tag concerned, or {@link #NO_TAG}
   * @param line 1-based line of the offending JSON token
   * @param column 1-based column (in UTF-16 characters) of the token
   * @param offset 0-based character offset of the token in the input
   */
  public DicomJsonException(String problem, int tag, int line, int column, long offset) {
    super(format(problem, tag, line, column, offset));
    this.tag = tag;
    this.line = line;
    this.column = column;
    this.offset = offset;
  }

  private static String format(String problem, int tag, int line, int column, long offset) {
    String where = " at line " + line + ", column " + column + " (offset " + offset + ")";
    return (tag == NO_TAG ? "" : DicomDataset.tagString(tag) + " ") + problem + where;
  }

  /** Returns the tag of the attribute concerned, or {@link #NO_TAG}. */
  public int tag() {
    return tag;
  }

  /** Returns the 1-based line of the offending token. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column of the offending token, counted in UTF-16 characters. */
  public int column() {
    return column;
  }

  /** Returns the 0-based character offset of the offending token. */
  public long offset() {
    return offset;
  }
}
