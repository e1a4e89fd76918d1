package org.highdicom4j.seg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.highdicom4j.ChannelDescriptor;
import org.highdicom4j.CoordinateSystemNames;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.RGBColorChannels;
import org.highdicom4j.Volume;
import org.highdicom4j.VolumeGeometry;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.highdicom4j.spatial.Spatial;
import org.highdicom4j.spatial.VolumePositionOptions;
import org.highdicom4j.spatial.VolumePositions;

/**
 * The reading side of a {@link Segmentation}: its segments, references and frame index parsed once,
 * and the pixel queries built on them. Package-private; {@link Segmentation} exposes it.
 */
final class SegmentationContent {
  final SegmentationTypeValues type;
  final SegmentationFractionalTypeValues fractionalType;
  final int maxFractionalValue;

  /** Described segments in ascending number, without the label map background (0). */
  final List<SegmentDescription> descriptions;

  /** All Segment Sequence items by number, the label map background included. */
  final Map<Integer, SegmentDescription> byNumber;

  final List<SourceImageReference> sources;
  final SegmentFrameIndex index;
  final SegmentPixelReader pixels;
  private final DicomDataset ds;

  SegmentationContent(DicomDataset ds, TransferSyntax ts, Executor executor) {
    this.ds = ds;
    String t = ds.getString(Tag.SegmentationType);
    if (t == null) {
      throw new IllegalArgumentException(
          "SegmentationType (0062,0001) is missing (expected BINARY, FRACTIONAL or LABELMAP)");
    }
    this.type = SegmentationTypeValues.fromValue(t);
    boolean fractional = type == SegmentationTypeValues.FRACTIONAL;
    String ft = ds.getString(Tag.SegmentationFractionalType);
    this.fractionalType =
        fractional && ft != null ? SegmentationFractionalTypeValues.fromValue(ft) : null;
    this.maxFractionalValue = fractional ? ds.getInt(Tag.MaximumFractionalValue, 255) : 1;
    if (fractional && (maxFractionalValue < 1 || maxFractionalValue > 255)) {
      throw new IllegalArgumentException(
          "MaximumFractionalValue (0062,000E) must be 1..255: " + maxFractionalValue);
    }
    Sequence segments = ds.getSequence(Tag.SegmentSequence);
    if (segments == null || segments.isEmpty()) {
      throw new IllegalArgumentException(
          "SegmentSequence (0062,0002) is missing or empty (expected one item per segment)");
    }
    Map<Integer, SegmentDescription> all = new java.util.TreeMap<>();
    for (DicomDataset item : segments) {
      SegmentDescription d = SegmentDescription.fromDataset(item);
      if (all.put(d.segmentNumber(), d) != null) {
        throw new IllegalArgumentException(
            "SegmentNumber (0062,0004) values must be unique: " + d.segmentNumber());
      }
    }
    this.byNumber = java.util.Collections.unmodifiableMap(all);
    List<SegmentDescription> described = new ArrayList<>();
    for (SegmentDescription d : all.values()) {
      if (d.segmentNumber() != 0) {
        described.add(d);
      }
    }
    this.descriptions = List.copyOf(described);
    this.sources = readSources(ds);
    boolean labelmap = type == SegmentationTypeValues.LABELMAP;
    this.index = SegmentFrameIndex.of(ds, labelmap, segmentNumbers());
    this.pixels = new SegmentPixelReader(ds, ts, index.segmentOfFrame, labelmap, executor);
    int bits = ds.getInt(Tag.BitsAllocated, 0);
    int expected = type == SegmentationTypeValues.BINARY ? 1 : fractional ? 8 : -1;
    if (expected > 0 && bits != expected) {
      throw new IllegalArgumentException(
          "BitsAllocated (0028,0100) of a "
              + type.value()
              + " segmentation must be "
              + expected
              + ": "
              + bits);
    }
  }

  int[] segmentNumbers() {
    int[] out = new int[descriptions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = descriptions.get(i).segmentNumber();
    }
    return out;
  }

  private static List<SourceImageReference> readSources(DicomDataset ds) {
    Set<String> seen = new HashSet<>();
    List<SourceImageReference> out = new ArrayList<>();
    String study = ds.getString(Tag.StudyInstanceUID);
    addSeries(ds.getSequence(Tag.ReferencedSeriesSequence), study, seen, out);
    Sequence studies = ds.getSequence(Tag.StudiesContainingOtherReferencedInstancesSequence);
    if (studies != null) {
      for (DicomDataset s : studies) {
        addSeries(
            s.getSequence(Tag.ReferencedSeriesSequence),
            s.getString(Tag.StudyInstanceUID),
            seen,
            out);
      }
    }
    // Tolerated: no Referenced Instance Sequence; the Source Image Sequence still names them.
    Sequence src = ds.getSequence(Tag.SourceImageSequence);
    if (src != null) {
      for (DicomDataset item : src) {
        String uid = item.getString(Tag.ReferencedSOPInstanceUID);
        if (uid != null && seen.add(uid)) {
          out.add(new SourceImageReference(study, null, uid));
        }
      }
    }
    return List.copyOf(out);
  }

  private static void addSeries(
      Sequence series, String study, Set<String> seen, List<SourceImageReference> out) {
    if (series == null) {
      return;
    }
    for (DicomDataset s : series) {
      Sequence instances = s.getSequence(Tag.ReferencedInstanceSequence);
      if (instances == null) {
        continue;
      }
      for (DicomDataset i : instances) {
        String uid = i.getString(Tag.ReferencedSOPInstanceUID);
        if (uid != null && seen.add(uid)) {
          out.add(new SourceImageReference(study, s.getString(Tag.SeriesInstanceUID), uid));
        }
      }
    }
  }

  SegmentDescription description(int number) {
    SegmentDescription d = byNumber.get(number);
    if (d == null) {
      throw new IllegalArgumentException(
          number + " is an invalid segment number for this dataset.");
    }
    return d;
  }

  // ---------------------------------------------------------------- selection

  SegmentPixelReader.Selection select(SegmentPixelOptions o) {
    int[] numbers = o.segmentNumbers();
    if (numbers == null) {
      numbers = segmentNumbers();
    }
    if (numbers.length == 0) {
      throw new IllegalArgumentException(
          "segmentNumbers must not be empty (expected at least one segment number, or null for"
              + " all)");
    }
    int max = 0;
    Set<Integer> unique = new HashSet<>();
    for (int n : numbers) {
      if (n == 0 || !byNumber.containsKey(n)) {
        throw new IllegalArgumentException(n + " is an invalid segment number for this dataset.");
      }
      if (!unique.add(n)) {
        throw new IllegalArgumentException("segmentNumbers must not repeat a segment: " + n);
      }
      max = Math.max(max, n);
    }
    checkColor(o);
    if (o.relabel() && !o.combineSegments()) {
      throw new IllegalArgumentException(
          "relabel requires combineSegments (expected combineSegments true with relabel)");
    }
    boolean fractional = type == SegmentationTypeValues.FRACTIONAL;
    if (fractional && o.combineSegments() && !o.rescaleFractional()) {
      throw new IllegalArgumentException(
          "In order to combine segments of a FRACTIONAL segmentation image, rescaleFractional must"
              + " be true.");
    }
    boolean floatOut = fractional && o.rescaleFractional() && !o.combineSegments();
    double maxOut;
    if (o.combineSegments()) {
      maxOut = o.relabel() ? numbers.length : max;
    } else {
      maxOut = fractional && !o.rescaleFractional() ? maxFractionalValue : 1;
    }
    // With the palette applied, dtype is the type of the colours; labels get their natural type.
    DType dtype = o.applyPaletteColorLut() ? null : o.dtype();
    if (dtype == null) {
      dtype =
          floatOut
              ? DType.FLOAT32
              : maxOut <= 255 ? DType.UINT8 : maxOut <= 65535 ? DType.UINT16 : DType.UINT32;
    } else {
      if (floatOut && !dtype.isFloatingPoint()) {
        throw new IllegalArgumentException(
            "When rescaling fractional segmentation values the dtype must be a floating-point"
                + " type (expected FLOAT32 or FLOAT64): "
                + dtype);
      }
      if (maxOut > dtype.max()) {
        throw new IllegalArgumentException(
            "The maximum output value of the segmentation array is "
                + (long) maxOut
                + ", which is too large be represented using dtype "
                + dtype.numpyName()
                + ".");
      }
    }
    int[] channelOf = new int[max + 1];
    Arrays.fill(channelOf, -1);
    int[] labelOf = new int[numbers.length];
    for (int k = 0; k < numbers.length; k++) {
      channelOf[numbers[k]] = k;
      labelOf[k] = o.relabel() ? k + 1 : numbers[k];
    }
    return new SegmentPixelReader.Selection(
        numbers,
        channelOf,
        labelOf,
        o.combineSegments(),
        fractional,
        o.rescaleFractional(),
        maxFractionalValue,
        o.skipOverlapChecks(),
        dtype);
  }

  private void checkColor(SegmentPixelOptions o) {
    SegmentationColor.check(ds, type, o);
  }

  private NdArray colorize(NdArray labels, SegmentPixelOptions o) {
    return SegmentationColor.colorize(ds, labels, o);
  }

  // ---------------------------------------------------------------- queries

  private void checkSourceIndexing(int[] frames, SegmentPixelOptions o) {
    if (index.tiledFull) {
      throw new IllegalStateException(
          "Indexing via source frames is not possible for a TILED_FULL segmentation: its frames"
              + " record no source frames (use getTotalPixelMatrix)");
    }
    if (!index.singleSourcePerFrame) {
      throw new IllegalStateException(
          "Indexing via source frames is not permissible since some frames in the image reference"
              + " multiple source frames.");
    }
    if (!o.ignoreSpatialLocations() && index.locationsNotPreserved(frames)) {
      throw new IllegalStateException(
          "Indexing via source frames is not permissible since the image records that spatial"
              + " locations are not preserved (SpatialLocationsPreserved (0028,135A) NO) in the"
              + " course of deriving it from the source (use ignoreSpatialLocations to override)");
    }
  }

  NdArray bySourceInstance(List<String> uids, SegmentPixelOptions o) throws IOException {
    if (uids.isEmpty()) {
      throw new IllegalArgumentException(
          "sourceSopInstanceUids must not be empty (expected at least one SOP Instance UID)");
    }
    SegmentPixelReader.Selection sel = select(o);
    checkSourceIndexing(new int[0], o);
    List<SegmentPixelReader.Placement> placements = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int k = 0; k < uids.size(); k++) {
      String uid = java.util.Objects.requireNonNull(uids.get(k), "sourceSopInstanceUids element");
      int[] frames = index.framesByInstance.get(uid);
      if (frames == null) {
        // A referenced source without frames has an empty mask (omitted empty frames).
        if (!referenced(uid)) {
          missing.add(uid);
        }
        continue;
      }
      checkSourceIndexing(frames, o);
      for (int f : frames) {
        placements.add(new SegmentPixelReader.Placement(f, k, 0, 0));
      }
    }
    if (!missing.isEmpty() && !o.assertMissingFramesAreEmpty()) {
      throw new IllegalArgumentException(
          "Source instance(s) "
              + (missing.size() <= 3
                  ? missing.toString()
                  : missing.subList(0, 3) + " and " + (missing.size() - 3) + " more")
              + " are not referenced by this segmentation (expected SOP Instance UIDs of its"
              + " source images; set assertMissingFramesAreEmpty to get empty masks)");
    }
    return colorize(
        pixels.assemble(uids.size(), pixels.rows(), pixels.columns(), placements, sel), o);
  }

  private boolean referenced(String uid) {
    for (SourceImageReference r : sources) {
      if (r.sopInstanceUid().equals(uid)) {
        return true;
      }
    }
    return false;
  }

  NdArray bySourceFrame(String uid, int[] frameNumbers, SegmentPixelOptions o) throws IOException {
    if (frameNumbers.length == 0) {
      throw new IllegalArgumentException(
          "sourceFrameNumbers must not be empty (expected at least one frame number)");
    }
    SegmentPixelReader.Selection sel = select(o);
    checkSourceIndexing(new int[0], o);
    if (!index.framesByInstance.containsKey(uid) && !o.assertMissingFramesAreEmpty()) {
      throw new IllegalArgumentException(
          "Source SOP instance "
              + uid
              + (referenced(uid)
                  ? " has no segmentation frames"
                  : " is not referenced by this segmentation")
              + " (expected a source instance of the segmentation)");
    }
    List<SegmentPixelReader.Placement> placements = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (int k = 0; k < frameNumbers.length; k++) {
      int n = frameNumbers[k];
      if (n < 1) {
        throw new IllegalArgumentException(
            "Source frame numbers are 1-based (expected >= 1): " + n);
      }
      int[] frames = index.framesBySourceFrame.get(uid + "#" + n);
      if (frames == null) {
        missing.add(n);
        continue;
      }
      checkSourceIndexing(frames, o);
      for (int f : frames) {
        placements.add(new SegmentPixelReader.Placement(f, k, 0, 0));
      }
    }
    if (!missing.isEmpty() && !o.assertMissingFramesAreEmpty()) {
      throw new IllegalArgumentException(
          "No frame of the segmentation references source frame(s) "
              + missing
              + " of "
              + uid
              + " (expected referenced frames; set assertMissingFramesAreEmpty to get empty"
              + " masks)");
    }
    return colorize(
        pixels.assemble(frameNumbers.length, pixels.rows(), pixels.columns(), placements, sel), o);
  }

  int[] dimensionIndexPointers() {
    Sequence seq = ds.getSequence(Tag.DimensionIndexSequence);
    if (seq == null) {
      return new int[0];
    }
    int[] out = new int[seq.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = seq.get(i).getInt(Tag.DimensionIndexPointer, 0);
    }
    return out;
  }

  int[] defaultDimensionIndexPointers() {
    return Arrays.stream(dimensionIndexPointers())
        .filter(p -> p != Tag.ReferencedSegmentNumber)
        .toArray();
  }

  /** Positions of the pointers within Dimension Index Values; fails on an unknown pointer. */
  private int[] pointerPositions(int[] pointers) {
    int[] all = dimensionIndexPointers();
    int[] pos = new int[pointers.length];
    for (int i = 0; i < pointers.length; i++) {
      pos[i] = -1;
      for (int k = 0; k < all.length; k++) {
        if (all[k] == pointers[i]) {
          pos[i] = k;
        }
      }
      if (pos[i] < 0 || pointers[i] == Tag.ReferencedSegmentNumber) {
        throw new IllegalArgumentException(
            "Dimension index pointer "
                + DicomDataset.tagString(pointers[i])
                + " is not a dimension of this segmentation (expected one of "
                + Arrays.toString(
                    Arrays.stream(defaultDimensionIndexPointers())
                        .mapToObj(DicomDataset::tagString)
                        .toArray())
                + ")");
      }
    }
    return pos;
  }

  private Map<List<Integer>, List<Integer>> framesByIndexValues(int[] positions) {
    Map<List<Integer>, List<Integer>> out = new HashMap<>();
    for (int f = 0; f < index.numberOfFrames; f++) {
      int[] v = index.dimensionIndexValues[f];
      if (v == null) {
        throw new IllegalStateException(
            "Frame "
                + (f + 1)
                + " has no DimensionIndexValues (0020,9157) (expected a FrameContentSequence item)");
      }
      List<Integer> key = new ArrayList<>();
      for (int p : positions) {
        key.add(p < v.length ? v[p] : -1);
      }
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  boolean areDimensionIndicesUnique(int[] pointers) {
    Map<List<Integer>, List<Integer>> map = framesByIndexValues(pointerPositions(pointers));
    for (List<Integer> frames : map.values()) {
      Set<Integer> segs = new HashSet<>();
      for (int f : frames) {
        if (!segs.add(index.segmentOfFrame[f])) {
          return false;
        }
      }
    }
    return true;
  }

  NdArray byDimensionIndexValues(int[][] values, int[] pointers, SegmentPixelOptions o)
      throws IOException {
    if (values.length == 0) {
      throw new IllegalArgumentException(
          "dimensionIndexValues must not be empty (expected at least one tuple)");
    }
    int[] ptrs = pointers == null ? defaultDimensionIndexPointers() : pointers;
    if (ptrs.length == 0) {
      throw new IllegalArgumentException(
          "dimensionIndexPointers must not be empty (expected at least one pointer)");
    }
    int[] positions = pointerPositions(ptrs);
    if (!areDimensionIndicesUnique(ptrs)) {
      throw new IllegalArgumentException(
          "Dimension index pointers "
              + Arrays.toString(Arrays.stream(ptrs).mapToObj(DicomDataset::tagString).toArray())
              + " do not uniquely identify frames of this segmentation (expected unique index"
              + " values per segment)");
    }
    SegmentPixelReader.Selection sel = select(o);
    Map<List<Integer>, List<Integer>> map = framesByIndexValues(positions);
    List<SegmentPixelReader.Placement> placements = new ArrayList<>();
    for (int k = 0; k < values.length; k++) {
      int[] v = values[k];
      if (v == null || v.length != ptrs.length) {
        throw new IllegalArgumentException(
            "dimensionIndexValues["
                + k
                + "] must have one value per pointer (expected "
                + ptrs.length
                + "): "
                + Arrays.toString(v));
      }
      List<Integer> key = new ArrayList<>();
      for (int x : v) {
        if (x < 1) {
          throw new IllegalArgumentException(
              "Dimension index values are 1-based (expected >= 1): " + Arrays.toString(v));
        }
        key.add(x);
      }
      List<Integer> frames = map.get(key);
      if (frames == null) {
        if (!o.assertMissingFramesAreEmpty()) {
          throw new IllegalArgumentException(
              "No frame of the segmentation has dimension index values "
                  + Arrays.toString(v)
                  + " (expected existing values; set assertMissingFramesAreEmpty to get empty"
                  + " masks)");
        }
        continue;
      }
      for (int f : frames) {
        placements.add(new SegmentPixelReader.Placement(f, k, 0, 0));
      }
    }
    return colorize(
        pixels.assemble(values.length, pixels.rows(), pixels.columns(), placements, sel), o);
  }

  // ---------------------------------------------------------------- volume

  /** Returns the plane geometry shared by all frames: orientation, then pixel spacing. */
  private double[][] planeGeometry() {
    DicomDataset shared = ds.getItem(Tag.SharedFunctionalGroupsSequence);
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    DicomDataset first = perFrame == null || perFrame.isEmpty() ? null : perFrame.get(0);
    DicomDataset po = SegmentFrameIndex.group(first, shared, Tag.PlaneOrientationSequence);
    DicomDataset pm = SegmentFrameIndex.group(first, shared, Tag.PixelMeasuresSequence);
    double[] orientation = po == null ? null : po.getDoubles(Tag.ImageOrientationPatient);
    double[] spacing = pm == null ? null : pm.getDoubles(Tag.PixelSpacing);
    if (orientation == null || orientation.length != 6 || spacing == null || spacing.length != 2) {
      throw new IllegalStateException(
          "Segmentation frames lack ImageOrientationPatient (0020,0037) or PixelSpacing"
              + " (0028,0030) (expected Plane Orientation and Pixel Measures functional groups)");
    }
    double between = pm.getDouble(Tag.SpacingBetweenSlices, 0);
    return new double[][] {orientation, spacing, {between}};
  }

  Volume volume(Integer sliceStart, Integer sliceEnd, SegmentPixelOptions o) throws IOException {
    if (ds.contains(Tag.TotalPixelMatrixRows)) {
      return tiledVolume(sliceStart, sliceEnd, o);
    }
    Map<String, Integer> planeOf = new LinkedHashMap<>();
    List<double[]> planes = new ArrayList<>();
    int[] planeOfFrame = new int[index.numberOfFrames];
    for (int f = 0; f < index.numberOfFrames; f++) {
      double[] p = index.positions[f];
      if (p == null) {
        throw new IllegalStateException(
            "Frame "
                + (f + 1)
                + " has no ImagePositionPatient (0020,0032) (expected a Plane Position"
                + " functional group in every frame)");
      }
      String key = String.format("%.4f/%.4f/%.4f", p[0], p[1], p[2]);
      Integer k = planeOf.get(key);
      if (k == null) {
        k = planes.size();
        planeOf.put(key, k);
        planes.add(p);
      }
      planeOfFrame[f] = k;
    }
    double[][] g = planeGeometry();
    double between = g[2][0];
    VolumePositionOptions vo =
        VolumePositionOptions.defaults()
            .withAllowMissingPositions(true)
            .withSpacingHint(between > 0 ? between : null);
    Optional<VolumePositions> vp =
        Spatial.getVolumePositions(planes.toArray(new double[0][]), g[0], vo);
    if (vp.isEmpty()) {
      throw new IllegalStateException("Frame positions do not form a regularly-spaced volume.");
    }
    int[] sliceOfPlane = vp.get().positions();
    int slices = vp.get().numberOfSlices();
    int s0 = sliceBound(sliceStart, 0, slices, "sliceStart");
    int s1 = sliceBound(sliceEnd, slices, slices, "sliceEnd");
    if (s0 >= s1) {
      throw new IllegalArgumentException(
          "Volume slice range is empty (expected sliceStart < sliceEnd): " + s0 + ":" + s1);
    }
    double[] origin = null;
    for (int k = 0; k < sliceOfPlane.length; k++) {
      if (sliceOfPlane[k] == 0) {
        origin = planes.get(k);
      }
    }
    VolumeGeometry full =
        VolumeGeometry.fromAttributes(
            origin,
            g[0],
            pixels.rows(),
            pixels.columns(),
            g[1],
            vp.get().spacing(),
            slices,
            CoordinateSystemNames.PATIENT,
            ds.getString(Tag.FrameOfReferenceUID));
    SegmentPixelReader.Selection sel = select(o);
    List<SegmentPixelReader.Placement> placements = new ArrayList<>();
    for (int f = 0; f < index.numberOfFrames; f++) {
      int s = sliceOfPlane[planeOfFrame[f]];
      if (s >= s0 && s < s1) {
        placements.add(new SegmentPixelReader.Placement(f, s - s0, 0, 0));
      }
    }
    NdArray array =
        colorize(pixels.assemble(s1 - s0, pixels.rows(), pixels.columns(), placements, sel), o);
    VolumeGeometry geometry =
        s0 == 0 && s1 == slices
            ? full
            : full.slice(
                org.highdicom4j.SliceSpec.range(s0, s1),
                org.highdicom4j.SliceSpec.all(),
                org.highdicom4j.SliceSpec.all());
    if (o.applyPaletteColorLut()) {
      Map<ChannelDescriptor, List<RGBColorChannels>> rgb = new LinkedHashMap<>();
      rgb.put(
          ChannelDescriptor.RGB_COLOR_CHANNEL_DESCRIPTOR,
          List.of(RGBColorChannels.R, RGBColorChannels.G, RGBColorChannels.B));
      return geometry.withArray(array, rgb);
    }
    if (sel.combine()) {
      return geometry.withArray(array);
    }
    List<Integer> numbers = new ArrayList<>();
    for (int n : sel.numbers()) {
      numbers.add(n);
    }
    Map<ChannelDescriptor, List<Integer>> channels = new LinkedHashMap<>();
    channels.put(ChannelDescriptor.of("SegmentNumber"), numbers);
    return geometry.withArray(array, channels);
  }

  /**
   * Returns the Total Pixel Matrix of a tiled segmentation as a volume of one slice whose affine
   * places the matrix's first pixel at the Total Pixel Matrix Origin Sequence (0048,0008) offsets,
   * its rows and columns along Image Orientation (Slide) (0048,0102) with the shared Pixel Spacing
   * (0028,0030), in the SLIDE coordinate system (highdicom's {@code get_volume} on tiled images
   * since 0.27). The slice spacing, which a single slice does not fix, is Spacing Between Slices
   * (0018,0088), else Slice Thickness (0018,0050), else 1 mm.
   */
  private Volume tiledVolume(Integer sliceStart, Integer sliceEnd, SegmentPixelOptions o)
      throws IOException {
    int s0 = sliceBound(sliceStart, 0, 1, "sliceStart");
    int s1 = sliceBound(sliceEnd, 1, 1, "sliceEnd");
    if (s0 >= s1) {
      throw new IllegalArgumentException(
          "Volume slice range is empty (expected sliceStart < sliceEnd): " + s0 + ":" + s1);
    }
    DicomDataset originItem = ds.getItem(Tag.TotalPixelMatrixOriginSequence);
    double[] orientation = ds.getDoubles(Tag.ImageOrientationSlide);
    DicomDataset shared = ds.getItem(Tag.SharedFunctionalGroupsSequence);
    DicomDataset pm = shared == null ? null : shared.getItem(Tag.PixelMeasuresSequence);
    double[] spacing = pm == null ? new double[0] : pm.getDoubles(Tag.PixelSpacing);
    if (originItem == null || orientation.length != 6 || spacing.length != 2) {
      throw new IllegalStateException(
          "Tiled segmentation lacks TotalPixelMatrixOriginSequence (0048,0008),"
              + " ImageOrientationSlide (0048,0102) or a shared PixelSpacing (0028,0030) (expected"
              + " the geometry of its total pixel matrix)");
    }
    double[] origin = {
      originItem.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0),
      originItem.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0),
      originItem.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0)
    };
    double between = pm.getDouble(Tag.SpacingBetweenSlices, pm.getDouble(Tag.SliceThickness, 1.0));
    NdArray tpm = totalPixelMatrix(null, null, null, null, false, o);
    int[] shape = tpm.shape();
    int[] withSlice = new int[shape.length + 1];
    withSlice[0] = 1;
    System.arraycopy(shape, 0, withSlice, 1, shape.length);
    VolumeGeometry geometry =
        VolumeGeometry.fromAttributes(
            origin,
            orientation,
            shape[0],
            shape[1],
            spacing,
            between > 0 ? between : 1.0,
            1,
            CoordinateSystemNames.SLIDE,
            ds.getString(Tag.FrameOfReferenceUID));
    if (o.applyPaletteColorLut()) {
      // The palette's R, G, B samples are a channel axis, as for untiled label maps.
      Map<ChannelDescriptor, List<RGBColorChannels>> rgb = new LinkedHashMap<>();
      rgb.put(
          ChannelDescriptor.RGB_COLOR_CHANNEL_DESCRIPTOR,
          List.of(RGBColorChannels.R, RGBColorChannels.G, RGBColorChannels.B));
      return geometry.withArray(tpm.reshape(withSlice), rgb);
    }
    SegmentPixelReader.Selection sel = select(o);
    if (sel.combine()) {
      return geometry.withArray(tpm.reshape(withSlice));
    }
    List<Integer> numbers = new ArrayList<>();
    for (int n : sel.numbers()) {
      numbers.add(n);
    }
    Map<ChannelDescriptor, List<Integer>> channels = new LinkedHashMap<>();
    channels.put(ChannelDescriptor.of("SegmentNumber"), numbers);
    return geometry.withArray(tpm.reshape(withSlice), channels);
  }

  /** Python-style slice bound: null is the default, negative counts from the end. */
  private static int sliceBound(Integer v, int dflt, int total, String name) {
    if (v == null) {
      return dflt;
    }
    int i = v < 0 ? total + v : v;
    if (i < 0 || i > total) {
      throw new IllegalArgumentException(
          name + " is outside the volume (expected within " + total + " slices): " + v);
    }
    return i;
  }

  // ---------------------------------------------------------------- total pixel matrix

  NdArray totalPixelMatrix(
      Integer rowStart,
      Integer rowEnd,
      Integer columnStart,
      Integer columnEnd,
      boolean asIndices,
      SegmentPixelOptions o)
      throws IOException {
    int totalRows = ds.getInt(Tag.TotalPixelMatrixRows, 0);
    int totalCols = ds.getInt(Tag.TotalPixelMatrixColumns, 0);
    if (totalRows < 1 || totalCols < 1) {
      throw new IllegalStateException(
          "Segmentation is not tiled (expected TotalPixelMatrixRows (0048,0007) and"
              + " TotalPixelMatrixColumns (0048,0006))");
    }
    int r0 = tpmBound(rowStart, 0, totalRows, asIndices, "rowStart");
    int r1 = tpmBound(rowEnd, totalRows, totalRows, asIndices, "rowEnd");
    int c0 = tpmBound(columnStart, 0, totalCols, asIndices, "columnStart");
    int c1 = tpmBound(columnEnd, totalCols, totalCols, asIndices, "columnEnd");
    if (r0 >= r1 || c0 >= c1) {
      throw new IllegalArgumentException(
          "Total pixel matrix region is empty (expected start < end): rows "
              + r0
              + ":"
              + r1
              + ", columns "
              + c0
              + ":"
              + c1);
    }
    SegmentPixelReader.Selection sel = select(o);
    int rows = pixels.rows();
    int cols = pixels.columns();
    List<SegmentPixelReader.Placement> placements = new ArrayList<>();
    for (int f = 0; f < index.numberOfFrames; f++) {
      int[] tp = index.tilePositions[f];
      if (tp == null) {
        throw new IllegalStateException(
            "Frame "
                + (f + 1)
                + " has no position in the total pixel matrix (expected PlanePositionSlideSequence"
                + " (0048,021A))");
      }
      int top = tp[0] - 1;
      int left = tp[1] - 1;
      if (top < r1 && top + rows > r0 && left < c1 && left + cols > c0) {
        placements.add(new SegmentPixelReader.Placement(f, 0, top - r0, left - c0));
      }
    }
    NdArray out = pixels.assemble(1, r1 - r0, c1 - c0, placements, sel);
    return colorize(out, o).get(0);
  }

  private static int tpmBound(Integer v, int dflt, int total, boolean asIndices, String name) {
    if (v == null) {
      return dflt;
    }
    if (!asIndices && v == 0) {
      throw new IllegalArgumentException(
          name + " must not be 0 with 1-based numbers (expected >= 1 or < 0): 0");
    }
    int i = v < 0 ? total + v : (asIndices ? v : v - 1);
    if (i < 0 || i > total) {
      throw new IllegalArgumentException(
          name + " is outside the total pixel matrix (expected within " + total + "): " + v);
    }
    return i;
  }

  // ---------------------------------------------------------------- overlap

  /** Decides from the pixels whether any two segments share a pixel at one location. */
  boolean pixelsOverlap() throws IOException {
    if (type == SegmentationTypeValues.LABELMAP || descriptions.size() < 2) {
      return false;
    }
    Map<String, Integer> slotOf = new LinkedHashMap<>();
    List<SegmentPixelReader.Placement> placements = new ArrayList<>();
    for (int f = 0; f < index.numberOfFrames; f++) {
      String key = locationKey(f);
      Integer slot = slotOf.computeIfAbsent(key, k -> slotOf.size());
      placements.add(new SegmentPixelReader.Placement(f, slot, 0, 0));
    }
    SegmentPixelOptions o = SegmentPixelOptions.DEFAULT.withCombineSegments(true).withRelabel(true);
    if (type == SegmentationTypeValues.FRACTIONAL) {
      // Any non-zero fraction counts as membership for overlap.
      o = o.withRescaleFractional(true);
    }
    SegmentPixelReader.Selection sel = select(o);
    if (type == SegmentationTypeValues.FRACTIONAL) {
      sel =
          new SegmentPixelReader.Selection(
              sel.numbers(),
              sel.channelOf(),
              sel.labelOf(),
              true,
              false,
              false,
              1,
              false,
              sel.dtype());
    }
    try {
      pixels.assemble(slotOf.size(), pixels.rows(), pixels.columns(), placements, sel);
      return false;
    } catch (IllegalStateException e) {
      if (e.getMessage() != null && e.getMessage().contains(" overlap")) {
        return true;
      }
      throw e;
    }
  }

  /** Where a frame lies, independent of its segment. */
  private String locationKey(int f) {
    if (index.sourceUid[f] != null) {
      return "s" + index.sourceUid[f] + "#" + index.sourceFrame[f];
    }
    if (index.positions[f] != null) {
      double[] p = index.positions[f];
      return String.format("p%.4f/%.4f/%.4f", p[0], p[1], p[2]);
    }
    if (index.tilePositions[f] != null) {
      return "t" + index.tilePositions[f][0] + "/" + index.tilePositions[f][1];
    }
    int[] v = index.dimensionIndexValues[f];
    if (v != null) {
      int[] ptrs = dimensionIndexPointers();
      StringBuilder b = new StringBuilder("d");
      for (int k = 0; k < v.length && k < ptrs.length; k++) {
        if (ptrs[k] != Tag.ReferencedSegmentNumber) {
          b.append(v[k]).append('/');
        }
      }
      return b.toString();
    }
    return "f" + f;
  }
}
