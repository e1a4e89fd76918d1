package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.highdicom4j.dicom.json.JsonLexer.Token;

/**
 * Parses JSON (RFC 8259) test fixtures and tool output into plain Java values with the library's
 * own {@link JsonLexer} and {@link JsonNode}: objects become {@link LinkedHashMap}, arrays {@link
 * ArrayList}, numbers {@link Long} when written without fraction and exponent (else {@link
 * Double}), strings, booleans and null. Lives beside the package-private lexer so that tests of
 * other packages need no JSON parser of their own.
 */
public final class PlainJson {
  /** Deep enough for any fixture; the lexer's limit only guards against hostile nesting. */
  private static final int MAX_DEPTH = 1000;

  private PlainJson() {}

  /**
   * Parses one JSON value.
   *
   * @param text the JSON text
   * @return the value
   * @throws IllegalArgumentException when the text is not JSON
   */
  public static Object parse(String text) {
    JsonLexer lex = new JsonLexer(new StringReader(text));
    try {
      JsonNode node = JsonNode.read(lex, 0, MAX_DEPTH, MAX_DEPTH);
      if (lex.next() != Token.EOF) {
        throw lex.error("trailing characters (expected the end of input)", -1);
      }
      return plain(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  private static Object plain(JsonNode n) {
    switch (n.type) {
      case STRING:
        return n.text;
      case NUMBER:
        if (n.text.indexOf('.') < 0 && n.text.indexOf('e') < 0 && n.text.indexOf('E') < 0) {
          return Long.parseLong(n.text);
        }
        return Double.parseDouble(n.text);
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      case BEGIN_ARRAY:
        List<Object> a = new ArrayList<>();
        for (JsonNode c : n.children) {
          a.add(plain(c));
        }
        return a;
      case BEGIN_OBJECT:
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n.children.size(); i++) {
          m.put(n.names.get(i).text, plain(n.children.get(i)));
        }
        return m;
      default:
        return null; // NULL: JsonNode.read returns no other token types
    }
  }
}
