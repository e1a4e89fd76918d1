package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.io.Reader;

/**
 * A streaming JSON tokenizer (RFC 8259) over a {@link Reader} that tracks line, column and
 * character offset for messages. Number tokens keep their exact text.
 */
final class JsonLexer {
  /** Token types. */
  enum Token {
    BEGIN_OBJECT,
    END_OBJECT,
    BEGIN_ARRAY,
    END_ARRAY,
    COLON,
    COMMA,
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL,
    EOF
  }

  private final Reader in;
  private final char[] buf = new char[8192];
  private int pos;
  private int limit;
  private long offset;
  private int line = 1;
  private int column = 1;
  private final StringBuilder sb = new StringBuilder();

  private Token peeked;
  private String text;
  private long tokenOffset;
  private int tokenLine;
  private int tokenColumn;

  JsonLexer(Reader in) {
    this.in = in;
  }

  /** Returns the type of the next token without consuming it. */
  Token peek() throws IOException {
    if (peeked == null) {
      peeked = scan();
    }
    return peeked;
  }

  /** Consumes and returns the next token; its text is then {@link #text()}. */
  Token next() throws IOException {
    Token t = peek();
    peeked = null;
    return t;
  }

  /** Returns the text of the last string (unescaped) or number (as written) token. */
  String text() {
    return text;
  }

  int line() {
    return tokenLine;
  }

  int column() {
    return tokenColumn;
  }

  long offset() {
    return tokenOffset;
  }

  /** Creates an exception at the current (last peeked or consumed) token. */
  DicomJsonException error(String problem, int tag) {
    return new DicomJsonException(problem, tag, tokenLine, tokenColumn, tokenOffset);
  }

  private int read() throws IOException {
    if (pos == limit) {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        return -1;
      }
      pos = 0;
      limit = n;
    }
    char c = buf[pos++];
    offset++;
    if (c == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    return c;
  }

  private int peekChar() throws IOException {
    if (pos == limit) {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        return -1;
      }
      pos = 0;
      limit = n;
    }
    return buf[pos];
  }

  private void mark() {
    tokenOffset = offset;
    tokenLine = line;
    tokenColumn = column;
  }

  private Token scan() throws IOException {
    int c;
    while (true) {
      c = peekChar();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c == '\uFEFF' && offset == 0)) {
        read();
      } else {
        break;
      }
    }
    mark();
    if (c < 0) {
      return Token.EOF;
    }
    switch (c) {
      case '{':
        read();
        return Token.BEGIN_OBJECT;
      case '}':
        read();
        return Token.END_OBJECT;
      case '[':
        read();
        return Token.BEGIN_ARRAY;
      case ']':
        read();
        return Token.END_ARRAY;
      case ':':
        read();
        return Token.COLON;
      case ',':
        read();
        return Token.COMMA;
      case '"':
        read();
        scanString();
        return Token.STRING;
      case 't':
        literal("true");
        return Token.TRUE;
      case 'f':
        literal("false");
        return Token.FALSE;
      case 'n':
        literal("null");
        return Token.NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          scanNumber();
          return Token.NUMBER;
        }
        throw error("unexpected character (expected a JSON value): " + describe(c), -1);
    }
  }

  private void literal(String word) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      int c = read();
      if (c != word.charAt(i)) {
        throw error(
            "invalid literal (expected " + word + "): " + (c < 0 ? "end of input" : describe(c)),
            -1);
      }
    }
    int c = peekChar();
    if (Character.isLetterOrDigit(c)) {
      throw error("invalid literal (expected " + word + "): followed by " + describe(c), -1);
    }
  }

  private void scanNumber() throws IOException {
    sb.setLength(0);
    while (true) {
      int c = peekChar();
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
        sb.append((char) read());
        if (sb.length() > 1024) {
          throw error("number too long (expected at most 1024 characters)", -1);
        }
      } else {
        break;
      }
    }
    text = sb.toString();
    if (!isJsonNumber(text)) {
      throw error("invalid number (expected RFC 8259 number syntax): " + text, -1);
    }
  }

  private void scanString() throws IOException {
    sb.setLength(0);
    while (true) {
      int c = read();
      if (c < 0) {
        throw error("unterminated string (expected a closing quote before the end of input)", -1);
      }
      if (c == '"') {
        break;
      }
      if (c < 0x20) {
        throw error("control character in string (expected it escaped): " + describe(c), -1);
      }
      if (c != '\\') {
        sb.append((char) c);
        continue;
      }
      int e = read();
      switch (e) {
        case '"':
        case '\\':
        case '/':
          sb.append((char) e);
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'n':
          sb.append('\n');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u':
          int v = 0;
          for (int i = 0; i < 4; i++) {
            int h = Character.digit(read(), 16);
            if (h < 0) {
              throw error("invalid \\u escape in string (expected 4 hex digits)", -1);
            }
            v = v << 4 | h;
          }
          sb.append((char) v);
          break;
        default:
          throw error(
              "invalid escape in string (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u): "
                  + (e < 0 ? "end of input" : describe(e)),
              -1);
      }
    }
    text = sb.toString();
  }

  private static String describe(int c) {
    return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("U+%04X", c);
  }

  /**
   * Returns true when the text is a JSON number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE]
   * [+-]? [0-9]+)?}.
   */
  static boolean isJsonNumber(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      return false;
    }
    if (s.charAt(i) == '0') {
      i++;
    } else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') {
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    } else {
      return false;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
