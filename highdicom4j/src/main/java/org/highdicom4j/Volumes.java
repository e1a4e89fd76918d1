package org.highdicom4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.highdicom4j.internal.Parallel;
import org.highdicom4j.spatial.Spatial;
import org.highdicom4j.spatial.SpatialInformation;
import org.highdicom4j.spatial.VolumePositions;

/**
 * Builds {@link Volume}s from images: a series of single-frame images (highdicom's {@code
 * get_volume_from_series}, also {@link Image#getVolumeFromSeries}) and one image's frames
 * (highdicom's {@code Image.get_volume} and {@code Image.get_volume_geometry}, which {@link
 * Image#getVolume} and {@link Image#getVolumeGeometry} delegate to). This class also offers the
 * same for files and data sets.
 *
 * <p>Slices are ordered along column cosines × row cosines (right-handed volume axes; the most
 * superior slice first for an axial series), their regular spacing is checked with highdicom's
 * tolerances, and frames are decoded in parallel and passed through the same pixel transform
 * pipeline as {@link Image#getFrame} (default: every transform found except VOI, FLOAT64).
 */
public final class Volumes {
  private Volumes() {}

  // ---------------------------------------------------------------- files and data sets

  /**
   * Reads the files of a series of single-frame images and builds a volume with the default
   * transforms and tolerances.
   *
   * @param paths files of one series, in any order
   * @return the volume, FLOAT64
   * @throws IOException when a file cannot be read or decoded
   * @throws IllegalArgumentException when the images are no regularly spaced volume
   */
  public static Volume read(List<Path> paths) throws IOException {
    return read(paths, PixelTransformOptions.DEFAULT, VolumeReadOptions.defaults());
  }

  /**
   * Reads the files of a series of single-frame images and builds a volume.
   *
   * @param paths files of one series, in any order
   * @param transforms the pixel transforms and output type
   * @param options tolerances and gap handling
   * @return the volume
   * @throws IOException when a file cannot be read or decoded
   * @throws IllegalArgumentException when the images are no regularly spaced volume
   */
  public static Volume read(
      List<Path> paths, PixelTransformOptions transforms, VolumeReadOptions options)
      throws IOException {
    Objects.requireNonNull(paths, "paths");
    List<Image> images = new ArrayList<>(paths.size());
    for (Path p : paths) {
      images.add(Image.read(p));
    }
    return fromImages(images, transforms, options);
  }

  /**
   * Builds a volume from the files of a series of single-frame images.
   *
   * @param files the images, in any order
   * @param transforms the pixel transforms and output type
   * @param options tolerances and gap handling
   * @return the volume
   * @throws IOException when a frame cannot be decoded
   * @throws IllegalArgumentException when the images are no regularly spaced volume
   */
  public static Volume fromFiles(
      List<DicomFile> files, PixelTransformOptions transforms, VolumeReadOptions options)
      throws IOException {
    Objects.requireNonNull(files, "files");
    List<Image> images = new ArrayList<>(files.size());
    for (DicomFile f : files) {
      images.add(Image.wrap(f.dataset(), f.transferSyntax(), ImageReadOptions.DEFAULT));
    }
    return fromImages(images, transforms, options);
  }

  /**
   * Builds a volume from the data sets of a series of single-frame images. The transfer syntax of
   * each is Transfer Syntax UID (0002,0010) when the data set holds it, else Explicit VR Little
   * Endian for native Pixel Data; use {@link #fromFiles} for encapsulated data sets without it.
   *
   * @param datasets the images, in any order
   * @param transforms the pixel transforms and output type
   * @param options tolerances and gap handling
   * @return the volume
   * @throws IOException when a frame cannot be decoded
   * @throws IllegalArgumentException when the images are no regularly spaced volume
   */
  public static Volume fromSeries(
      List<DicomDataset> datasets, PixelTransformOptions transforms, VolumeReadOptions options)
      throws IOException {
    Objects.requireNonNull(datasets, "datasets");
    List<Image> images = new ArrayList<>(datasets.size());
    for (DicomDataset ds : datasets) {
      images.add(Image.wrap(ds, transferSyntaxOf(ds), ImageReadOptions.DEFAULT));
    }
    return fromImages(images, transforms, options);
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

  /**
   * Computes the geometry of a series of single-frame images without decoding pixels, with the
   * checks of {@link #fromSeries}.
   *
   * @param datasets the images, in any order
   * @param options tolerances and gap handling
   * @return the geometry
   * @throws IllegalArgumentException when the images are no regularly spaced volume
   */
  public static VolumeGeometry seriesGeometry(
      List<DicomDataset> datasets, VolumeReadOptions options) {
    return seriesLayout(datasets, options).geometry();
  }

  /**
   * Builds a volume from the frames of an enhanced multi-frame image file; the same as {@code
   * Image.read(path).getVolume(transforms, options)} without reading the file again.
   *
   * @param file the image
   * @param transforms the pixel transforms and output type
   * @param options tolerances and gap handling
   * @return the volume
   * @throws IOException when a frame cannot be decoded
   * @throws IllegalStateException when the frames are no regularly spaced volume
   */
  public static Volume fromMultiFrame(
      DicomFile file, PixelTransformOptions transforms, VolumeReadOptions options)
      throws IOException {
    Objects.requireNonNull(file, "file");
    return Image.wrap(file.dataset(), file.transferSyntax(), ImageReadOptions.DEFAULT)
        .getVolume(null, null, null, null, null, null, false, transforms, options);
  }

  // ---------------------------------------------------------------- series

  /**
   * A stack in volume order: geometry and, for each slice, the image or frame index that fills it
   * (-1 for a gap); null source for a total pixel matrix.
   */
  private record Layout(VolumeGeometry geometry, int[] sourceOfSlice) {}

  /** {@link Image#getVolumeFromSeries}: checks, sorts, decodes and stacks single-frame images. */
  static Volume fromImages(
      List<Image> images, PixelTransformOptions transforms, VolumeReadOptions options)
      throws IOException {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(transforms, "transforms");
    Objects.requireNonNull(options, "options");
    List<DicomDataset> datasets = new ArrayList<>(images.size());
    for (Image im : images) {
      datasets.add(Objects.requireNonNull(im, "images[i]").rawDataset());
    }
    Layout layout = seriesLayout(datasets, options);
    int[] source = layout.sourceOfSlice();
    Image ref = images.get(source[0]);
    FrameDescriptor desc = ref.descriptor();
    for (Image im : images) {
      if (!im.descriptor().equals(desc)) {
        throw new IllegalArgumentException(
            "Images do not share the Image Pixel Module (Rows, Columns, BitsAllocated,"
                + " BitsStored, PixelRepresentation, SamplesPerPixel, PhotometricInterpretation):"
                + " "
                + desc
                + " vs "
                + im.descriptor());
      }
    }
    boolean color = ref.transform(0, transforms).colorOutput();
    NdArray out = allocate(transforms.dtype(), layout.geometry().spatialShape(), color);
    fill(
        out,
        (s, offset) -> {
          if (source[s] < 0) {
            return null;
          }
          Image im = images.get(source[s]);
          CombinedPixelTransform t = im.transform(0, transforms);
          if (t.isIdentity() && copyStoredFrame(im, 0, out, offset)) {
            return null;
          }
          return im.transformedFrame(0, t);
        },
        0,
        0,
        ref.readOptions().executor());
    return layout.geometry().withArray(out, color ? rgbChannels() : null);
  }

  private static Layout seriesLayout(List<DicomDataset> datasets, VolumeReadOptions options) {
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
            "Datasets should be single-frame images. (expected no NumberOfFrames (0028,0008) > 1"
                + " and no functional groups)");
      }
      if (!Objects.equals(series, ds.getString(Tag.SeriesInstanceUID))) {
        throw new IllegalArgumentException(
            "Images do not belong to the same series. SeriesInstanceUID (0020,000E) differs"
                + " (expected "
                + series
                + "): "
                + ds.getString(Tag.SeriesInstanceUID));
      }
      if (Spatial.getImageCoordinateSystem(ds).orElse(null) != CoordinateSystemNames.PATIENT) {
        throw new IllegalArgumentException(
            "Dataset should exist in the patient coordinate_system. (expected"
                + " FrameOfReferenceUID (0020,0052) and ImagePositionPatient (0020,0032))");
      }
      if (!Objects.equals(forUid, ds.getString(Tag.FrameOfReferenceUID))) {
        throw new IllegalArgumentException(
            "Images do not share a frame of reference. FrameOfReferenceUID (0020,0052) differs"
                + " (expected "
                + forUid
                + "): "
                + ds.getString(Tag.FrameOfReferenceUID));
      }
    }
    SpatialInformation info0 = SpatialInformation.of(first, null, false);
    double[] orientation0 = info0.imageOrientation();
    int rows = first.getInt(Tag.Rows, -1);
    int columns = first.getInt(Tag.Columns, -1);
    double[][] positions = new double[datasets.size()][];
    for (int i = 0; i < positions.length; i++) {
      DicomDataset ds = datasets.get(i);
      SpatialInformation info = SpatialInformation.of(ds, null, false);
      checkOrientation(orientation0, info.imageOrientation(), options.orientationTol());
      if (!close(info.pixelSpacing(), info0.pixelSpacing(), Spatial.DEFAULT_EQUALITY_TOLERANCE)) {
        throw new IllegalArgumentException(
            "Images do not share a pixel spacing. PixelSpacing (0028,0030) differs (expected "
                + Arrays.toString(info0.pixelSpacing())
                + "): "
                + Arrays.toString(info.pixelSpacing()));
      }
      if (ds.getInt(Tag.Rows, -1) != rows || ds.getInt(Tag.Columns, -1) != columns) {
        throw new IllegalArgumentException(
            "Images do not share a size. Rows (0028,0010) x Columns (0028,0011) differ (expected "
                + rows
                + "x"
                + columns
                + "): "
                + ds.getInt(Tag.Rows, -1)
                + "x"
                + ds.getInt(Tag.Columns, -1));
      }
      positions[i] = info.imagePosition();
    }
    double spacing;
    int[] volumeIndex;
    if (datasets.size() == 1) {
      Double sbs = info0.spacingBetweenSlices();
      spacing = sbs == null || sbs == 0 ? 1.0 : Math.abs(sbs);
      volumeIndex = new int[1];
    } else {
      Double hint = info0.spacingBetweenSlices();
      Optional<VolumePositions> vp =
          Spatial.getVolumePositions(
              positions,
              orientation0,
              options
                  .positionOptions(false)
                  .withSpacingHint(hint == null || hint == 0 ? null : hint));
      if (vp.isEmpty()) {
        throw new IllegalArgumentException(
            "Series is not a regularly-spaced volume. (expected ImagePositionPatient (0020,0032)"
                + " of the "
                + datasets.size()
                + " images regularly spaced along the normal"
                + (options.allowMissingPositions() ? "" : ", without gaps")
                + ")");
      }
      spacing = vp.get().spacing();
      volumeIndex = vp.get().positions();
    }
    int[] sourceOfSlice = sourceOfSlice(volumeIndex);
    VolumeGeometry g =
        VolumeGeometry.fromAttributes(
            positions[sourceOfSlice[0]],
            orientation0,
            rows,
            columns,
            info0.pixelSpacing(),
            spacing,
            sourceOfSlice.length,
            CoordinateSystemNames.PATIENT,
            forUid);
    return new Layout(g, sourceOfSlice);
  }

  private static void checkOrientation(double[] expected, double[] actual, Double tol) {
    if (tol == null) {
      if (!Arrays.equals(expected, actual)) {
        throw new IllegalArgumentException(
            "Images do not have the same orientation. ImageOrientationPatient (0020,0037)"
                + " differs (expected "
                + Arrays.toString(expected)
                + "): "
                + Arrays.toString(actual));
      }
    } else if (!close(expected, actual, tol)) {
      throw new IllegalArgumentException(
          "Orientations are not consistent within the specified tolerance."
              + " ImageOrientationPatient (0020,0037) differs by more than "
              + tol
              + " (expected "
              + Arrays.toString(expected)
              + "): "
              + Arrays.toString(actual));
    }
  }

  private static int[] sourceOfSlice(int[] volumeIndex) {
    int slices = 0;
    for (int v : volumeIndex) {
      slices = Math.max(slices, v + 1);
    }
    int[] out = new int[slices];
    Arrays.fill(out, -1);
    for (int i = 0; i < volumeIndex.length; i++) {
      if (out[volumeIndex[i]] < 0) {
        out[volumeIndex[i]] = i;
      }
    }
    return out;
  }

  private static boolean close(double[] a, double[] b, double tol) {
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - b[i]) <= tol)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- one image

  /** {@link Image#getVolumeGeometry}. */
  static Optional<VolumeGeometry> imageGeometry(
      Image image, VolumeReadOptions options, boolean allowDuplicatePositions) {
    Layout l = imageLayout(image, options, allowDuplicatePositions);
    return l == null ? Optional.empty() : Optional.of(l.geometry());
  }

  private static Layout imageLayout(
      Image image, VolumeReadOptions options, boolean allowDuplicatePositions) {
    Objects.requireNonNull(options, "options");
    DicomDataset ds = image.rawDataset();
    CoordinateSystemNames cs = Spatial.getImageCoordinateSystem(ds).orElse(null);
    if (cs == null) {
      return null;
    }
    String forUid = ds.getString(Tag.FrameOfReferenceUID);
    if (image.isTiled()) {
      if (cs != CoordinateSystemNames.SLIDE || !image.isIndexableAsTotalPixelMatrix()) {
        return null;
      }
      SpatialInformation info = SpatialInformation.of(ds, null, true);
      VolumeGeometry g =
          VolumeGeometry.fromAttributes(
              info.imagePosition(),
              info.imageOrientation(),
              ds.getInt(Tag.TotalPixelMatrixRows, 0),
              ds.getInt(Tag.TotalPixelMatrixColumns, 0),
              info.pixelSpacing(),
              sliceSpacingOr1(info.spacingBetweenSlices()),
              1,
              cs,
              forUid);
      return new Layout(g, null);
    }
    int rows = ds.getInt(Tag.Rows, 0);
    int columns = ds.getInt(Tag.Columns, 0);
    boolean multiFrame = Spatial.isMultiFrame(ds);
    int n = image.numberOfFrames();
    SpatialInformation[] infos = new SpatialInformation[n];
    try {
      for (int f = 0; f < n; f++) {
        infos[f] = SpatialInformation.of(ds, multiFrame ? f + 1 : null, false);
      }
    } catch (IllegalArgumentException e) {
      return null; // frames without a complete position or orientation form no volume
    }
    double[] orientation = infos[0].imageOrientation();
    double[] pixelSpacing = infos[0].pixelSpacing();
    if (n == 1) {
      VolumeGeometry g =
          VolumeGeometry.fromAttributes(
              infos[0].imagePosition(),
              orientation,
              rows,
              columns,
              pixelSpacing,
              sliceSpacingOr1(infos[0].spacingBetweenSlices()),
              1,
              cs,
              forUid);
      return new Layout(g, new int[] {0});
    }
    double[][] positions = new double[n][];
    for (int f = 0; f < n; f++) {
      if (!Arrays.equals(infos[f].imageOrientation(), orientation)
          || !Arrays.equals(infos[f].pixelSpacing(), pixelSpacing)) {
        return null;
      }
      positions[f] = infos[f].imagePosition();
    }
    Double hint = infos[0].spacingBetweenSlices();
    Optional<VolumePositions> vp =
        Spatial.getVolumePositions(
            positions,
            orientation,
            options
                .positionOptions(allowDuplicatePositions)
                .withSpacingHint(hint == null || hint == 0 ? null : hint));
    if (vp.isEmpty()) {
      return null;
    }
    int[] frameOfSlice = sourceOfSlice(vp.get().positions());
    VolumeGeometry g =
        VolumeGeometry.fromAttributes(
            positions[frameOfSlice[0]],
            orientation,
            rows,
            columns,
            pixelSpacing,
            vp.get().spacing(),
            frameOfSlice.length,
            cs,
            forUid);
    return new Layout(g, frameOfSlice);
  }

  private static double sliceSpacingOr1(Double spacing) {
    return spacing == null || spacing == 0 ? 1.0 : Math.abs(spacing);
  }

  /** {@link Image#getVolume}: decodes the frames of a sub-volume and stacks them. */
  static Volume imageVolume(
      Image image,
      Integer sliceStart,
      Integer sliceEnd,
      Integer rowStart,
      Integer rowEnd,
      Integer columnStart,
      Integer columnEnd,
      boolean asIndices,
      PixelTransformOptions transforms,
      VolumeReadOptions options)
      throws IOException {
    Objects.requireNonNull(transforms, "transforms");
    image.descriptor(); // fails for data sets without pixels
    Layout layout = imageLayout(image, options, false);
    if (layout == null) {
      throw new IllegalStateException(
          "This image does not represent a regularly-spaced volume (expected frames at regularly"
              + " spaced positions along the normal of one orientation"
              + (options.allowMissingPositions() ? "" : ", without gaps")
              + ", or a tiled total pixel matrix): "
              + image);
    }
    int[] shape = layout.geometry().spatialShape();
    String what = "volume";
    int s0 = Image.bound(sliceStart, 0, shape[0], asIndices, "slice_start", what);
    int s1 = Image.bound(sliceEnd, shape[0], shape[0], asIndices, "slice_end", what);
    int r0 = Image.bound(rowStart, 0, shape[1], asIndices, "row_start", what);
    int r1 = Image.bound(rowEnd, shape[1], shape[1], asIndices, "row_end", what);
    int c0 = Image.bound(columnStart, 0, shape[2], asIndices, "column_start", what);
    int c1 = Image.bound(columnEnd, shape[2], shape[2], asIndices, "column_end", what);
    if (s0 >= s1 || r0 >= r1 || c0 >= c1) {
      throw new IllegalArgumentException(
          "Volume region is empty (expected start < end on every axis): slices "
              + s0
              + ":"
              + s1
              + ", rows "
              + r0
              + ":"
              + r1
              + ", columns "
              + c0
              + ":"
              + c1);
    }
    VolumeGeometry sub =
        layout
            .geometry()
            .slice(SliceSpec.range(s0, s1), SliceSpec.range(r0, r1), SliceSpec.range(c0, c1));
    NdArray out;
    boolean color;
    if (layout.sourceOfSlice() == null) {
      NdArray tpm = image.getTotalPixelMatrix(r0, r1, c0, c1, true, transforms);
      color = tpm.ndim() == 3;
      int[] withSlice = new int[tpm.ndim() + 1];
      withSlice[0] = 1;
      System.arraycopy(tpm.shape(), 0, withSlice, 1, tpm.ndim());
      out = tpm.reshape(withSlice);
    } else {
      int[] frameOfSlice = layout.sourceOfSlice();
      color = image.transform(0, transforms).colorOutput();
      out = allocate(transforms.dtype(), sub.spatialShape(), color);
      boolean whole = r0 == 0 && c0 == 0 && r1 == shape[1] && c1 == shape[2];
      fill(
          out,
          (k, offset) -> {
            int f = frameOfSlice[s0 + k];
            if (f < 0) {
              return null;
            }
            CombinedPixelTransform t = image.transform(f, transforms);
            if (whole && t.isIdentity() && copyStoredFrame(image, f, out, offset)) {
              return null;
            }
            return image.transformedFrame(f, t);
          },
          r0,
          c0,
          image.readOptions().executor());
    }
    return sub.withArray(out, color ? rgbChannels() : null);
  }

  // ---------------------------------------------------------------- pixels

  /**
   * Produces the transformed frame of one output slice, or null when there is nothing to copy (a
   * gap, or a frame already copied to {@code offset}, the flat position of the slice in the
   * output).
   */
  @FunctionalInterface
  private interface SliceFrames {
    NdArray frame(int slice, int offset) throws IOException;
  }

  /**
   * Copies the stored values of one native, in-memory, monochrome frame whose Bits Stored equals
   * Bits Allocated (8, 16 or 32) straight into {@code out}: one pass, no intermediate arrays.
   *
   * @param image the image
   * @param index 0-based frame index
   * @param out array of the stored type
   * @param outOffset flat position of the frame's first value in {@code out}
   * @return false when the frame is not of that kind (nothing is copied)
   */
  private static boolean copyStoredFrame(Image image, int index, NdArray out, int outOffset) {
    DType stored = image.storedDtype();
    if (out.dtype() != stored || stored.isFloatingPoint()) {
      return false;
    }
    DicomDataset dataset = image.rawDataset();
    int tag = PixelDataFrames.pixelDataTag(dataset);
    FrameDescriptor d = image.descriptor();
    int bytes = d.bitsAllocated() / 8;
    if (dataset.getFragments(tag) != null
        || dataset.getBulkDataRef(tag) != null
        || d.samplesPerPixel() != 1
        || d.bitsStored() != d.bitsAllocated()
        || (bytes != 1 && bytes != 2 && bytes != 4)
        || d.bitsAllocated() % 8 != 0) {
      return false;
    }
    byte[] all = dataset.getBytes(tag);
    int n = d.rows() * d.columns();
    long start = (long) index * n * bytes;
    if (all == null || start + (long) n * bytes > all.length) {
      return false; // the general path reports the truncation
    }
    // the reader has already byte-swapped big-endian values into little endian
    ByteBuffer bb = ByteBuffer.wrap(all, (int) start, n * bytes).order(ByteOrder.LITTLE_ENDIAN);
    Object data = out.data();
    int at = out.offset() + outOffset;
    if (bytes == 1) {
      System.arraycopy(all, (int) start, data, at, n);
    } else if (bytes == 2) {
      bb.asShortBuffer().get((short[]) data, at, n);
    } else {
      bb.asIntBuffer().get((int[]) data, at, n);
    }
    return true;
  }

  private static NdArray allocate(DType dtype, int[] spatialShape, boolean color) {
    long total = (long) spatialShape[0] * spatialShape[1] * spatialShape[2] * (color ? 3 : 1);
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "Volume is too large for one array (expected < 2^31 samples): " + total);
    }
    return color
        ? NdArray.zeros(dtype, spatialShape[0], spatialShape[1], spatialShape[2], 3)
        : NdArray.zeros(dtype, spatialShape);
  }

  /**
   * Fills each slice of {@code out} with the region at (r0, c0) of its frame, slices in parallel;
   * rows are moved with {@code System.arraycopy} on the backing arrays, so no value is converted.
   */
  private static void fill(NdArray out, SliceFrames frames, int r0, int c0, Executor executor)
      throws IOException {
    int n = out.shape(0);
    int h = out.shape(1);
    int w = out.shape(2);
    int samples = out.ndim() == 4 ? out.shape(3) : 1;
    int perSlice = h * w * samples;
    Parallel.forEach(
        n,
        executor,
        k -> {
          int dst = out.offset() + k * perSlice;
          NdArray f = frames.frame(k, k * perSlice);
          if (f == null) {
            return;
          }
          if (f.dtype() != out.dtype()
              || f.ndim() != out.ndim() - 1
              || f.shape(0) < r0 + h
              || f.shape(1) < c0 + w
              || (samples > 1 && f.shape(2) != samples)) {
            throw new IllegalArgumentException(
                "Frames differ in shape or type (expected "
                    + out.dtype()
                    + " frames of "
                    + (r0 + h)
                    + " x "
                    + (c0 + w)
                    + " or more"
                    + (samples > 1 ? " x " + samples : "")
                    + "): "
                    + f);
          }
          int fw = f.shape(1);
          if (r0 == 0 && c0 == 0 && fw == w && f.shape(0) == h) {
            System.arraycopy(f.data(), f.offset(), out.data(), dst, perSlice);
            return;
          }
          for (int r = 0; r < h; r++) {
            System.arraycopy(
                f.data(),
                f.offset() + ((r0 + r) * fw + c0) * samples,
                out.data(),
                dst + r * w * samples,
                w * samples);
          }
        });
  }

  private static Map<ChannelDescriptor, List<?>> rgbChannels() {
    Map<ChannelDescriptor, List<?>> ch = new LinkedHashMap<>();
    ch.put(
        ChannelDescriptor.RGB_COLOR_CHANNEL_DESCRIPTOR,
        List.of(RGBColorChannels.R, RGBColorChannels.G, RGBColorChannels.B));
    return ch;
  }
}
