package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.ElementDictionary;
import org.highdicom4j.dicom.json.JsonLexer.Token;

/**
 * Reads data sets from the DICOM JSON Model (PS3.18 Annex F.2): a single JSON object, or an array
 * of them as DICOMweb metadata responses give.
 *
 * <p>Text values are stored as decoded strings. IS and DS values keep the exact text of their JSON
 * number (or string). Binary numeric values are encoded little-endian; InlineBinary values are
 * stored as bytes, encapsulated Pixel Data as {@link Fragments} (see the package description);
 * BulkDataURI values are handed to the {@link BulkDataResolver} of the options. Attributes may come
 * in any order. pydicom's counterpart is {@code Dataset.from_json}.
 *
 * <p>Input that is not JSON or does not follow the model raises {@link DicomJsonException} with the
 * tag concerned and the line and column of the offending token; {@link JsonReadOptions#strict()}
 * decides which deviations are tolerated. Nesting is capped by {@link JsonReadOptions#maxDepth()}.
 */
public final class DicomJsonReader {
  private static final System.Logger LOG = System.getLogger(DicomJsonReader.class.getName());
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

  private final JsonLexer lex;
  private final JsonReadOptions options;
  private final int maxJsonDepth;

  private DicomJsonReader(Reader in, JsonReadOptions options) {
    this.lex = new JsonLexer(in);
    this.options = options;
    // Each sequence level takes three JSON levels (attribute, Value array, item object).
    this.maxJsonDepth = 3 * options.maxDepth() + 8;
  }

  /**
   * Reads one data set with the default options.
   *
   * @param json a DICOM JSON object, or an array holding exactly one
   * @return the data set
   * @throws DicomJsonException when the input is not valid DICOM JSON
   */
  public static DicomDataset fromJson(String json) {
    return fromJson(json, JsonReadOptions.DEFAULT);
  }

  /**
   * Reads one data set.
   *
   * @param json a DICOM JSON object, or an array holding exactly one
   * @param options reading options
   * @return the data set
   * @throws DicomJsonException when the input is not valid DICOM JSON
   * @throws UncheckedIOException when the bulk data resolver fails
   */
  public static DicomDataset fromJson(String json, JsonReadOptions options) {
    Objects.requireNonNull(json, "json");
    try {
      return read(new StringReader(json), options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one data set from a character stream (read to its end, not closed).
   *
   * @param in the JSON text
   * @param options reading options
   * @return the data set
   * @throws IOException when the stream cannot be read or the bulk data resolver fails
   * @throws DicomJsonException when the input is not valid DICOM JSON
   */
  public static DicomDataset read(Reader in, JsonReadOptions options) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    return new DicomJsonReader(in, options).top(true).get(0);
  }

  /**
   * Reads every data set of a DICOMweb response with the default options.
   *
   * @param json an array of DICOM JSON objects, or a single object
   * @return the data sets, in order
   * @throws DicomJsonException when the input is not valid DICOM JSON
   */
  public static List<DicomDataset> readAll(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return readAll(new StringReader(json), JsonReadOptions.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads every data set of a DICOMweb response from a character stream, one data set at a time.
   *
   * @param in an array of DICOM JSON objects, or a single object
   * @param options reading options
   * @return the data sets, in order
   * @throws IOException when the stream cannot be read or the bulk data resolver fails
   * @throws DicomJsonException when the input is not valid DICOM JSON
   */
  public static List<DicomDataset> readAll(Reader in, JsonReadOptions options) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    return new DicomJsonReader(in, options).top(false);
  }

  // ------------------------------------------------------------------ structure

  private List<DicomDataset> top(boolean single) throws IOException {
    List<DicomDataset> out = new ArrayList<>();
    Token t = lex.peek();
    if (t == Token.BEGIN_OBJECT) {
      out.add(dataset());
    } else if (t == Token.BEGIN_ARRAY) {
      lex.next();
      if (lex.peek() == Token.END_ARRAY) {
        lex.next();
      } else {
        while (true) {
          lex.peek();
          if (single && !out.isEmpty()) {
            throw lex.error("array holds more than one data set (expected exactly one)", -1);
          }
          if (lex.peek() != Token.BEGIN_OBJECT) {
            throw lex.error(
                "array element is not an object (expected a data set): " + lex.peek(), -1);
          }
          out.add(dataset());
          Token sep = lex.next();
          if (sep == Token.END_ARRAY) {
            break;
          }
          if (sep != Token.COMMA) {
            throw lex.error("unexpected token in array (expected , or ]): " + sep, -1);
          }
        }
      }
    } else {
      throw lex.error("unexpected start of input (expected a JSON object or array): " + t, -1);
    }
    Token end = lex.next();
    if (end != Token.EOF) {
      throw lex.error(
          "unexpected content after the JSON value (expected end of input): " + end, -1);
    }
    if (single && out.isEmpty()) {
      throw lex.error("array is empty (expected exactly one data set)", -1);
    }
    return out;
  }

  /** Reads a top-level data set attribute by attribute, so memory follows the largest attribute. */
  private DicomDataset dataset() throws IOException {
    DicomDataset ds = new DicomDataset();
    lex.next(); // {
    if (lex.peek() == Token.END_OBJECT) {
      lex.next();
      return ds;
    }
    while (true) {
      if (lex.next() != Token.STRING) {
        throw lex.error("unexpected token in data set (expected an attribute tag string)", -1);
      }
      int tag = tagOf(lex.text(), lex.line(), lex.column(), lex.offset(), ds);
      if (lex.next() != Token.COLON) {
        throw lex.error("missing colon after attribute name (expected :)", tag);
      }
      JsonNode attr = JsonNode.read(lex, 2, maxJsonDepth, options.maxDepth());
      attribute(ds, tag, attr, 0);
      Token sep = lex.next();
      if (sep == Token.END_OBJECT) {
        return ds;
      }
      if (sep != Token.COMMA) {
        throw lex.error("unexpected token after attribute (expected , or }): " + sep, -1);
      }
    }
  }

  private DicomJsonException error(JsonNode at, int tag, String problem) {
    return new DicomJsonException(problem, tag, at.line, at.column, at.offset);
  }

  private int tagOf(String key, int line, int column, long offset, DicomDataset ds) {
    boolean ok = key.length() == 8;
    for (int i = 0; ok && i < 8; i++) {
      char c = key.charAt(i);
      ok =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'F')
              || (!options.strict() && c >= 'a' && c <= 'f');
    }
    if (!ok) {
      throw new DicomJsonException(
          "attribute name is not a tag (expected 8 upper-case hex digits such as 00100010): \""
              + key
              + "\"",
          -1,
          line,
          column,
          offset);
    }
    int tag = (int) Long.parseLong(key, 16);
    if (ds.contains(tag)) {
      throw new DicomJsonException(
          "attribute appears twice in one data set (expected unique tags)",
          tag,
          line,
          column,
          offset);
    }
    return tag;
  }

  private void item(DicomDataset item, JsonNode obj, int tag, int depth) throws IOException {
    if (obj.type != Token.BEGIN_OBJECT) {
      throw error(obj, tag, "sequence item is not an object (expected a data set): " + obj.type);
    }
    for (int k = 0; k < obj.names.size(); k++) {
      JsonNode key = obj.names.get(k);
      int t = tagOf(key.text, key.line, key.column, key.offset, item);
      attribute(item, t, obj.children.get(k), depth);
    }
  }

  // ------------------------------------------------------------------ attributes

  private void attribute(DicomDataset ds, int tag, JsonNode attr, int depth) throws IOException {
    if (attr.type != Token.BEGIN_OBJECT) {
      throw error(attr, tag, "attribute is not an object (expected {\"vr\": …}): " + attr.type);
    }
    JsonNode vrNode = null;
    JsonNode value = null;
    JsonNode inline = null;
    JsonNode bulk = null;
    for (int k = 0; k < attr.names.size(); k++) {
      JsonNode key = attr.names.get(k);
      String name = key.text;
      JsonNode child = attr.children.get(k);
      JsonNode previous;
      switch (name) {
        case "vr":
          previous = vrNode;
          vrNode = child;
          break;
        case "Value":
          previous = value;
          value = child;
          break;
        case "InlineBinary":
          previous = inline;
          inline = child;
          break;
        case "BulkDataURI":
          previous = bulk;
          bulk = child;
          break;
        default:
          if (options.strict()) {
            throw error(
                key,
                tag,
                "unknown attribute property (expected vr, Value, InlineBinary or BulkDataURI): "
                    + name);
          }
          continue;
      }
      if (previous != null) {
        throw error(key, tag, "attribute property appears twice (expected once): " + name);
      }
    }
    VR vr = vr(tag, attr, vrNode);
    int kinds = (value != null ? 1 : 0) + (inline != null ? 1 : 0) + (bulk != null ? 1 : 0);
    if (kinds > 1) {
      throw error(
          attr,
          tag,
          "attribute has several values (expected one of Value, InlineBinary, BulkDataURI)");
    }
    if (value != null) {
      values(ds, tag, vr, value, depth);
    } else if (inline != null) {
      inlineBinary(ds, tag, vr, inline);
    } else if (bulk != null) {
      bulkData(ds, tag, vr, bulk);
    } else {
      ds.setEmpty(tag, vr);
    }
  }

  private VR vr(int tag, JsonNode attr, JsonNode vrNode) {
    if (vrNode == null) {
      if (options.strict()) {
        throw error(attr, tag, "attribute has no vr (expected \"vr\": \"XX\")");
      }
      return ElementDictionary.vrOf(tag);
    }
    if (vrNode.type != Token.STRING) {
      throw error(vrNode, tag, "vr is not a string (expected e.g. \"CS\"): " + vrNode.type);
    }
    String code = vrNode.text;
    VR vr = code.length() == 2 ? VR.fromBytes(code.charAt(0), code.charAt(1)) : null;
    if (vr == null) {
      throw error(vrNode, tag, "unknown VR (expected a PS3.5 VR such as PN): \"" + code + "\"");
    }
    return vr;
  }

  private void values(DicomDataset ds, int tag, VR vr, JsonNode value, int depth)
      throws IOException {
    if (value.type != Token.BEGIN_ARRAY) {
      throw error(value, tag, "Value is not an array (expected [ … ]): " + value.type);
    }
    List<JsonNode> vals = value.children;
    switch (vr) {
      case SQ:
        sequence(ds, tag, vals, depth);
        return;
      case OB:
      case OD:
      case OF:
      case OL:
      case OV:
      case OW:
      case UN:
        throw error(
            value, tag, vr + " value given as Value (expected InlineBinary or BulkDataURI)");
      case AT:
        tags(ds, tag, vals);
        return;
      case FL:
      case FD:
        floats(ds, tag, vr, vals);
        return;
      case US:
      case SS:
      case UL:
      case SL:
      case UV:
      case SV:
        integers(ds, tag, vr, vals);
        return;
      default:
        text(ds, tag, vr, vals);
    }
  }

  private void sequence(DicomDataset ds, int tag, List<JsonNode> vals, int depth)
      throws IOException {
    Sequence seq = ds.newSequence(tag);
    if (!vals.isEmpty() && depth + 1 > options.maxDepth()) {
      throw error(
          vals.get(0),
          tag,
          "sequences nest too deeply (expected at most " + options.maxDepth() + " levels)");
    }
    for (JsonNode v : vals) {
      if (v.type == Token.NULL) {
        if (options.strict()) {
          throw error(v, tag, "sequence item is null (expected an object)");
        }
        seq.addNewItem();
        continue;
      }
      item(seq.addNewItem(), v, tag, depth + 1);
    }
  }

  private void text(DicomDataset ds, int tag, VR vr, List<JsonNode> vals) {
    List<String> parts = new ArrayList<>(vals.size());
    for (JsonNode v : vals) {
      parts.add(textValue(tag, vr, v));
    }
    if (vr.kind() == VR.Kind.TEXT && parts.size() > 1 && options.strict()) {
      throw error(
          vals.get(1),
          tag,
          vr + " is single valued (expected 1 value): " + parts.size() + " values");
    }
    if (vr.kind() == VR.Kind.STRING && options.strict()) {
      for (int k = 0; k < parts.size(); k++) {
        if (parts.get(k).indexOf('\\') >= 0) {
          throw error(
              vals.get(k), tag, "value contains a backslash (expected none: it separates values)");
        }
      }
    }
    ds.putValue(tag, vr, String.join("\\", parts));
  }

  private String textValue(int tag, VR vr, JsonNode v) {
    switch (v.type) {
      case NULL:
        return "";
      case STRING:
        if (vr == VR.PN && options.strict()) {
          throw error(v, tag, "PN value is a string (expected an object with Alphabetic …)");
        }
        return vr == VR.IS || vr == VR.DS ? v.text.strip() : v.text;
      case NUMBER:
        if (vr == VR.PN) {
          break;
        }
        if (vr == VR.IS) {
          return integerString(tag, v);
        }
        if (vr != VR.DS && options.strict()) {
          throw error(v, tag, vr + " value is a number (expected a string): " + v.text);
        }
        return v.text;
      case BEGIN_OBJECT:
        if (vr == VR.PN) {
          return personName(tag, v);
        }
        break;
      default:
        break;
    }
    throw error(
        v, tag, vr + " value has the wrong JSON type (expected " + expected(vr) + "): " + v.type);
  }

  private static String expected(VR vr) {
    if (vr == VR.PN) {
      return "an object with Alphabetic, Ideographic, Phonetic";
    }
    return vr == VR.IS || vr == VR.DS ? "a number or string" : "a string";
  }

  /**
   * IS text of a JSON number: kept as written when integral syntax, else made integral if exact.
   */
  private String integerString(int tag, JsonNode v) {
    String s = v.text;
    if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
      return s;
    }
    BigDecimal d = new BigDecimal(s);
    if (d.signum() != 0 && d.precision() - d.scale() > 20) {
      throw error(v, tag, "IS value out of range (expected at most 12 characters): " + s);
    }
    try {
      return d.toBigIntegerExact().toString();
    } catch (ArithmeticException e) {
      if (options.strict()) {
        throw error(v, tag, "IS value is not an integer (expected an integer): " + s);
      }
      return s;
    }
  }

  private String personName(int tag, JsonNode v) {
    String[] groups = {"", "", ""};
    int last = -1;
    for (int k = 0; k < v.names.size(); k++) {
      String name = v.names.get(k).text;
      JsonNode g = v.children.get(k);
      int idx = -1;
      for (int i = 0; i < 3; i++) {
        if (PN_GROUPS[i].equals(name)) {
          idx = i;
        }
      }
      if (idx < 0) {
        if (options.strict()) {
          throw error(
              g,
              tag,
              "unknown PN component group (expected Alphabetic, Ideographic, Phonetic): " + name);
        }
        continue;
      }
      if (g.type == Token.NULL) {
        continue;
      }
      if (g.type != Token.STRING) {
        throw error(g, tag, "PN component group is not a string (expected a string): " + g.type);
      }
      groups[idx] = g.text;
      if (!g.text.isEmpty()) {
        last = Math.max(last, idx);
      }
    }
    StringBuilder sb = new StringBuilder(groups[0]);
    for (int i = 1; i <= last; i++) {
      sb.append('=').append(groups[i]);
    }
    return sb.toString();
  }

  private void tags(DicomDataset ds, int tag, List<JsonNode> vals) {
    byte[] out = new byte[4 * vals.size()];
    int n = 0;
    for (JsonNode v : vals) {
      if (v.type == Token.NULL && dropNull(v, tag)) {
        continue;
      }
      boolean ok = v.type == Token.STRING && v.text.length() == 8;
      for (int i = 0; ok && i < 8; i++) {
        ok = Character.digit(v.text.charAt(i), 16) >= 0;
      }
      if (!ok) {
        throw error(
            v,
            tag,
            "AT value is not a tag (expected 8 hex digits such as \"00100010\"): " + show(v));
      }
      long t = Long.parseLong(v.text, 16);
      int p = 4 * n++;
      out[p] = (byte) (t >>> 16);
      out[p + 1] = (byte) (t >>> 24);
      out[p + 2] = (byte) t;
      out[p + 3] = (byte) (t >>> 8);
    }
    ds.putValue(tag, VR.AT, java.util.Arrays.copyOf(out, 4 * n));
  }

  private boolean dropNull(JsonNode v, int tag) {
    if (options.strict()) {
      throw error(
          v, tag, "null value in a binary element (expected a value: JSON cannot encode it)");
    }
    LOG.log(
        System.Logger.Level.DEBUG,
        () -> DicomDataset.tagString(tag) + " null value dropped at line " + v.line);
    return true;
  }

  private static String show(JsonNode v) {
    return v.text != null ? "\"" + v.text + "\"" : v.type.toString();
  }

  private static final BigInteger[][] RANGES = {
    {BigInteger.ZERO, BigInteger.valueOf(0xffff)},
    {BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE)},
    {BigInteger.ZERO, BigInteger.valueOf(0xffffffffL)},
    {BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)},
    {BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)},
    {BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)},
  };

  private void integers(DicomDataset ds, int tag, VR vr, List<JsonNode> vals) {
    int range =
        vr == VR.US ? 0 : vr == VR.SS ? 1 : vr == VR.UL ? 2 : vr == VR.SL ? 3 : vr == VR.UV ? 4 : 5;
    int size = vr.valueSize();
    byte[] out = new byte[size * vals.size()];
    int n = 0;
    for (JsonNode v : vals) {
      if (v.type == Token.NULL && dropNull(v, tag)) {
        continue;
      }
      boolean stringOk = vr == VR.UV || vr == VR.SV || !options.strict();
      if (v.type != Token.NUMBER && !(v.type == Token.STRING && stringOk)) {
        throw error(v, tag, vr + " value has the wrong JSON type (expected a number): " + show(v));
      }
      BigInteger i = integer(tag, vr, v);
      if (i.compareTo(RANGES[range][0]) < 0 || i.compareTo(RANGES[range][1]) > 0) {
        throw error(
            v,
            tag,
            vr
                + " value out of range (expected "
                + RANGES[range][0]
                + ".."
                + RANGES[range][1]
                + "): "
                + v.text);
      }
      long l = i.longValue();
      int p = size * n++;
      for (int b = 0; b < size; b++) {
        out[p + b] = (byte) (l >>> (8 * b));
      }
    }
    ds.putValue(tag, vr, java.util.Arrays.copyOf(out, size * n));
  }

  private BigInteger integer(int tag, VR vr, JsonNode v) {
    String s = v.text.strip();
    if (!JsonLexer.isJsonNumber(s)) {
      throw error(v, tag, vr + " value is not a number (expected an integer): " + show(v));
    }
    BigDecimal d = new BigDecimal(s);
    if (d.signum() != 0 && d.precision() - d.scale() > 25) {
      throw error(v, tag, vr + " value out of range (expected a 64-bit integer): " + s);
    }
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw error(v, tag, vr + " value is not an integer (expected an integer): " + s);
    }
  }

  private void floats(DicomDataset ds, int tag, VR vr, List<JsonNode> vals) {
    int size = vr.valueSize();
    byte[] out = new byte[size * vals.size()];
    int n = 0;
    for (JsonNode v : vals) {
      if (v.type == Token.NULL && dropNull(v, tag)) {
        continue;
      }
      long bits;
      if (v.type == Token.STRING && isNonFinite(v.text)) {
        double d =
            v.text.equals("NaN")
                ? Double.NaN
                : v.text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bits = vr == VR.FL ? Float.floatToIntBits((float) d) : Double.doubleToLongBits(d);
      } else {
        boolean ok =
            v.type == Token.NUMBER
                || (v.type == Token.STRING
                    && !options.strict()
                    && JsonLexer.isJsonNumber(v.text.strip()));
        if (!ok) {
          throw error(
              v, tag, vr + " value has the wrong JSON type (expected a number): " + show(v));
        }
        String s = v.text.strip();
        if (vr == VR.FL) {
          float f = Float.parseFloat(s);
          if (Float.isInfinite(f)) {
            throw error(v, tag, "FL value out of range (expected a 32-bit float): " + s);
          }
          bits = Float.floatToRawIntBits(f);
        } else {
          double d = Double.parseDouble(s);
          if (Double.isInfinite(d)) {
            throw error(v, tag, "FD value out of range (expected a 64-bit float): " + s);
          }
          bits = Double.doubleToRawLongBits(d);
        }
      }
      int p = size * n++;
      for (int b = 0; b < size; b++) {
        out[p + b] = (byte) (bits >>> (8 * b));
      }
    }
    ds.putValue(tag, vr, java.util.Arrays.copyOf(out, size * n));
  }

  private static boolean isNonFinite(String s) {
    return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
  }

  // ------------------------------------------------------------------ binary values

  private String single(int tag, JsonNode n, String what) {
    JsonNode s = n;
    if (n.type == Token.BEGIN_ARRAY && n.children.size() == 1) {
      // PS3.18 F.4 shows these in a one-element array; pydicom accepts both too.
      s = n.children.get(0);
    }
    if (s.type != Token.STRING) {
      throw error(s, tag, what + " is not a string (expected a string): " + s.type);
    }
    return s.text;
  }

  private void inlineBinary(DicomDataset ds, int tag, VR vr, JsonNode node) {
    String b64 = single(tag, node, "InlineBinary");
    if (vr == VR.SQ || (options.strict() && !DicomJsonWriter.isBulkVr(vr))) {
      throw error(
          node, tag, "InlineBinary on VR " + vr + " (expected OB, OD, OF, OL, OV, OW or UN)");
    }
    if (!options.strict()) {
      b64 = stripWhitespace(b64);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw error(
          node, tag, "InlineBinary is not valid base64 (expected RFC 4648): " + e.getMessage());
    }
    putBytes(ds, tag, vr, bytes, node);
  }

  private static String stripWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return s.replaceAll("\\s+", "");
      }
    }
    return s;
  }

  private void putBytes(DicomDataset ds, int tag, VR vr, byte[] bytes, JsonNode node) {
    int unit = vr.valueSize();
    if (options.strict() && unit > 1 && bytes.length % unit != 0) {
      throw error(
          node,
          tag,
          vr
              + " value length is not a multiple of "
              + unit
              + " (expected whole values): "
              + bytes.length);
    }
    if (tag == PIXEL_DATA && (vr == VR.OB || vr == VR.OW)) {
      Fragments f = Encapsulation.decode(bytes);
      if (f != null) {
        ds.putValue(tag, vr, f);
        return;
      }
    }
    ds.putValue(tag, vr, bytes);
  }

  private void bulkData(DicomDataset ds, int tag, VR vr, JsonNode node) throws IOException {
    String uri = single(tag, node, "BulkDataURI");
    boolean allowed;
    switch (vr) {
      case SQ:
        throw error(node, tag, "BulkDataURI on a sequence (expected Value)");
      case DS:
      case FL:
      case FD:
      case IS:
      case LT:
      case SL:
      case SS:
      case ST:
      case SV:
      case UC:
      case UL:
      case US:
      case UT:
      case UV:
        allowed = true;
        break;
      default:
        allowed = DicomJsonWriter.isBulkVr(vr);
    }
    if (!allowed && options.strict()) {
      throw error(node, tag, "BulkDataURI on VR " + vr + " (expected a VR listed in PS3.18 F.2.2)");
    }
    Object v = options.bulkDataResolver().resolve(tag, vr, uri);
    if (v == null) {
      ds.setEmpty(tag, vr);
    } else if (v instanceof byte[]) {
      putBytes(ds, tag, vr, (byte[]) v, node);
    } else if (v instanceof BulkDataRef) {
      ds.putValue(tag, vr, v);
    } else {
      throw new IllegalStateException(
          DicomDataset.tagString(tag)
              + " bulk data resolver returned an unsupported value (expected byte[] or BulkDataRef): "
              + v.getClass().getName());
    }
  }
}
