package org.highdicom4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.highdicom4j.internal.ArrayOps;
import org.highdicom4j.spatial.Spatial;

/**
 * A regularly sampled array placed in a frame of reference (highdicom {@code Volume}): an {@link
 * NdArray} of shape (slices, rows, columns[, channel axes…]) and the geometry of {@link
 * VolumeBase}. Each channel axis is described by a {@link ChannelDescriptor} and its values (e.g.
 * segment numbers). Operations return new volumes; the array passed in or returned by {@link
 * #array()} is shared, not copied.
 */
public final class Volume extends VolumeBase<Volume> {
  private final NdArray array;
  private final Map<ChannelDescriptor, List<Object>> channels;

  /**
   * Creates a volume.
   *
   * @param array voxel data, at least 3-dimensional: three spatial axes, then channel axes
   * @param affine 4 x 4 matrix from (slice, row, column, 1) to frame-of-reference (x, y, z, 1)
   * @param coordinateSystem PATIENT or SLIDE
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052), or null
   * @param channels one entry per channel axis in axis order (descriptor to values), or null
   */
  public Volume(
      NdArray array,
      double[][] affine,
      CoordinateSystemNames coordinateSystem,
      String frameOfReferenceUid,
      Map<ChannelDescriptor, ? extends List<?>> channels) {
    super(affine, coordinateSystem, frameOfReferenceUid);
    Objects.requireNonNull(array, "array");
    if (array.ndim() < 3) {
      throw new IllegalArgumentException(
          "Argument 'array' must be at least three dimensional: " + array.ndim());
    }
    for (int d = 0; d < 3; d++) {
      if (array.shape(d) < 1) {
        throw new IllegalArgumentException(
            "spatial extents must be positive: " + Arrays.toString(array.shape()));
      }
    }
    Map<ChannelDescriptor, ? extends List<?>> ch = channels == null ? Map.of() : channels;
    if (ch.size() != array.ndim() - 3) {
      throw new IllegalArgumentException(
          "Number of items in the 'channels' parameter ("
              + ch.size()
              + ") does not match the number of channel dimensions in the array ("
              + (array.ndim() - 3)
              + ").");
    }
    Map<ChannelDescriptor, List<Object>> copy = new LinkedHashMap<>();
    int axis = 3;
    for (Map.Entry<ChannelDescriptor, ? extends List<?>> e : ch.entrySet()) {
      ChannelDescriptor desc = Objects.requireNonNull(e.getKey(), "channel descriptor");
      List<?> values = Objects.requireNonNull(e.getValue(), "channel values");
      if (values.size() != array.shape(axis)) {
        throw new IllegalArgumentException(
            "Number of values for channel number "
                + axis
                + " ("
                + values.size()
                + ") does not match the size of the corresponding dimension of the array ("
                + array.shape(axis)
                + ").");
      }
      List<Object> coerced = new ArrayList<>();
      for (Object v : values) {
        coerced.add(desc.coerce(v));
      }
      copy.put(desc, Collections.unmodifiableList(coerced));
      axis++;
    }
    this.array = array;
    this.channels = Collections.unmodifiableMap(copy);
  }

  /**
   * Creates a 3-dimensional volume without channels.
   *
   * @param array voxel data (slices, rows, columns)
   * @param affine 4 x 4 affine matrix
   * @param coordinateSystem PATIENT or SLIDE
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052), or null
   */
  public Volume(
      NdArray array,
      double[][] affine,
      CoordinateSystemNames coordinateSystem,
      String frameOfReferenceUid) {
    this(array, affine, coordinateSystem, frameOfReferenceUid, null);
  }

  /**
   * Creates a volume from DICOM attributes (highdicom {@code Volume.from_attributes}); frames are
   * stacked down axis 0 along column cosines × row cosines (right-handed axes).
   *
   * @param array voxel data (slices, rows, columns[, channels…])
   * @param imagePosition Image Position (Patient) (0020,0032) of the first frame
   * @param imageOrientation Image Orientation (Patient) (0020,0037)
   * @param pixelSpacing Pixel Spacing (0028,0030)
   * @param spacingBetweenSlices spacing between frames
   * @param coordinateSystem PATIENT or SLIDE
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052), or null
   * @param channels channel descriptors and values, or null
   * @return the volume
   */
  public static Volume fromAttributes(
      NdArray array,
      double[] imagePosition,
      double[] imageOrientation,
      double[] pixelSpacing,
      double spacingBetweenSlices,
      CoordinateSystemNames coordinateSystem,
      String frameOfReferenceUid,
      Map<ChannelDescriptor, ? extends List<?>> channels) {
    double[][] affine =
        Spatial.createAffineMatrixFromAttributes(
            imagePosition,
            imageOrientation,
            pixelSpacing,
            spacingBetweenSlices,
            Spatial.VOLUME_INDEX_CONVENTION,
            true,
            AxisHandedness.RIGHT_HANDED);
    return new Volume(array, affine, coordinateSystem, frameOfReferenceUid, channels);
  }

  /**
   * Creates a volume from affine components (highdicom {@code Volume.from_components}).
   *
   * @param array voxel data
   * @param components spacing, position and direction
   * @param coordinateSystem PATIENT or SLIDE (a patient orientation needs PATIENT)
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052), or null
   * @param channels channel descriptors and values, or null
   * @return the volume
   */
  public static Volume fromComponents(
      NdArray array,
      AffineComponents components,
      CoordinateSystemNames coordinateSystem,
      String frameOfReferenceUid,
      Map<ChannelDescriptor, ? extends List<?>> channels) {
    VolumeGeometry.checkOrientationSystem(components, coordinateSystem);
    return new Volume(
        array,
        components.toAffine(Arrays.copyOf(array.shape(), 3)),
        coordinateSystem,
        frameOfReferenceUid,
        channels);
  }

  // ---------------------------------------------------------------- array

  /** Returns the voxel array (shared, not copied). */
  public NdArray array() {
    return array;
  }

  /** Returns the element type. */
  public DType dtype() {
    return array.dtype();
  }

  /** Returns the full shape including channel axes. */
  public int[] shape() {
    return array.shape();
  }

  /** Returns the number of axes. */
  public int ndim() {
    return array.ndim();
  }

  @Override
  public int[] spatialShape() {
    return Arrays.copyOf(array.shape(), 3);
  }

  /** Returns the extents of the channel axes. */
  public int[] channelShape() {
    return Arrays.copyOfRange(array.shape(), 3, array.ndim());
  }

  /** Returns the number of channel axes. */
  public int numberOfChannelDimensions() {
    return array.ndim() - 3;
  }

  /** Returns the descriptors of the channel axes in axis order. */
  public List<ChannelDescriptor> channelDescriptors() {
    return List.copyOf(channels.keySet());
  }

  /** Returns the channel axes with their values (unmodifiable, in axis order). */
  public Map<ChannelDescriptor, List<Object>> channels() {
    return channels;
  }

  /**
   * Returns the values along one channel axis.
   *
   * @param keyword the descriptor's keyword
   * @return the values
   */
  public List<Object> getChannelValues(String keyword) {
    return channels.get(descriptor(keyword));
  }

  private ChannelDescriptor descriptor(String keyword) {
    for (ChannelDescriptor d : channels.keySet()) {
      if (d.keyword().equals(keyword)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "No channel identifier with keyword '"
            + keyword
            + "' found in volume (expected one of "
            + channels.keySet()
            + ")");
  }

  /** Returns a deep copy. */
  public Volume copy() {
    return new Volume(array.copy(), affine, coordinateSystem, frameOfReferenceUid, channels);
  }

  /**
   * Returns a volume with the same geometry and another array of the same spatial shape; the
   * channels are kept when the array has this volume's shape, otherwise it must be 3-dimensional.
   *
   * @param newArray the array
   * @return the volume
   */
  public Volume withArray(NdArray newArray) {
    if (newArray.ndim() == 3) {
      return withArray(newArray, null);
    }
    if (!Arrays.equals(newArray.shape(), array.shape())) {
      throw new IllegalArgumentException(
          "Array must match the shape of the existing array (expected "
              + Arrays.toString(array.shape())
              + "): "
              + Arrays.toString(newArray.shape()));
    }
    return withArray(newArray, channels);
  }

  /**
   * Returns a volume with the same geometry and another array and channels.
   *
   * @param newArray array of the same spatial shape
   * @param newChannels channel descriptors and values, or null
   * @return the volume
   */
  public Volume withArray(NdArray newArray, Map<ChannelDescriptor, ? extends List<?>> newChannels) {
    if (newArray.ndim() < 3 || !Arrays.equals(Arrays.copyOf(newArray.shape(), 3), spatialShape())) {
      throw new IllegalArgumentException(
          "Array must match the spatial shape of the existing array (expected "
              + Arrays.toString(spatialShape())
              + "): "
              + Arrays.toString(newArray.shape()));
    }
    return new Volume(newArray, affine, coordinateSystem, frameOfReferenceUid, newChannels);
  }

  /**
   * Returns a copy converted to another element type (numpy {@code astype}).
   *
   * @param dtype the new type
   * @return the volume
   */
  public Volume astype(DType dtype) {
    return withArray(array.astype(dtype), channels);
  }

  // ---------------------------------------------------------------- channels

  /**
   * Selects one value along a channel axis.
   *
   * @param keyword the channel descriptor's keyword
   * @param value the channel value (enum constants may be given by name)
   * @param keepdims keep the axis with extent 1
   * @return the volume
   */
  public Volume getChannel(String keyword, Object value, boolean keepdims) {
    ChannelDescriptor d = descriptor(keyword);
    Object v = d.coerce(value);
    int index = channels.get(d).indexOf(v);
    if (index < 0) {
      throw new IllegalArgumentException("Value " + value + " is not found in channel " + d + ".");
    }
    int axis = 3 + channelDescriptors().indexOf(d);
    int[] shape = array.shape();
    int[] strides = ArrayOps.contiguousStrides(shape);
    int[] outShape = shape.clone();
    outShape[axis] = 1;
    NdArray out = NdArray.zeros(array.dtype(), outShape);
    ArrayOps.copyBlock(
        array,
        index * strides[axis],
        strides,
        out,
        0,
        ArrayOps.contiguousStrides(outShape),
        outShape);
    Map<ChannelDescriptor, List<Object>> newChannels = new LinkedHashMap<>(channels);
    if (keepdims) {
      newChannels.put(d, List.of(v));
      return withArray(out, newChannels);
    }
    newChannels.remove(d);
    int[] squeezed = new int[shape.length - 1];
    for (int i = 0, k = 0; i < shape.length; i++) {
      if (i != axis) {
        squeezed[k++] = outShape[i];
      }
    }
    return withArray(out.reshape(squeezed), newChannels);
  }

  /** Removes all channel axes of extent 1. */
  public Volume squeezeChannel() {
    Map<ChannelDescriptor, List<Object>> kept = new LinkedHashMap<>();
    List<Integer> shape = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      shape.add(array.shape(d));
    }
    int axis = 3;
    for (Map.Entry<ChannelDescriptor, List<Object>> e : channels.entrySet()) {
      if (array.shape(axis) != 1) {
        kept.put(e.getKey(), e.getValue());
        shape.add(array.shape(axis));
      }
      axis++;
    }
    return withArray(array.reshape(shape.stream().mapToInt(i -> i).toArray()), kept);
  }

  /**
   * Permutes the channel axes.
   *
   * @param indices 0 … number of channel axes − 1 in the new order
   * @return the volume
   */
  public Volume permuteChannelAxesByIndex(int... indices) {
    int nc = numberOfChannelDimensions();
    if (indices.length != nc
        || Arrays.stream(indices).distinct().count() != nc
        || Arrays.stream(indices).anyMatch(i -> i < 0 || i >= nc)) {
      throw new IllegalArgumentException(
          "Set of channel indices must match exactly those present in the volume: "
              + Arrays.toString(indices));
    }
    int[] perm = new int[3 + nc];
    perm[0] = 0;
    perm[1] = 1;
    perm[2] = 2;
    List<ChannelDescriptor> ds = channelDescriptors();
    Map<ChannelDescriptor, List<Object>> newChannels = new LinkedHashMap<>();
    for (int i = 0; i < nc; i++) {
      perm[3 + i] = 3 + indices[i];
      newChannels.put(ds.get(indices[i]), channels.get(ds.get(indices[i])));
    }
    return withArray(ArrayOps.transpose(array, perm), newChannels);
  }

  /**
   * Permutes the channel axes by keyword.
   *
   * @param keywords all channel keywords in the new order
   * @return the volume
   */
  public Volume permuteChannelAxes(String... keywords) {
    List<ChannelDescriptor> ds = channelDescriptors();
    int[] idx = new int[keywords.length];
    for (int i = 0; i < keywords.length; i++) {
      idx[i] = ds.indexOf(descriptor(keywords[i]));
    }
    return permuteChannelAxesByIndex(idx);
  }

  // ---------------------------------------------------------------- intensities

  private int channelSize() {
    int n = 1;
    for (int c : channelShape()) {
      n *= c;
    }
    return n;
  }

  private DType floatType() {
    return array.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
  }

  /**
   * Normalises to a mean and standard deviation (population standard deviation, as numpy); the
   * result is floating point. A constant array (or channel) becomes {@code outputMean}.
   *
   * @param perChannel use each channel's own statistics (when there are channel axes)
   * @param outputMean mean after scaling
   * @param outputStd standard deviation after scaling
   * @return the volume
   */
  public Volume normalizeMeanStd(boolean perChannel, double outputMean, double outputStd) {
    int groups = perChannel ? channelSize() : 1;
    double[] sum = new double[groups];
    long[] count = new long[groups];
    int n = array.size();
    for (int f = 0; f < n; f++) {
      int g = f % groups;
      sum[g] += array.getFlatDouble(f);
      count[g]++;
    }
    double[] mean = new double[groups];
    double[] var = new double[groups];
    for (int g = 0; g < groups; g++) {
      mean[g] = sum[g] / count[g];
    }
    for (int f = 0; f < n; f++) {
      double d = array.getFlatDouble(f) - mean[f % groups];
      var[f % groups] += d * d;
    }
    NdArray out = NdArray.zeros(floatType(), array.shape());
    for (int f = 0; f < n; f++) {
      int g = f % groups;
      double std = Math.sqrt(var[g] / count[g]);
      double v =
          std == 0
              ? outputMean
              : (array.getFlatDouble(f) - mean[g]) / (std / outputStd) + outputMean;
      out.setFlatDouble(f, v);
    }
    return withArray(out, channels);
  }

  /**
   * Maps the intensity range linearly onto [outputMin, outputMax]; the result is floating point. A
   * constant array (or channel) becomes {@code outputMin}.
   *
   * @param outputMin value of the minimum intensity
   * @param outputMax value of the maximum intensity, above outputMin
   * @param perChannel use each channel's own range (when there are channel axes)
   * @return the volume
   */
  public Volume normalizeMinMax(double outputMin, double outputMax, boolean perChannel) {
    if (!(outputMax > outputMin)) {
      throw new IllegalArgumentException(
          "Output min must be below output max: " + outputMin + " >= " + outputMax);
    }
    int groups = perChannel ? channelSize() : 1;
    double[] min = new double[groups];
    double[] max = new double[groups];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    int n = array.size();
    for (int f = 0; f < n; f++) {
      double v = array.getFlatDouble(f);
      min[f % groups] = Math.min(min[f % groups], v);
      max[f % groups] = Math.max(max[f % groups], v);
    }
    NdArray out = NdArray.zeros(floatType(), array.shape());
    for (int f = 0; f < n; f++) {
      int g = f % groups;
      double range = max[g] - min[g];
      double v =
          range == 0
              ? outputMin
              : (array.getFlatDouble(f) - min[g]) * ((outputMax - outputMin) / range) + outputMin;
      out.setFlatDouble(f, v);
    }
    return withArray(out, channels);
  }

  /**
   * Clips intensities to [aMin, aMax], keeping the dtype.
   *
   * @param aMin lower bound, or null for none
   * @param aMax upper bound, or null for none
   * @return the volume
   */
  public Volume clip(Double aMin, Double aMax) {
    if (aMin == null && aMax == null) {
      throw new IllegalArgumentException("One of aMin or aMax must be given.");
    }
    NdArray out = array.copy();
    boolean floating = array.dtype().isFloatingPoint();
    for (int f = 0; f < out.size(); f++) {
      double v = floating ? out.getFlatDouble(f) : out.getFlatLong(f);
      if (aMin != null && v < aMin) {
        out.setFlatDouble(f, floating ? aMin : Math.ceil(aMin));
      } else if (aMax != null && v > aMax) {
        out.setFlatDouble(f, floating ? aMax : Math.floor(aMax));
      }
    }
    return withArray(out, channels);
  }

  // ---------------------------------------------------------------- geometry hooks

  @Override
  Volume self() {
    return this;
  }

  @Override
  Volume permuted(int[] perm, double[][] newAffine) {
    int[] full = new int[array.ndim()];
    for (int i = 0; i < full.length; i++) {
      full[i] = i < 3 ? perm[i] : i;
    }
    return new Volume(
        ArrayOps.transpose(array, full),
        newAffine,
        coordinateSystem,
        frameOfReferenceUid,
        channels);
  }

  @Override
  Volume regrid(
      int[] first,
      int[] step,
      int[] size,
      double[][] newAffine,
      PadModes mode,
      double constantValue,
      boolean perChannel) {
    int[] n = spatialShape();
    int[] chShape = channelShape();
    int[] outShape = new int[array.ndim()];
    System.arraycopy(size, 0, outShape, 0, 3);
    System.arraycopy(chShape, 0, outShape, 3, chShape.length);
    int[] k0 = new int[3];
    int[] k1 = new int[3];
    boolean outside = false;
    boolean overlap = true;
    for (int d = 0; d < 3; d++) {
      // k such that 0 <= first + k * step < n
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      for (int k = 0; k < size[d]; k++) {
        long idx = first[d] + (long) k * step[d];
        if (idx >= 0 && idx < n[d]) {
          lo = Math.min(lo, k);
          hi = Math.max(hi, k);
        }
      }
      if (lo > hi) {
        overlap = false;
        k0[d] = 0;
        k1[d] = 0;
      } else {
        k0[d] = lo;
        k1[d] = hi + 1;
      }
      outside |= k0[d] > 0 || k1[d] < size[d];
    }
    outside |= !overlap;
    NdArray out = NdArray.zeros(array.dtype(), outShape);
    if (outside && mode != PadModes.EDGE) {
      fillPad(out, mode, constantValue, perChannel);
    }
    int[] srcStrides = ArrayOps.contiguousStrides(array.shape());
    int[] dstStrides = ArrayOps.contiguousStrides(outShape);
    if (overlap) {
      int srcOff = 0;
      int dstOff = 0;
      int[] blockStrides = srcStrides.clone();
      int[] block = outShape.clone();
      for (int d = 0; d < 3; d++) {
        srcOff += (first[d] + k0[d] * step[d]) * srcStrides[d];
        dstOff += k0[d] * dstStrides[d];
        blockStrides[d] = srcStrides[d] * step[d];
        block[d] = k1[d] - k0[d];
      }
      ArrayOps.copyBlock(array, srcOff, blockStrides, out, dstOff, dstStrides, block);
    }
    if (outside && mode == PadModes.EDGE) {
      fillEdgesClamped(out, first, step, size, n, k0, k1, overlap, srcStrides, dstStrides);
    }
    return new Volume(out, newAffine, coordinateSystem, frameOfReferenceUid, channels);
  }

  private void fillEdgesClamped(
      NdArray out,
      int[] first,
      int[] step,
      int[] size,
      int[] n,
      int[] k0,
      int[] k1,
      boolean overlap,
      int[] srcStrides,
      int[] dstStrides) {
    int cs = channelSize();
    int[] one = {1};
    int[] unit = {1};
    for (int a = 0; a < size[0]; a++) {
      for (int b = 0; b < size[1]; b++) {
        for (int c = 0; c < size[2]; c++) {
          boolean inside =
              overlap
                  && a >= k0[0]
                  && a < k1[0]
                  && b >= k0[1]
                  && b < k1[1]
                  && c >= k0[2]
                  && c < k1[2];
          if (inside) {
            continue;
          }
          int[] k = {a, b, c};
          int src = 0;
          int dst = 0;
          for (int d = 0; d < 3; d++) {
            long idx = first[d] + (long) k[d] * step[d];
            int clamped = (int) Math.max(0, Math.min(n[d] - 1, idx));
            src += clamped * srcStrides[d];
            dst += k[d] * dstStrides[d];
          }
          one[0] = cs;
          ArrayOps.copyBlock(array, src, unit, out, dst, unit, one);
        }
      }
    }
  }

  private void fillPad(NdArray out, PadModes mode, double constantValue, boolean perChannel) {
    int groups = perChannel && numberOfChannelDimensions() > 0 ? channelSize() : 1;
    if (mode == PadModes.CONSTANT) {
      groups = 1;
    }
    double[] values = new double[groups];
    if (mode == PadModes.CONSTANT) {
      values[0] = constantValue;
    } else {
      for (int g = 0; g < groups; g++) {
        values[g] = statistic(mode, g, groups);
      }
    }
    if (groups == 1) {
      ArrayOps.fill(out, values[0]);
      return;
    }
    for (int f = 0; f < out.size(); f++) {
      out.setFlatDouble(f, values[f % groups]);
    }
  }

  private double statistic(PadModes mode, int group, int groups) {
    int n = array.size() / groups;
    double[] v = new double[n];
    for (int i = 0, f = group; f < array.size(); f += groups, i++) {
      v[i] = array.getFlatDouble(f);
    }
    switch (mode) {
      case MINIMUM:
        return Arrays.stream(v).min().orElse(0);
      case MAXIMUM:
        return Arrays.stream(v).max().orElse(0);
      case MEAN:
        return Arrays.stream(v).average().orElse(0);
      default:
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
  }

  @Override
  public String toString() {
    return "Volume[shape="
        + Arrays.toString(array.shape())
        + ", dtype="
        + array.dtype().numpyName()
        + ", "
        + coordinateSystem
        + ", channels="
        + channels.keySet()
        + "]";
  }
}
