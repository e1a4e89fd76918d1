package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Base64;

/**
 * A minimal streaming JSON writer: objects, arrays, names and scalar values, compact or indented
 * with two spaces, inserting commas itself.
 */
final class JsonOutput {
  private static final int CHUNK = 3 * 4096;
  private final Writer out;
  private final boolean pretty;
  private boolean[] first = new boolean[32];
  private int depth;
  private boolean afterName;

  JsonOutput(Writer out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  void beginObject() throws IOException {
    begin('{');
  }

  void endObject() throws IOException {
    end('}');
  }

  void beginArray() throws IOException {
    begin('[');
  }

  void endArray() throws IOException {
    end(']');
  }

  void name(String name) throws IOException {
    separate();
    string(name);
    out.write(pretty ? ": " : ":");
    afterName = true;
  }

  void stringValue(String s) throws IOException {
    separate();
    string(s);
  }

  /** Writes a number token; the caller guarantees JSON number syntax. */
  void numberValue(String number) throws IOException {
    separate();
    out.write(number);
  }

  void nullValue() throws IOException {
    separate();
    out.write("null");
  }

  /** Writes bytes as a base64 string, encoding in chunks. */
  void base64Value(byte[] b) throws IOException {
    separate();
    out.write('"');
    Base64.Encoder enc = Base64.getEncoder();
    for (int p = 0; p < b.length; p += CHUNK) {
      byte[] chunk = Arrays.copyOfRange(b, p, Math.min(b.length, p + CHUNK));
      byte[] e = enc.encode(chunk);
      char[] c = new char[e.length];
      for (int i = 0; i < e.length; i++) {
        c[i] = (char) e[i];
      }
      out.write(c);
    }
    out.write('"');
  }

  void flush() throws IOException {
    out.flush();
  }

  private void begin(char c) throws IOException {
    separate();
    out.write(c);
    depth++;
    if (depth == first.length) {
      first = Arrays.copyOf(first, depth * 2);
    }
    first[depth] = true;
  }

  private void end(char c) throws IOException {
    boolean empty = first[depth];
    depth--;
    if (pretty && !empty) {
      newline();
    }
    out.write(c);
  }

  private void separate() throws IOException {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth == 0) {
      return;
    }
    if (!first[depth]) {
      out.write(',');
    }
    first[depth] = false;
    if (pretty) {
      newline();
    }
  }

  private void newline() throws IOException {
    out.write('\n');
    for (int i = 0; i < depth; i++) {
      out.write("  ");
    }
  }

  private void string(String s) throws IOException {
    out.write('"');
    int start = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String esc = null;
      if (c == '"') {
        esc = "\\\"";
      } else if (c == '\\') {
        esc = "\\\\";
      } else if (c < 0x20) {
        switch (c) {
          case '\n':
            esc = "\\n";
            break;
          case '\r':
            esc = "\\r";
            break;
          case '\t':
            esc = "\\t";
            break;
          default:
            esc = String.format("\\u%04x", (int) c);
        }
      }
      if (esc != null) {
        out.write(s, start, i - start);
        out.write(esc);
        start = i + 1;
      }
    }
    out.write(s, start, n - start);
    out.write('"');
  }
}
