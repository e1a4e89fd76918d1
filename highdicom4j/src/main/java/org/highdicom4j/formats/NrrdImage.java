package org.highdicom4j.formats;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.highdicom4j.NdArray;

/**
 * An NRRD image as read by {@link Nrrd#read}: the header fields, the key/value pairs, the voxels
 * and the affine its space fields define.
 *
 * <p>Per-axis values ({@link #sizes()}, {@link #kinds()}, {@link #spaceDirections()}) are in NRRD
 * axis order, fastest axis first. {@link #array()} holds the voxels with axes (slice, row, column)
 * — the three spatial NRRD axes in reverse order — followed by the non-spatial axis (a {@code
 * list}/{@code vector} axis, e.g. the layers of a multi-segment file) when there is one of size
 * greater than 1. {@link #affineLps()} maps (slice, row, column, 1) to LPS.
 */
public final class NrrdImage {
  private final int version;
  private final Nrrd.Encoding encoding;
  private final ByteOrder byteOrder;
  private final int[] sizes;
  private final List<String> kinds;
  private final String space;
  private final double[][] spaceDirections;
  private final double[] spaceOrigin;
  private final int channelAxis;
  private final Map<String, String> fields;
  private final Map<String, String> keyValues;
  private final NdArray array;
  private final double[][] affineLps;

  NrrdImage(
      int version,
      Nrrd.Encoding encoding,
      ByteOrder byteOrder,
      int[] sizes,
      List<String> kinds,
      String space,
      double[][] spaceDirections,
      double[] spaceOrigin,
      int channelAxis,
      Map<String, String> fields,
      Map<String, String> keyValues,
      NdArray array,
      double[][] affineLps) {
    this.version = version;
    this.encoding = encoding;
    this.byteOrder = byteOrder;
    this.sizes = sizes;
    this.kinds = Collections.unmodifiableList(new ArrayList<>(kinds));
    this.space = space;
    this.spaceDirections = spaceDirections;
    this.spaceOrigin = spaceOrigin;
    this.channelAxis = channelAxis;
    this.fields = Collections.unmodifiableMap(fields);
    this.keyValues = Collections.unmodifiableMap(keyValues);
    this.array = array;
    this.affineLps = affineLps;
  }

  /** Returns the format version of the magic: 1 to 5 ({@code NRRD0001}…{@code NRRD0005}). */
  public int version() {
    return version;
  }

  /** Returns the data encoding. */
  public Nrrd.Encoding encoding() {
    return encoding;
  }

  /** Returns the byte order of the data ({@code endian}; little endian when not given). */
  public ByteOrder byteOrder() {
    return byteOrder;
  }

  /** Returns {@code sizes}, fastest axis first. */
  public int[] sizes() {
    return sizes.clone();
  }

  /** Returns {@code kinds}, fastest axis first; "???" for every axis when the field is absent. */
  public List<String> kinds() {
    return kinds;
  }

  /**
   * Returns the canonical name of {@code space} (e.g. "left-posterior-superior" for "LPS"), or null
   * when the header has no {@code space} field.
   */
  public String space() {
    return space;
  }

  /**
   * Returns {@code space directions}, one vector per axis (fastest first), null entries for {@code
   * none}; null when the field is absent.
   */
  public double[][] spaceDirections() {
    if (spaceDirections == null) {
      return null;
    }
    double[][] c = new double[spaceDirections.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = spaceDirections[i] == null ? null : spaceDirections[i].clone();
    }
    return c;
  }

  /** Returns {@code space origin}, or null when absent. */
  public double[] spaceOrigin() {
    return spaceOrigin == null ? null : spaceOrigin.clone();
  }

  /** Returns the NRRD axis that is not spatial (0 = fastest), or -1 when all three are spatial. */
  public int channelAxis() {
    return channelAxis;
  }

  /**
   * Returns every header field as written, keyed by its canonical lower-case name ("type", "space
   * directions", "data file" …), in header order.
   */
  public Map<String, String> fields() {
    return fields;
  }

  /**
   * Returns the {@code key:=value} pairs in header order, with {@code \n} and {@code \\} unescaped,
   * e.g. dcmqi's and 3D Slicer's {@code Segment0_ID}, {@code Segment0_LabelValue}.
   */
  public Map<String, String> keyValues() {
    return keyValues;
  }

  /** Returns the voxels (shared), axes (slice, row, column[, channel]). */
  public NdArray array() {
    return array;
  }

  /**
   * Returns the 4 x 4 affine from (slice, row, column, 1) to LPS, or null when the header has no
   * {@code space}/{@code space dimension} with {@code space directions}. Column 0 is the space
   * direction of the third spatial NRRD axis, column 1 of the second, column 2 of the first, column
   * 3 the space origin (0 when absent); x and y are negated for right-anterior-superior, y for
   * left-anterior-superior. Other spaces (scanner-xyz, 3D-right-handed, 3D-left-handed, a bare
   * {@code space dimension: 3}) are taken as given.
   */
  public double[][] affineLps() {
    if (affineLps == null) {
      return null;
    }
    double[][] c = new double[4][];
    for (int i = 0; i < 4; i++) {
      c[i] = affineLps[i].clone();
    }
    return c;
  }
}
