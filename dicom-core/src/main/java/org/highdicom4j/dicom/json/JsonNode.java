package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.dicom.json.JsonLexer.Token;

/**
 * A parsed JSON value with the position of its first token, for messages. {@link DicomJsonReader}
 * reads one attribute at a time into such a tree, so that attribute properties may come in any
 * order ("Value" before "vr").
 */
final class JsonNode {
  final Token type;
  final int line;
  final int column;
  final long offset;
  String text;
  List<JsonNode> names;
  List<JsonNode> children;

  JsonNode(Token type, JsonLexer lex) {
    this.type = type;
    this.line = lex.line();
    this.column = lex.column();
    this.offset = lex.offset();
  }

  /**
   * Reads one JSON value; {@code jsonDepth} is its nesting level, checked against {@code
   * maxJsonDepth} so that hostile nesting ends in an exception, not a stack overflow.
   */
  static JsonNode read(JsonLexer lex, int jsonDepth, int maxJsonDepth, int maxDepth)
      throws IOException {
    Token t = lex.next();
    JsonNode n = new JsonNode(t, lex);
    if (jsonDepth > maxJsonDepth) {
      throw lex.error(
          "JSON nesting too deep (expected at most "
              + maxDepth
              + " sequence levels, "
              + maxJsonDepth
              + " JSON levels)",
          -1);
    }
    switch (t) {
      case STRING:
      case NUMBER:
        n.text = lex.text();
        return n;
      case TRUE:
      case FALSE:
      case NULL:
        return n;
      case BEGIN_ARRAY:
        n.children = new ArrayList<>();
        if (lex.peek() == Token.END_ARRAY) {
          lex.next();
          return n;
        }
        while (true) {
          n.children.add(read(lex, jsonDepth + 1, maxJsonDepth, maxDepth));
          Token sep = lex.next();
          if (sep == Token.END_ARRAY) {
            return n;
          }
          if (sep != Token.COMMA) {
            throw lex.error("unexpected token in array (expected , or ]): " + sep, -1);
          }
        }
      case BEGIN_OBJECT:
        n.children = new ArrayList<>();
        n.names = new ArrayList<>();
        if (lex.peek() == Token.END_OBJECT) {
          lex.next();
          return n;
        }
        while (true) {
          if (lex.next() != Token.STRING) {
            throw lex.error("unexpected token in object (expected a member name string)", -1);
          }
          JsonNode key = new JsonNode(Token.STRING, lex);
          key.text = lex.text();
          n.names.add(key);
          if (lex.next() != Token.COLON) {
            throw lex.error("missing colon after member name (expected :)", -1);
          }
          n.children.add(read(lex, jsonDepth + 1, maxJsonDepth, maxDepth));
          Token sep = lex.next();
          if (sep == Token.END_OBJECT) {
            return n;
          }
          if (sep != Token.COMMA) {
            throw lex.error("unexpected token in object (expected , or }): " + sep, -1);
          }
        }
      case EOF:
        throw lex.error("input ends early (expected a JSON value)", -1);
      default:
        throw lex.error("unexpected token (expected a JSON value): " + t, -1);
    }
  }
}
