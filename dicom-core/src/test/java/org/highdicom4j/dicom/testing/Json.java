package org.highdicom4j.dicom.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON (RFC 8259) parser for test fixtures and tool output: objects become {@link
 * LinkedHashMap}, arrays {@link ArrayList}, numbers {@link Double} (or {@link Long} when integral
 * and without exponent), strings, booleans and null.
 */
public final class Json {
  private final String s;
  private int p;

  private Json(String s) {
    this.s = s;
  }

  /**
   * Parses one JSON value.
   *
   * @param text the JSON text
   * @return the value
   * @throws IllegalArgumentException when the text is not JSON
   */
  public static Object parse(String text) {
    Json j = new Json(text);
    Object v = j.value();
    j.ws();
    if (j.p != text.length()) {
      throw j.error("trailing characters");
    }
    return v;
  }

  private Object value() {
    ws();
    if (p >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(p);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    p++;
    ws();
    if (peek() == '}') {
      p++;
      return m;
    }
    while (true) {
      ws();
      String k = string();
      ws();
      expect(':');
      m.put(k, value());
      ws();
      char c = next();
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw error("expected , or }");
      }
    }
  }

  private List<Object> array() {
    List<Object> a = new ArrayList<>();
    p++;
    ws();
    if (peek() == ']') {
      p++;
      return a;
    }
    while (true) {
      a.add(value());
      ws();
      char c = next();
      if (c == ']') {
        return a;
      }
      if (c != ',') {
        throw error("expected , or ]");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
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
          if (p + 4 > s.length()) {
            throw error("bad \\u escape");
          }
          sb.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
          p += 4;
          break;
        default:
          sb.append(e);
      }
    }
  }

  private Object number() {
    int start = p;
    while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) {
      p++;
    }
    String n = s.substring(start, p);
    if (n.isEmpty()) {
      throw error("unexpected character");
    }
    if (n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0) {
      return Long.parseLong(n);
    }
    return Double.parseDouble(n);
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, p)) {
      throw error("unexpected literal");
    }
    p += word.length();
    return v;
  }

  private void ws() {
    while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
      p++;
    }
  }

  private char peek() {
    return p < s.length() ? s.charAt(p) : '\0';
  }

  private char next() {
    if (p >= s.length()) {
      throw error("unexpected end");
    }
    return s.charAt(p++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected " + c);
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON " + what + " at offset " + p);
  }
}
