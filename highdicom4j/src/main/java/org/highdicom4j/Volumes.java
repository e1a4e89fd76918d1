package org.highdicom4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.highdicom4j.internal.ArrayOps;
import org.highdicom4j.spatial.Spatial;
import org.highdicom4j.spatial.SpatialInformation;
import org.highdicom4j.spatial.VolumePositions;

/**
 * Builds {@link Volume}s from images: a series of single-frame images (highdicom {@code
 * get_volume_from_series}) or an enhanced multi-frame image (highdicom {@code Image.get_volume}).
 * Slices are ordered along column cosines × row cosines (right-handed volume axes; the most
 * superior slice first for an axial series), their regular spacing is checked with highdicom's
 * tolerances, frames are decoded with the registered codecs and, optionally, rescaled with Rescale
 * Slope/Intercept.
 *
 * <p>Only the modality transform by slope and intercept is applied; Modality LUT Sequence, VOI,
 * presentation (MONOCHROME1 inversion), palette and ICC transforms are not.
 */
public final class Volumes {
  private Volumes() {}

  private static final double ORIENTATION_TOLERANCE = Spatial.DEFAULT_EQUALITY_TOLERANCE;

  /**
   * Reads files and builds a volume from them.
   *
   * @param paths files of one series
   * @param options options
   * @return the volume
   * @throws IOException when a file cannot be read or decoded
   */
  public static Volume read(List<Path> paths, VolumeReadOptions options) throws IOException {
    List<DicomFile> files = new ArrayList<>();
    for (Path p : paths) {
      files.add(DicomReader.read(p));
    }
    return fromFiles(files, options);
  }

  /**
   * Builds a volume from the files of a series of single-frame images.
   *
   * @param files the images, in any order
   * @param options options
   * @return the volume
   * @throws IOException when a frame cannot be decoded
   */
  public static Volume fromFiles(List<DicomFile> files, VolumeReadOptions options)
      throws IOException {
    List<DicomDataset> datasets = new ArrayList<>();
    List<TransferSyntax> syntaxes = new ArrayList<>();
    for (DicomFile f : files) {
      datasets.add(f.dataset());
      syntaxes.add(f.transferSyntax());
    }
    return fromSeries(datasets, syntaxes, options);
  }

  /**
   * Builds a volume from the data sets of a series of single-frame images. The transfer syntax of
   * each is Transfer Syntax UID (0002,0010) when the data set holds it, else Explicit VR Little
   * Endian for native Pixel Data; use {@link #fromFiles} for encapsulated data sets without it.
   *
   * @param datasets the images, in any order
   * @param options options
   * @return the volume
   * @throws IOException when a frame cannot be decoded
   */
  public static Volume fromSeries(List<DicomDataset> datasets, VolumeReadOptions options)
      throws IOException {
    List<TransferSyntax> syntaxes = new ArrayList<>();
    for (DicomDataset ds : datasets) {
      syntaxes.add(transferSyntaxOf(ds));
    }
    return fromSeries(datasets, syntaxes, options);
  }

  private static TransferSyntax transferSyntaxOf(DicomDataset ds) {
    String uid = ds.getString(Tag.TransferSyntaxUID);
    if (uid != null) {
      return TransferSyntax.of(uid);
    }
    if (ds.getFragments(Tag.PixelData) != null) {
      throw new IllegalArgumentException(
          "TransferSyntaxUID (0002,0010) is needed to decode encapsulated Pixel Data (expected"
              + " present, or use Volumes.fromFiles)");
    }
    return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
  }

  /** A series in volume order: geometry and, for each volume slice, the dataset index or -1. */
  private record SeriesLayout(VolumeGeometry geometry, int[] datasetOfSlice) {}

  /**
   * Computes the geometry of a series of single-frame images without decoding pixels (highdicom
   * {@code get_volume_from_series} checks).
   *
   * @param datasets the images, in any order
   * @param options tolerances and gap handling
   * @return the geometry
   * @throws IllegalArgumentException when the images are no regularly spaced volume
   */
  public static VolumeGeometry seriesGeometry(
      List<DicomDataset> datasets, VolumeReadOptions options) {
    return layout(datasets, options).geometry();
  }

  private static SeriesLayout layout(List<DicomDataset> datasets, VolumeReadOptions options) {
    Objects.requireNonNull(datasets, "datasets");
    Objects.requireNonNull(options, "options");
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("List must not be empty.");
    }
    DicomDataset first = datasets.get(0);
    String series = first.getString(Tag.SeriesInstanceUID);
    String forUid = first.getString(Tag.FrameOfReferenceUID);
    for (DicomDataset ds : datasets) {
      if (Spatial.isMultiFrame(ds)) {
        throw new IllegalArgumentException(
            "Datasets should be single-frame images (expected no NumberOfFrames > 1 or"
                + " functional groups)");
      }
      if (!Objects.equals(series, ds.getString(Tag.SeriesInstanceUID))) {
        throw new IllegalArgumentException(
            "Images do not belong to the same series (SeriesInstanceUID (0020,000E)): "
                + series
                + " vs "
                + ds.getString(Tag.SeriesInstanceUID));
      }
      if (Spatial.getImageCoordinateSystem(ds).orElse(null) != CoordinateSystemNames.PATIENT) {
        throw new IllegalArgumentException(
            "Dataset should exist in the patient coordinate_system (expected"
                + " FrameOfReferenceUID (0020,0052) and ImagePositionPatient (0020,0032))");
      }
      if (!Objects.equals(forUid, ds.getString(Tag.FrameOfReferenceUID))) {
        throw new IllegalArgumentException(
            "Images do not share a frame of reference (FrameOfReferenceUID (0020,0052)): "
                + forUid
                + " vs "
                + ds.getString(Tag.FrameOfReferenceUID));
      }
    }
    SpatialInformation info0 = SpatialInformation.of(first, null, false);
    int rows = first.getInt(Tag.Rows, -1);
    int columns = first.getInt(Tag.Columns, -1);
    double[][] positions = new double[datasets.size()][];
    for (int i = 0; i < positions.length; i++) {
      DicomDataset ds = datasets.get(i);
      SpatialInformation info = SpatialInformation.of(ds, null, false);
      if (!close(info.imageOrientation(), info0.imageOrientation(), ORIENTATION_TOLERANCE)) {
        throw new IllegalArgumentException(
            "Images do not share an orientation (ImageOrientationPatient (0020,0037) differs"
                + " beyond "
                + ORIENTATION_TOLERANCE
                + "): "
                + Arrays.toString(info0.imageOrientation())
                + " vs "
                + Arrays.toString(info.imageOrientation()));
      }
      if (!close(info.pixelSpacing(), info0.pixelSpacing(), ORIENTATION_TOLERANCE)) {
        throw new IllegalArgumentException(
            "Images do not share a pixel spacing (PixelSpacing (0028,0030)): "
                + Arrays.toString(info0.pixelSpacing())
                + " vs "
                + Arrays.toString(info.pixelSpacing()));
      }
      if (ds.getInt(Tag.Rows, -1) != rows || ds.getInt(Tag.Columns, -1) != columns) {
        throw new IllegalArgumentException(
            "Images do not share a size (Rows (0028,0010), Columns (0028,0011)): "
                + rows
                + "x"
                + columns
                + " vs "
                + ds.getInt(Tag.Rows, -1)
                + "x"
                + ds.getInt(Tag.Columns, -1));
      }
      positions[i] = info.imagePosition();
    }
    double spacing;
    int[] volumeIndex;
    if (datasets.size() == 1) {
      spacing =
          info0.spacingBetweenSlices() == null || info0.spacingBetweenSlices() == 0
              ? 1.0
              : Math.abs(info0.spacingBetweenSlices());
      volumeIndex = new int[1];
    } else {
      Double hint = info0.spacingBetweenSlices();
      Optional<VolumePositions> vp =
          Spatial.getVolumePositions(
              positions,
              info0.imageOrientation(),
              options.positionOptions().withSpacingHint(hint == null || hint == 0 ? null : hint));
      if (vp.isEmpty()) {
        throw new IllegalArgumentException(
            "Series is not a regularly-spaced volume (ImagePositionPatient (0020,0032) of "
                + datasets.size()
                + " images)");
      }
      spacing = vp.get().spacing();
      volumeIndex = vp.get().positions();
    }
    int slices = 0;
    for (int v : volumeIndex) {
      slices = Math.max(slices, v + 1);
    }
    int[] datasetOfSlice = new int[slices];
    Arrays.fill(datasetOfSlice, -1);
    for (int i = 0; i < volumeIndex.length; i++) {
      datasetOfSlice[volumeIndex[i]] = i;
    }
    VolumeGeometry g =
        VolumeGeometry.fromAttributes(
            positions[datasetOfSlice[0]],
            info0.imageOrientation(),
            rows,
            columns,
            info0.pixelSpacing(),
            spacing,
            slices,
            CoordinateSystemNames.PATIENT,
            forUid);
    return new SeriesLayout(g, datasetOfSlice);
  }

  private static boolean close(double[] a, double[] b, double tol) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > tol) {
        return false;
      }
    }
    return true;
  }

  private static Volume fromSeries(
      List<DicomDataset> datasets, List<TransferSyntax> syntaxes, VolumeReadOptions options)
      throws IOException {
    SeriesLayout layout = layout(datasets, options);
    int[] order = layout.datasetOfSlice();
    DicomDataset ref = datasets.get(order[0]);
    FrameDescriptor desc = PixelDataFrames.descriptor(ref);
    Rescale[] rescale = new Rescale[order.length];
    boolean anyRescale = false;
    for (int s = 0; s < order.length; s++) {
      if (order[s] >= 0) {
        rescale[s] = rescaleOf(datasets.get(order[s]), null, options);
        anyRescale |= rescale[s] != null;
      }
    }
    NdArray array = allocate(layout.geometry().spatialShape(), desc, options, anyRescale);
    CodecRegistry registry = CodecRegistry.getDefault();
    for (int s = 0; s < order.length; s++) {
      if (order[s] < 0) {
        continue;
      }
      DicomDataset ds = datasets.get(order[s]);
      PixelDataFrames frames = new PixelDataFrames(ds, syntaxes.get(order[s]), registry);
      if (!frames.descriptor().equals(desc)) {
        throw new IllegalArgumentException(
            "Images do not share the Image Pixel Module (Rows, Columns, BitsAllocated,"
                + " BitsStored, PixelRepresentation, SamplesPerPixel, PhotometricInterpretation):"
                + " "
                + desc
                + " vs "
                + frames.descriptor());
      }
      putFrame(array, s, frames.decode(0), desc, rescale[s]);
    }
    return layout.geometry().withArray(array, channelsOf(desc, array));
  }

  // ---------------------------------------------------------------- multi-frame

  /**
   * Builds a volume from an enhanced multi-frame image file.
   *
   * @param file the image
   * @param options options
   * @return the volume
   * @throws IOException when a frame cannot be decoded
   */
  public static Volume fromMultiFrame(DicomFile file, VolumeReadOptions options)
      throws IOException {
    return fromMultiFrame(file.dataset(), file.transferSyntax(), options);
  }

  /**
   * Builds a volume from an enhanced multi-frame image: positions from the Plane Position Sequence
   * of each frame's functional groups, orientation and pixel measures shared (or equal in every
   * frame), rescale from the Pixel Value Transformation Sequence.
   *
   * @param dataset the image
   * @param transferSyntax the syntax its Pixel Data is encoded in
   * @param options options
   * @return the volume
   * @throws IOException when a frame cannot be decoded
   */
  public static Volume fromMultiFrame(
      DicomDataset dataset, TransferSyntax transferSyntax, VolumeReadOptions options)
      throws IOException {
    SeriesLayout layout = multiFrameLayout(dataset, options);
    int[] order = layout.datasetOfSlice();
    PixelDataFrames frames =
        new PixelDataFrames(dataset, transferSyntax, CodecRegistry.getDefault());
    FrameDescriptor desc = frames.descriptor();
    Rescale[] rescale = new Rescale[order.length];
    boolean anyRescale = false;
    for (int s = 0; s < order.length; s++) {
      if (order[s] >= 0) {
        rescale[s] = rescaleOf(dataset, order[s] + 1, options);
        anyRescale |= rescale[s] != null;
      }
    }
    NdArray array = allocate(layout.geometry().spatialShape(), desc, options, anyRescale);
    for (int s = 0; s < order.length; s++) {
      if (order[s] >= 0) {
        putFrame(array, s, frames.decode(order[s]), desc, rescale[s]);
      }
    }
    return layout.geometry().withArray(array, channelsOf(desc, array));
  }

  /**
   * Computes the geometry of an enhanced multi-frame image without decoding pixels.
   *
   * @param dataset the image
   * @param options tolerances and gap handling
   * @return the geometry
   * @throws IllegalArgumentException when the frames are no regularly spaced volume
   */
  public static VolumeGeometry multiFrameGeometry(DicomDataset dataset, VolumeReadOptions options) {
    return multiFrameLayout(dataset, options).geometry();
  }

  private static SeriesLayout multiFrameLayout(DicomDataset dataset, VolumeReadOptions options) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(options, "options");
    if (!dataset.contains(Tag.SharedFunctionalGroupsSequence)
        && !dataset.contains(Tag.PerFrameFunctionalGroupsSequence)) {
      throw new IllegalArgumentException(
          "Dataset should be a multi-frame image (expected SharedFunctionalGroupsSequence"
              + " (5200,9229) or PerFrameFunctionalGroupsSequence (5200,9230))");
    }
    if (Spatial.getImageCoordinateSystem(dataset).orElse(null) != CoordinateSystemNames.PATIENT) {
      throw new IllegalArgumentException(
          "Dataset should exist in the patient coordinate_system (expected FrameOfReferenceUID"
              + " (0020,0052) and PlanePositionSequence (0020,9113))");
    }
    int n = dataset.getInt(Tag.NumberOfFrames, 1);
    if (n < 1) {
      throw new IllegalArgumentException("NumberOfFrames (0028,0008) must be >= 1: " + n);
    }
    SpatialInformation info0 = SpatialInformation.of(dataset, 1, false);
    double[][] positions = new double[n][];
    for (int f = 1; f <= n; f++) {
      SpatialInformation info = SpatialInformation.of(dataset, f, false);
      if (!close(info.imageOrientation(), info0.imageOrientation(), ORIENTATION_TOLERANCE)) {
        throw new IllegalArgumentException(
            "Frames do not share an orientation (ImageOrientationPatient (0020,0037) of frame "
                + f
                + "): "
                + Arrays.toString(info.imageOrientation()));
      }
      if (!close(info.pixelSpacing(), info0.pixelSpacing(), ORIENTATION_TOLERANCE)) {
        throw new IllegalArgumentException(
            "Frames do not share pixel measures (PixelSpacing (0028,0030) of frame "
                + f
                + "): "
                + Arrays.toString(info.pixelSpacing()));
      }
      positions[f - 1] = info.imagePosition();
    }
    Double hint = info0.spacingBetweenSlices();
    Optional<VolumePositions> vp =
        Spatial.getVolumePositions(
            positions,
            info0.imageOrientation(),
            options.positionOptions().withSpacingHint(hint == null || hint == 0 ? null : hint));
    if (vp.isEmpty()) {
      throw new IllegalArgumentException(
          "Dataset does not represent a regularly sampled volume (ImagePositionPatient"
              + " (0020,0032) of "
              + n
              + " frames)");
    }
    int[] volumeIndex = vp.get().positions();
    int slices = vp.get().numberOfSlices();
    int[] frameOfSlice = new int[slices];
    Arrays.fill(frameOfSlice, -1);
    for (int f = 0; f < n; f++) {
      frameOfSlice[volumeIndex[f]] = f;
    }
    VolumeGeometry g =
        VolumeGeometry.fromAttributes(
            positions[frameOfSlice[0]],
            info0.imageOrientation(),
            dataset.getInt(Tag.Rows, -1),
            dataset.getInt(Tag.Columns, -1),
            info0.pixelSpacing(),
            vp.get().spacing(),
            slices,
            CoordinateSystemNames.PATIENT,
            dataset.getString(Tag.FrameOfReferenceUID));
    return new SeriesLayout(g, frameOfSlice);
  }

  // ---------------------------------------------------------------- pixels

  private record Rescale(double slope, double intercept) {}

  private static Rescale rescaleOf(DicomDataset ds, Integer frame, VolumeReadOptions options) {
    Boolean apply = options.applyModalityTransform();
    if (Boolean.FALSE.equals(apply)) {
      return null;
    }
    DicomDataset source = ds;
    if (frame != null) {
      DicomDataset pvt =
          SpatialInformation.functionalItem(ds, frame, Tag.PixelValueTransformationSequence);
      if (pvt != null) {
        source = pvt;
      }
    }
    boolean present = source.contains(Tag.RescaleSlope) || source.contains(Tag.RescaleIntercept);
    if (!present) {
      if (ds.contains(Tag.ModalityLUTSequence) && Boolean.TRUE.equals(apply)) {
        throw new IllegalArgumentException(
            "ModalityLUTSequence (0028,3000) is not supported (expected RescaleSlope/Intercept)");
      }
      if (Boolean.TRUE.equals(apply)) {
        throw new IllegalArgumentException(
            "RescaleSlope (0028,1053) and RescaleIntercept (0028,1052) are missing (expected"
                + " present when applying the modality transform)");
      }
      return null;
    }
    return new Rescale(
        source.getDouble(Tag.RescaleSlope, 1.0), source.getDouble(Tag.RescaleIntercept, 0.0));
  }

  private static NdArray allocate(
      int[] spatialShape, FrameDescriptor desc, VolumeReadOptions options, boolean rescaled) {
    DType type = options.dtype();
    if (type == null) {
      type = rescaled ? DType.FLOAT32 : DType.forPixels(desc.bitsAllocated(), desc.signed());
    }
    int spp = desc.samplesPerPixel();
    long total = (long) spatialShape[0] * spatialShape[1] * spatialShape[2] * spp;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "volume too large for one array (expected < 2^31 samples): " + total);
    }
    return spp == 1
        ? NdArray.zeros(type, spatialShape)
        : NdArray.zeros(type, spatialShape[0], spatialShape[1], spatialShape[2], spp);
  }

  private static Map<ChannelDescriptor, List<?>> channelsOf(FrameDescriptor desc, NdArray array) {
    if (array.ndim() == 3) {
      return null;
    }
    Map<ChannelDescriptor, List<?>> ch = new LinkedHashMap<>();
    if (desc.samplesPerPixel() == 3) {
      ch.put(
          ChannelDescriptor.RGB_COLOR_CHANNEL_DESCRIPTOR,
          List.of(RGBColorChannels.R, RGBColorChannels.G, RGBColorChannels.B));
    } else {
      List<Integer> samples = new ArrayList<>();
      for (int i = 0; i < desc.samplesPerPixel(); i++) {
        samples.add(i);
      }
      ch.put(ChannelDescriptor.custom("Sample", Integer.class), samples);
    }
    return ch;
  }

  /** Writes one decoded frame (stored values, optionally rescaled) into slice s. */
  private static void putFrame(
      NdArray array, int slice, DecodedFrame frame, FrameDescriptor desc, Rescale rescale) {
    int n = desc.pixelCount() * desc.samplesPerPixel();
    byte[] data = frame.data();
    int bytes = desc.bitsAllocated() == 1 ? 1 : desc.bitsAllocated() / 8;
    if ((long) n * bytes > data.length) {
      throw new IllegalArgumentException(
          "decoded frame is shorter than Rows x Columns x SamplesPerPixel (expected "
              + (long) n * bytes
              + " bytes): "
              + data.length);
    }
    int base = slice * n;
    DType stored = DType.forPixels(desc.bitsAllocated(), desc.signed());
    if (rescale == null
        && array.dtype() == stored
        && desc.bitsStored() == desc.bitsAllocated()
        && desc.bitsAllocated() >= 8) {
      NdArray f = NdArray.fromLittleEndian(stored, Arrays.copyOf(data, n * bytes), n);
      ArrayOps.copyBlock(f, 0, new int[] {1}, array, base, new int[] {1}, new int[] {n});
      return;
    }
    int bits = desc.bitsAllocated() == 1 ? 1 : desc.bitsStored();
    long mask = bits >= 64 ? -1L : (1L << bits) - 1;
    for (int i = 0; i < n; i++) {
      long raw = 0;
      int o = i * bytes;
      for (int b = bytes - 1; b >= 0; b--) {
        raw = (raw << 8) | (data[o + b] & 0xff);
      }
      long v = raw & mask;
      if (desc.signed() && bits < 64 && (v & (1L << (bits - 1))) != 0) {
        v -= 1L << bits;
      }
      if (rescale == null) {
        array.setFlatDouble(base + i, v);
      } else {
        array.setFlatDouble(base + i, v * rescale.slope() + rescale.intercept());
      }
    }
  }
}
