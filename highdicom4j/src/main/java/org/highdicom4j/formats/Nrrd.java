package org.highdicom4j.formats;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/**
 * Reads and writes NRRD files (magics {@code NRRD0001} to {@code NRRD0005}), the label-map format
 * dcmqi and 3D Slicer use: attached headers ({@code .nrrd}) and detached headers ({@code .nhdr}
 * with a {@code data file}).
 *
 * <p>Reading supports encodings raw, gzip, ascii (text) and hex, both byte orders, the types
 * signed/unsigned char, short, int, float and double under all their NRRD names (e.g. "uchar",
 * "unsigned char", "uint8", "uint8_t"), {@code line skip} and {@code byte skip} (−1 with raw data:
 * the data ends the file; with gzip the skip applies to the decompressed bytes), three spatial axes
 * plus at most one non-spatial axis, and every {@code space} (LPS, RAS, LAS and their long names,
 * scanner-xyz, 3D-right-handed, 3D-left-handed) of dimension 3. Spatial axes are the ones with a
 * {@code space directions} vector; without that field, those of kind domain or space, or all three
 * of a 3-dimensional file. 64-bit integers, block, bzip2 and multi-file data are rejected with
 * {@link ImageFormatException}. See {@link NrrdImage} for the axis order and affine.
 *
 * <p>Writing produces {@code NRRD0004} headers in LPS (space left-posterior-superior, space
 * directions and space origin from the affine), little endian, raw or gzip encoded; a path ending
 * {@code .nhdr} gets a detached header and a data file beside it named like it with {@code .raw} or
 * {@code .raw.gz}.
 */
public final class Nrrd {
  private Nrrd() {}

  static final String FORMAT = "NRRD";
  private static final int MAX_HEADER = 64 << 20;

  /** NRRD data encodings. */
  public enum Encoding {
    /** Bytes as in memory ("raw"). */
    RAW,
    /** Raw bytes compressed with gzip ("gzip", "gz"). */
    GZIP,
    /** Numbers as text ("ascii", "text", "txt"); read only. */
    ASCII,
    /** Raw bytes as pairs of hexadecimal digits ("hex"); read only. */
    HEX
  }

  private static final Map<String, DType> TYPES = new LinkedHashMap<>();
  private static final Map<String, String> UNSUPPORTED_TYPES = new LinkedHashMap<>();

  static {
    for (String s : new String[] {"signed char", "int8", "int8_t"}) {
      TYPES.put(s, DType.INT8);
    }
    for (String s : new String[] {"uchar", "unsigned char", "uint8", "uint8_t"}) {
      TYPES.put(s, DType.UINT8);
    }
    for (String s :
        new String[] {
          "short", "short int", "signed short", "signed short int", "int16", "int16_t"
        }) {
      TYPES.put(s, DType.INT16);
    }
    for (String s :
        new String[] {"ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t"}) {
      TYPES.put(s, DType.UINT16);
    }
    for (String s : new String[] {"int", "signed int", "int32", "int32_t"}) {
      TYPES.put(s, DType.INT32);
    }
    for (String s : new String[] {"uint", "unsigned int", "uint32", "uint32_t"}) {
      TYPES.put(s, DType.UINT32);
    }
    TYPES.put("float", DType.FLOAT32);
    TYPES.put("double", DType.FLOAT64);
    for (String s :
        new String[] {
          "longlong",
          "long long",
          "long long int",
          "signed long long",
          "signed long long int",
          "int64",
          "int64_t",
          "ulonglong",
          "unsigned long long",
          "unsigned long long int",
          "uint64",
          "uint64_t"
        }) {
      UNSUPPORTED_TYPES.put(s, "64-bit integers");
    }
    UNSUPPORTED_TYPES.put("block", "block data");
  }

  private static final Map<String, String> FIELD_ALIASES =
      Map.ofEntries(
          Map.entry("centerings", "centers"),
          Map.entry("datafile", "data file"),
          Map.entry("lineskip", "line skip"),
          Map.entry("byteskip", "byte skip"),
          Map.entry("blocksize", "block size"),
          Map.entry("axismins", "axis mins"),
          Map.entry("axismaxs", "axis maxs"),
          Map.entry("oldmin", "old min"),
          Map.entry("oldmax", "old max"));

  /** Canonical space name, and which of x and y must be negated to reach LPS. */
  private record SpaceInfo(String name, boolean flipX, boolean flipY) {}

  private static final Map<String, SpaceInfo> SPACES = new LinkedHashMap<>();

  static {
    SpaceInfo ras = new SpaceInfo("right-anterior-superior", true, true);
    SpaceInfo las = new SpaceInfo("left-anterior-superior", false, true);
    SpaceInfo lps = new SpaceInfo("left-posterior-superior", false, false);
    SpaceInfo xyz = new SpaceInfo("scanner-xyz", false, false);
    SpaceInfo rh = new SpaceInfo("3d-right-handed", false, false);
    SpaceInfo lh = new SpaceInfo("3d-left-handed", false, false);
    SPACES.put("right-anterior-superior", ras);
    SPACES.put("ras", ras);
    SPACES.put("left-anterior-superior", las);
    SPACES.put("las", las);
    SPACES.put("left-posterior-superior", lps);
    SPACES.put("lps", lps);
    SPACES.put("scanner-xyz", xyz);
    SPACES.put("3d-right-handed", rh);
    SPACES.put("3d-left-handed", lh);
  }

  private static final Pattern VECTOR = Pattern.compile("\\(([^()]*)\\)|none|\\S+");

  // ------------------------------------------------------------------ reading

  /** The parsed header before data is read. */
  private static final class Header {
    int version;
    final Map<String, String> fields = new LinkedHashMap<>();
    final Map<String, Long> fieldOffsets = new LinkedHashMap<>();
    final Map<String, String> keyValues = new LinkedHashMap<>();
    long dataOffset = -1; // attached data start, or -1 when the header ends the file
  }

  /**
   * Reads an NRRD file with an attached ({@code .nrrd}) or detached ({@code .nhdr}) header.
   *
   * @param path the header file
   * @return the image
   * @throws ImageFormatException when the header is malformed or unsupported, or data is missing
   * @throws IOException when a file cannot be read
   */
  public static NrrdImage read(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    long fileSize = Files.size(path);
    Header h;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      h = readHeader(in, fileSize);
    }
    int dimension = intField(h, "dimension", true, 1);
    if (dimension < 3 || dimension > 4) {
      throw fail(
          h,
          "dimension",
          "is not supported (expected 3, or 4 with one non-spatial axis): " + dimension);
    }
    String typeName = h.fields.get("type");
    if (typeName == null) {
      throw fail(h, "type", "is missing (expected a field \"type: <type>\"): none");
    }
    String tn = typeName.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    DType dtype = TYPES.get(tn);
    if (dtype == null) {
      String why = UNSUPPORTED_TYPES.get(tn);
      throw fail(
          h,
          "type",
          (why != null ? "is " + why + ", which is not supported" : "is unknown")
              + " (expected an 8, 16 or 32-bit integer, float or double type): "
              + typeName);
    }
    Encoding encoding = encodingOf(h);
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    String endian = h.fields.get("endian");
    if (endian != null) {
      switch (endian.trim().toLowerCase(Locale.ROOT)) {
        case "little":
          break;
        case "big":
          order = ByteOrder.BIG_ENDIAN;
          break;
        default:
          throw fail(h, "endian", "is unknown (expected little or big): " + endian);
      }
    } else if (dtype.size() > 1 && encoding != Encoding.ASCII) {
      throw fail(h, "endian", "is missing (expected little or big for " + tn + " data): none");
    }
    int[] sizes = new int[dimension];
    List<String> sizeTokens = tokens(h, "sizes", dimension, true);
    long voxels = 1;
    for (int a = 0; a < dimension; a++) {
      sizes[a] = parseInt(h, "sizes", sizeTokens.get(a));
      if (sizes[a] < 1) {
        throw fail(h, "sizes", "must be positive (expected ≥ 1): " + sizes[a]);
      }
      voxels *= sizes[a];
      if (voxels > Integer.MAX_VALUE - 8) {
        throw fail(h, "sizes", "give too many voxels for one array (expected < 2^31): " + voxels);
      }
    }
    List<String> kinds = new ArrayList<>();
    List<String> kindTokens = tokens(h, "kinds", dimension, false);
    for (int a = 0; a < dimension; a++) {
      kinds.add(kindTokens == null ? "???" : kindTokens.get(a));
    }

    // Space.
    SpaceInfo space = null;
    int spaceDim = 0;
    String spaceField = h.fields.get("space");
    if (spaceField != null) {
      String s = spaceField.trim().toLowerCase(Locale.ROOT);
      space = SPACES.get(s);
      if (space == null) {
        throw fail(
            h,
            "space",
            (s.endsWith("-time") ? "with time is not supported" : "is unknown")
                + " (expected left-posterior-superior, right-anterior-superior,"
                + " left-anterior-superior, their abbreviations, scanner-xyz, 3D-right-handed or"
                + " 3D-left-handed): "
                + spaceField);
      }
      spaceDim = 3;
      if (h.fields.containsKey("space dimension")) {
        throw fail(h, "space dimension", "must not be given with space (expected absent): present");
      }
    } else if (h.fields.containsKey("space dimension")) {
      spaceDim = intField(h, "space dimension", true, 0);
      if (spaceDim != 3) {
        throw fail(h, "space dimension", "is not supported (expected 3): " + spaceDim);
      }
    }
    double[][] directions = null;
    if (h.fields.containsKey("space directions")) {
      if (spaceDim == 0) {
        throw fail(
            h, "space directions", "needs space or space dimension (expected one of them): none");
      }
      directions = new double[dimension][];
      List<String> t = vectors(h, "space directions", h.fields.get("space directions"));
      if (t.size() != dimension) {
        throw fail(
            h,
            "space directions",
            "has the wrong number of vectors (expected " + dimension + "): " + t.size());
      }
      for (int a = 0; a < dimension; a++) {
        directions[a] =
            t.get(a).equals("none") ? null : vector(h, "space directions", t.get(a), spaceDim);
      }
    }
    double[] origin = null;
    if (h.fields.containsKey("space origin")) {
      if (spaceDim == 0) {
        throw fail(
            h, "space origin", "needs space or space dimension (expected one of them): none");
      }
      List<String> t = vectors(h, "space origin", h.fields.get("space origin"));
      if (t.size() != 1 || t.get(0).equals("none")) {
        throw fail(
            h,
            "space origin",
            "must be one vector (expected (x,y,z)): " + h.fields.get("space origin"));
      }
      origin = vector(h, "space origin", t.get(0), spaceDim);
    }

    // Which axes are spatial.
    List<Integer> spatial = new ArrayList<>();
    for (int a = 0; a < dimension; a++) {
      boolean isSpatial;
      if (directions != null) {
        isSpatial = directions[a] != null;
      } else if (kindTokens != null) {
        String k = kinds.get(a).toLowerCase(Locale.ROOT);
        isSpatial = k.equals("domain") || k.equals("space");
      } else {
        isSpatial = dimension == 3;
      }
      if (isSpatial) {
        spatial.add(a);
      }
    }
    if (spatial.size() != 3) {
      throw fail(
          h,
          directions != null ? "space directions" : "kinds",
          "must identify three spatial axes (expected 3 axes with a direction or of kind domain):"
              + " "
              + spatial.size());
    }
    int channelAxis = -1;
    for (int a = 0; a < dimension; a++) {
      if (!spatial.contains(a)) {
        channelAxis = a;
      }
    }

    NdArray flat = readData(path, h, fileSize, encoding, dtype, order, sizes);
    // C order of the file is the NRRD axes reversed; put the spatial axes in reverse NRRD order
    // (slice, row, column) and the channel axis last.
    int[] perm = new int[dimension];
    for (int d = 0; d < 3; d++) {
      perm[d] = dimension - 1 - spatial.get(2 - d);
    }
    if (channelAxis >= 0) {
      perm[3] = dimension - 1 - channelAxis;
    }
    NdArray array = DataIo.permute(flat, perm);
    if (channelAxis >= 0 && sizes[channelAxis] == 1) {
      array = array.reshape(array.shape(0), array.shape(1), array.shape(2));
    }

    double[][] affine = null;
    if (directions != null) {
      affine = new double[4][4];
      for (int d = 0; d < 3; d++) {
        double[] v = directions[spatial.get(2 - d)];
        for (int r = 0; r < 3; r++) {
          affine[r][d] = v[r];
        }
      }
      for (int r = 0; r < 3; r++) {
        affine[r][3] = origin == null ? 0 : origin[r];
      }
      affine[3][3] = 1;
      boolean flipX = space != null && space.flipX();
      boolean flipY = space != null && space.flipY();
      for (int c = 0; c < 4; c++) {
        if (flipX) {
          affine[0][c] = -affine[0][c];
        }
        if (flipY) {
          affine[1][c] = -affine[1][c];
        }
      }
    }
    return new NrrdImage(
        h.version,
        encoding,
        order,
        sizes,
        kinds,
        space == null ? null : space.name(),
        directions,
        origin,
        channelAxis,
        h.fields,
        h.keyValues,
        array,
        affine);
  }

  private static Header readHeader(InputStream in, long fileSize) throws IOException {
    Header h = new Header();
    long[] pos = {0};
    String magic = readLine(in, pos, fileSize);
    if (magic == null || !magic.startsWith("NRRD")) {
      throw new ImageFormatException(
          FORMAT, "magic", 0, "is missing (expected NRRD0001 to NRRD0005): " + shorten(magic));
    }
    switch (magic.trim()) {
      case "NRRD00.01":
      case "NRRD0001":
        h.version = 1;
        break;
      case "NRRD0002":
      case "NRRD0003":
      case "NRRD0004":
      case "NRRD0005":
        h.version = magic.trim().charAt(7) - '0';
        break;
      default:
        throw new ImageFormatException(
            FORMAT,
            "magic",
            0,
            "is an unknown version (expected NRRD0001 to NRRD0005): " + shorten(magic));
    }
    while (true) {
      long lineStart = pos[0];
      String line = readLine(in, pos, fileSize);
      if (line == null) {
        return h; // detached header (or attached one without data, found later)
      }
      if (line.isEmpty()) {
        h.dataOffset = pos[0];
        return h;
      }
      if (line.startsWith("#")) {
        continue;
      }
      int kv = line.indexOf(":=");
      int fs = line.indexOf(": ");
      if (kv >= 0 && (fs < 0 || kv < fs)) {
        String key = unescape(line.substring(0, kv));
        h.keyValues.put(key, unescape(line.substring(kv + 2)));
        continue;
      }
      if (fs < 0) {
        if (line.endsWith(":")) {
          fs = line.length() - 1;
        } else {
          throw new ImageFormatException(
              FORMAT,
              "header line",
              lineStart,
              "is neither \"field: description\" nor \"key:=value\" (expected one of them): "
                  + shorten(line));
        }
      }
      String name = line.substring(0, fs).trim().toLowerCase(Locale.ROOT);
      name = FIELD_ALIASES.getOrDefault(name, name);
      String value = fs + 2 <= line.length() ? line.substring(fs + 2).trim() : "";
      if (h.fields.containsKey(name)) {
        throw new ImageFormatException(
            FORMAT, name, lineStart, "is given twice (expected once): " + shorten(line));
      }
      h.fields.put(name, value);
      h.fieldOffsets.put(name, lineStart);
      if (name.equals("data file") && value.toUpperCase(Locale.ROOT).startsWith("LIST")) {
        throw fail(
            h,
            "data file",
            "LIST of several data files is not supported (expected one file): " + value);
      }
    }
  }

  /** Reads one header line (LF or CRLF terminated), or null at end of input. */
  private static String readLine(InputStream in, long[] pos, long fileSize) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    boolean any = false;
    while ((c = in.read()) >= 0) {
      any = true;
      pos[0]++;
      if (pos[0] > MAX_HEADER) {
        throw new ImageFormatException(
            FORMAT, "header", pos[0], "has no end (expected a blank line within 64 MiB): none");
      }
      if (c == '\n') {
        break;
      }
      b.write(c);
    }
    if (!any) {
      return null;
    }
    String s = b.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static Encoding encodingOf(Header h) throws ImageFormatException {
    String e = h.fields.get("encoding");
    if (e == null) {
      throw fail(h, "encoding", "is missing (expected raw, gzip, ascii or hex): none");
    }
    switch (e.trim().toLowerCase(Locale.ROOT)) {
      case "raw":
        return Encoding.RAW;
      case "gzip":
      case "gz":
        return Encoding.GZIP;
      case "ascii":
      case "text":
      case "txt":
        return Encoding.ASCII;
      case "hex":
        return Encoding.HEX;
      case "bzip2":
      case "bz2":
        throw fail(
            h, "encoding", "bzip2 is not supported (expected raw, gzip, ascii or hex): " + e);
      default:
        throw fail(h, "encoding", "is unknown (expected raw, gzip, ascii or hex): " + e);
    }
  }

  private static NdArray readData(
      Path path,
      Header h,
      long headerFileSize,
      Encoding encoding,
      DType dtype,
      ByteOrder order,
      int[] sizes)
      throws IOException {
    int[] cShape = new int[sizes.length];
    long voxels = 1;
    for (int a = 0; a < sizes.length; a++) {
      cShape[a] = sizes[sizes.length - 1 - a];
      voxels *= sizes[a];
    }
    long dataBytes = voxels * dtype.size();
    Path dataPath;
    long start;
    long fileSize;
    String dataFile = h.fields.get("data file");
    if (dataFile != null) {
      if (dataFile.contains("%")) {
        throw fail(
            h,
            "data file",
            "with a file name pattern is not supported (expected one file): " + dataFile);
      }
      Path parent = path.toAbsolutePath().getParent();
      dataPath = parent.resolve(dataFile.trim());
      if (!Files.isRegularFile(dataPath)) {
        throw fail(
            h, "data file", "does not exist (expected a file beside the header): " + dataPath);
      }
      start = 0;
      fileSize = Files.size(dataPath);
    } else {
      if (h.dataOffset < 0) {
        throw new ImageFormatException(
            FORMAT,
            "header",
            headerFileSize,
            "ends the file without data (expected a blank line and data, or a data file field):"
                + " none");
      }
      dataPath = path;
      start = h.dataOffset;
      fileSize = headerFileSize;
    }
    int lineSkip = h.fields.containsKey("line skip") ? intField(h, "line skip", true, 0) : 0;
    if (lineSkip < 0) {
      throw fail(h, "line skip", "must not be negative (expected ≥ 0): " + lineSkip);
    }
    long byteSkip = 0;
    if (h.fields.containsKey("byte skip")) {
      byteSkip = parseLong(h, "byte skip", h.fields.get("byte skip"));
      if (byteSkip < -1) {
        throw fail(h, "byte skip", "must be −1 or more (expected ≥ -1): " + byteSkip);
      }
      if (byteSkip == -1 && encoding != Encoding.RAW) {
        throw fail(h, "byte skip", "−1 needs raw encoding (expected raw): " + encoding);
      }
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(dataPath), 1 << 16)) {
      long[] pos = {0};
      DataIo.skipFully(raw, start, FORMAT, "data", 0);
      pos[0] = start;
      for (int i = 0; i < lineSkip; i++) {
        if (readLine(raw, pos, fileSize) == null) {
          throw new ImageFormatException(
              FORMAT,
              "line skip",
              pos[0],
              "skips past the end of the data file (expected ≤ lines in the file): " + lineSkip);
        }
      }
      long remaining = fileSize - pos[0];
      switch (encoding) {
        case RAW:
          {
            long skip = byteSkip == -1 ? remaining - dataBytes : byteSkip;
            if (skip < 0 || skip + dataBytes > remaining) {
              throw new ImageFormatException(
                  FORMAT,
                  "data",
                  pos[0],
                  "is shorter than sizes and type declare (expected "
                      + (dataBytes + Math.max(skip, 0))
                      + " bytes): "
                      + remaining);
            }
            DataIo.skipFully(raw, skip, FORMAT, "byte skip", pos[0]);
            return DataIo.readArray(raw, dtype, cShape, order, FORMAT, pos[0] + skip);
          }
        case GZIP:
          {
            if (dataBytes + byteSkip > remaining * DataIo.MAX_DEFLATE_RATIO) {
              throw new ImageFormatException(
                  FORMAT,
                  "data",
                  pos[0],
                  "declares more data than the compressed bytes can hold (expected ≤ "
                      + remaining * DataIo.MAX_DEFLATE_RATIO
                      + " bytes): "
                      + (dataBytes + byteSkip));
            }
            InputStream gz;
            try {
              gz = new GZIPInputStream(raw, 1 << 16);
            } catch (ZipException | EOFException e) {
              throw new ImageFormatException(
                  FORMAT, "data", pos[0], "is not gzip data (expected a gzip stream): " + e, e);
            }
            DataIo.skipFully(gz, byteSkip, FORMAT, "byte skip", 0);
            return DataIo.readArray(gz, dtype, cShape, order, FORMAT, byteSkip);
          }
        case HEX:
          {
            if (dataBytes * 2 + byteSkip > remaining) {
              throw new ImageFormatException(
                  FORMAT,
                  "data",
                  pos[0],
                  "is shorter than sizes and type declare (expected ≥ "
                      + (dataBytes * 2)
                      + " hex digits): "
                      + remaining);
            }
            DataIo.skipFully(raw, byteSkip, FORMAT, "byte skip", pos[0]);
            return DataIo.readArray(
                new HexInputStream(raw, pos[0] + byteSkip), dtype, cShape, order, FORMAT, pos[0]);
          }
        default:
          {
            if (voxels + byteSkip > remaining) {
              throw new ImageFormatException(
                  FORMAT,
                  "data",
                  pos[0],
                  "is shorter than sizes declare (expected ≥ "
                      + voxels
                      + " text values): "
                      + remaining
                      + " bytes");
            }
            DataIo.skipFully(raw, byteSkip, FORMAT, "byte skip", pos[0]);
            return readAscii(raw, dtype, cShape, pos[0] + byteSkip);
          }
      }
    }
  }

  /** Decodes pairs of hexadecimal digits, skipping white space. */
  private static final class HexInputStream extends InputStream {
    private final InputStream in;
    private long pos;

    HexInputStream(InputStream in, long pos) {
      this.in = in;
      this.pos = pos;
    }

    private int digit() throws IOException {
      while (true) {
        int c = in.read();
        pos++;
        if (c < 0) {
          return -1;
        }
        if (Character.isWhitespace(c)) {
          continue;
        }
        int v = Character.digit(c, 16);
        if (v < 0) {
          throw new ImageFormatException(
              FORMAT, "data", pos - 1, "is not hexadecimal (expected 0-9, a-f): " + (char) c);
        }
        return v;
      }
    }

    @Override
    public int read() throws IOException {
      int hi = digit();
      if (hi < 0) {
        return -1;
      }
      int lo = digit();
      if (lo < 0) {
        throw new ImageFormatException(
            FORMAT, "data", pos, "ends inside a byte (expected two hex digits): one");
      }
      return hi << 4 | lo;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      for (int i = 0; i < len; i++) {
        int v = read();
        if (v < 0) {
          return i == 0 ? -1 : i;
        }
        b[off + i] = (byte) v;
      }
      return len;
    }
  }

  private static NdArray readAscii(InputStream in, DType dtype, int[] shape, long offset)
      throws IOException {
    NdArray a = NdArray.zeros(dtype, shape);
    int n = a.size();
    long pos = offset;
    StringBuilder tok = new StringBuilder();
    for (int i = 0; i < n; i++) {
      tok.setLength(0);
      int c;
      while ((c = in.read()) >= 0 && (Character.isWhitespace(c) || c == ',')) {
        pos++;
      }
      long tokStart = pos;
      while (c >= 0 && !Character.isWhitespace(c) && c != ',') {
        if (tok.length() > 64) {
          throw new ImageFormatException(
              FORMAT,
              "data",
              tokStart,
              "has an overlong number (expected ≤ 64 characters): " + tok);
        }
        tok.append((char) c);
        pos++;
        c = in.read();
      }
      pos++;
      if (tok.length() == 0) {
        throw new ImageFormatException(
            FORMAT, "data", pos, "has too few values (expected " + n + "): " + i);
      }
      String s = tok.toString();
      try {
        if (dtype.isFloatingPoint()) {
          a.setFlatDouble(i, parseFloatText(s));
        } else {
          long v = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
          if (v < dtype.min() || v > dtype.max()) {
            throw new ImageFormatException(
                FORMAT,
                "data",
                tokStart,
                "value out of range of "
                    + dtype.numpyName()
                    + " (expected "
                    + (long) dtype.min()
                    + " to "
                    + (long) dtype.max()
                    + "): "
                    + s);
          }
          a.setFlatLong(i, v);
        }
      } catch (NumberFormatException e) {
        throw new ImageFormatException(
            FORMAT,
            "data",
            tokStart,
            "is not a number (expected a " + dtype.numpyName() + " value): " + s,
            e);
      }
    }
    return a;
  }

  private static double parseFloatText(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "+inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
          throw new NumberFormatException(s);
        }
        return Double.parseDouble(s);
    }
  }

  // ------------------------------------------------------------------ header value parsing

  private static ImageFormatException fail(Header h, String field, String problem) {
    Long off = h.fieldOffsets.get(field);
    return new ImageFormatException(
        FORMAT, field, off == null ? ImageFormatException.UNKNOWN : off, problem);
  }

  private static int intField(Header h, String field, boolean required, int dflt)
      throws ImageFormatException {
    String v = h.fields.get(field);
    if (v == null) {
      if (required) {
        throw fail(h, field, "is missing (expected an integer): none");
      }
      return dflt;
    }
    return parseInt(h, field, v.trim());
  }

  private static int parseInt(Header h, String field, String s) throws ImageFormatException {
    long v = parseLong(h, field, s);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw fail(h, field, "is out of range (expected a 32-bit integer): " + shorten(s));
    }
    return (int) v;
  }

  private static long parseLong(Header h, String field, String s) throws ImageFormatException {
    String t = s.trim();
    if (!t.matches("[+-]?\\d{1,18}")) {
      throw fail(h, field, "is not an integer (expected digits): " + shorten(s));
    }
    return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
  }

  private static List<String> tokens(Header h, String field, int count, boolean required)
      throws ImageFormatException {
    String v = h.fields.get(field);
    if (v == null) {
      if (required) {
        throw fail(h, field, "is missing (expected " + count + " values): none");
      }
      return null;
    }
    List<String> t = Arrays.asList(v.trim().split("\\s+"));
    if (v.isBlank() || t.size() != count) {
      throw fail(
          h,
          field,
          "has the wrong number of values (expected "
              + count
              + "): "
              + (v.isBlank() ? 0 : t.size()));
    }
    return t;
  }

  private static List<String> vectors(Header h, String field, String value)
      throws ImageFormatException {
    List<String> out = new ArrayList<>();
    Matcher m = VECTOR.matcher(value);
    while (m.find()) {
      String g = m.group();
      if (!g.equals("none") && !g.startsWith("(")) {
        throw fail(h, field, "has a malformed vector (expected (x,y,z) or none): " + shorten(g));
      }
      out.add(g);
    }
    return out;
  }

  private static double[] vector(Header h, String field, String token, int n)
      throws ImageFormatException {
    String inner = token.substring(1, token.length() - 1);
    String[] parts = inner.split(",", -1);
    if (parts.length != n) {
      throw fail(
          h,
          field,
          "vector has the wrong number of components (expected " + n + "): " + shorten(token));
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      try {
        v[i] = parseFloatText(parts[i].trim());
      } catch (NumberFormatException e) {
        throw fail(
            h, field, "vector component is not a number (expected a decimal): " + shorten(token));
      }
      if (!Double.isFinite(v[i])) {
        throw fail(
            h,
            field,
            "vector component is not finite (expected a finite number): " + shorten(token));
      }
    }
    return v;
  }

  private static String shorten(String s) {
    if (s == null) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(s.length(), 80); i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return s.length() > 80 ? b + "…" : b.toString();
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        if (n == 'n') {
          b.append('\n');
          i++;
          continue;
        }
        if (n == '\\') {
          b.append('\\');
          i++;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n");
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes an NRRD file: attached header for {@code .nrrd}, detached for {@code .nhdr} (data file
   * beside it, {@code <name>.raw} or {@code <name>.raw.gz}).
   *
   * @param path target
   * @param array voxels with axes (slice, row, column[, channel]); BOOL is written as uchar; a
   *     channel axis becomes the first (fastest) NRRD axis, of kind list
   * @param affineLps 4 x 4 matrix from (slice, row, column, 1) to LPS, or null to write no space
   *     information
   * @param keyValues {@code key:=value} pairs to write (e.g. Segment0_ID), or null; keys must not
   *     contain ":=" or line breaks
   * @param encoding RAW or GZIP
   * @throws IOException when a file cannot be written
   */
  public static void write(
      Path path,
      NdArray array,
      double[][] affineLps,
      Map<String, String> keyValues,
      Encoding encoding)
      throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(array, "array");
    Objects.requireNonNull(encoding, "encoding");
    if (encoding != Encoding.RAW && encoding != Encoding.GZIP) {
      throw new IllegalArgumentException(
          "NRRD writing supports RAW and GZIP encoding: " + encoding);
    }
    int nd = array.ndim();
    if (nd != 3 && nd != 4) {
      throw new IllegalArgumentException(
          "array must have axes (slice, row, column[, channel]) (expected 3 or 4 dimensions): "
              + nd);
    }
    double[][] affine = affineLps == null ? null : DataIo.checkAffine(affineLps, "affineLps");
    int[] s = array.shape();
    StringBuilder hdr = new StringBuilder("NRRD0004\n");
    hdr.append("# Complete NRRD file format specification at:\n");
    hdr.append("# http://teem.sourceforge.net/nrrd/format.html\n");
    hdr.append("type: ").append(typeName(array.dtype())).append('\n');
    hdr.append("dimension: ").append(nd).append('\n');
    if (affine != null) {
      hdr.append("space: left-posterior-superior\n");
    }
    hdr.append("sizes:");
    if (nd == 4) {
      hdr.append(' ').append(s[3]);
    }
    hdr.append(' ').append(s[2]).append(' ').append(s[1]).append(' ').append(s[0]).append('\n');
    if (affine != null) {
      hdr.append("space directions:");
      if (nd == 4) {
        hdr.append(" none");
      }
      for (int c = 2; c >= 0; c--) {
        hdr.append(" (")
            .append(num(affine[0][c]))
            .append(',')
            .append(num(affine[1][c]))
            .append(',')
            .append(num(affine[2][c]))
            .append(')');
      }
      hdr.append('\n');
    }
    hdr.append(nd == 4 ? "kinds: list domain domain domain\n" : "kinds: domain domain domain\n");
    hdr.append("endian: little\n");
    hdr.append("encoding: ").append(encoding == Encoding.GZIP ? "gzip" : "raw").append('\n');
    if (affine != null) {
      hdr.append("space origin: (")
          .append(num(affine[0][3]))
          .append(',')
          .append(num(affine[1][3]))
          .append(',')
          .append(num(affine[2][3]))
          .append(")\n");
    }
    String name = path.getFileName().toString();
    boolean detached = name.toLowerCase(Locale.ROOT).endsWith(".nhdr");
    Path dataPath = null;
    if (detached) {
      String base = name.substring(0, name.length() - 5);
      String dataName = base + (encoding == Encoding.GZIP ? ".raw.gz" : ".raw");
      dataPath = path.toAbsolutePath().getParent().resolve(dataName);
      hdr.append("data file: ").append(dataName).append('\n');
    }
    if (keyValues != null) {
      for (Map.Entry<String, String> e : keyValues.entrySet()) {
        String k = Objects.requireNonNull(e.getKey(), "keyValues key");
        String v = Objects.requireNonNull(e.getValue(), "keyValues value");
        if (k.isEmpty() || k.contains(":=") || k.contains("\n") || k.startsWith("#")) {
          throw new IllegalArgumentException(
              "NRRD key must be non-empty, without \":=\", line breaks or a leading #: " + k);
        }
        hdr.append(escape(k)).append(":=").append(escape(v)).append('\n');
      }
    }
    // C order of (slice, row, column, channel) is NRRD order (channel, i, j, k): no reordering.
    NdArray data = array;
    byte[] header = hdr.toString().getBytes(StandardCharsets.UTF_8);
    DataIo.Writer dataWriter =
        out -> {
          OutputStream o = encoding == Encoding.GZIP ? new GZIPOutputStream(out, 1 << 16) : out;
          DataIo.writeArray(o, data, ByteOrder.LITTLE_ENDIAN);
          if (o instanceof GZIPOutputStream g) {
            g.finish();
          }
        };
    if (detached) {
      DataIo.writeAtomically(dataPath, dataWriter);
      DataIo.writeAtomically(path, out -> out.write(header));
    } else {
      DataIo.writeAtomically(
          path,
          out -> {
            out.write(header);
            out.write('\n');
            dataWriter.write(out);
          });
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String typeName(DType t) {
    switch (t) {
      case BOOL:
      case UINT8:
        return "uchar";
      case INT8:
        return "signed char";
      case UINT16:
        return "ushort";
      case INT16:
        return "short";
      case UINT32:
        return "uint";
      case INT32:
        return "int";
      case FLOAT32:
        return "float";
      default:
        return "double";
    }
  }
}
