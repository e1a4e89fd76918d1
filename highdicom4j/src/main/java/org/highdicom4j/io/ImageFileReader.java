package org.highdicom4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.highdicom4j.DType;
import org.highdicom4j.Image;
import org.highdicom4j.ImageReadOptions;
import org.highdicom4j.NdArray;
import org.highdicom4j.PixelTransformOptions;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.TransferSyntax;

/**
 * Reads the frames of a DICOM image file one at a time without loading its Pixel Data (7FE0,0010);
 * highdicom's {@code highdicom.io.ImageFileReader}. A thin wrapper over {@link Image#read(Path,
 * ImageReadOptions)} with {@link ImageReadOptions#LAZY}, which highdicom recommends instead since
 * 0.24 and which offers the same and more (1-based frame numbers, pixel transforms, volumes).
 *
 * <p>Frames are located with the Basic Offset Table, else the Extended Offset Table (7FE0,0001),
 * else by scanning the fragments; each read opens the file, reads just that frame's bytes and
 * closes it, so no file handle stays open between calls. Frame indices are 0-based, as in
 * highdicom.
 *
 * <pre>{@code
 * try (ImageFileReader reader = new ImageFileReader(path)) {
 *   reader.open();
 *   NdArray first = reader.readFrame(0);
 * }
 * }</pre>
 */
public final class ImageFileReader implements AutoCloseable {
  private final Path path;
  private Image image;

  /**
   * Creates a reader of a file; nothing is read until {@link #open()}.
   *
   * @param path a DICOM file (PS3.10) holding an image
   */
  public ImageFileReader(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /**
   * Reads the metadata (every attribute except the bulk Pixel Data); highdicom's {@code open()}.
   * Calling it again has no effect.
   *
   * @throws IOException when the file cannot be read or parsed
   * @throws IllegalArgumentException when the file uses a deflated transfer syntax
   */
  public void open() throws IOException {
    if (image != null) {
      return;
    }
    Image im = Image.read(path, ImageReadOptions.LAZY);
    if (im.transferSyntax().deflated()) {
      throw new IllegalArgumentException(
          "Deflated transfer syntaxes cannot be used with the ImageFileReader. (expected a"
              + " non-deflated TransferSyntaxUID (0002,0010)): "
              + im.transferSyntax().uid());
    }
    image = im;
  }

  /** Forgets the metadata; highdicom's {@code close()}. The reader can be opened again. */
  @Override
  public void close() {
    image = null;
  }

  private Image image() {
    if (image == null) {
      throw new IllegalStateException(
          "ImageFileReader is not open (expected open() first): " + path);
    }
    return image;
  }

  /**
   * Returns the metadata: a copy of the data set without Pixel Data (7FE0,0010), Float Pixel Data
   * (7FE0,0008) and Double Float Pixel Data (7FE0,0009); highdicom's {@code metadata}.
   */
  public DicomDataset metadata() {
    DicomDataset copy = image().dataset().deepCopy();
    copy.remove(Tag.PixelData);
    copy.remove(Tag.FloatPixelData);
    copy.remove(Tag.DoubleFloatPixelData);
    return copy;
  }

  /** Returns the Transfer Syntax of the file; highdicom's {@code transfer_syntax_uid}. */
  public TransferSyntax transferSyntax() {
    return image().transferSyntax();
  }

  /** Returns Number of Frames (0028,0008), 1 when absent; highdicom's {@code number_of_frames}. */
  public int numberOfFrames() {
    return image().numberOfFrames();
  }

  /**
   * Returns the encoded bytes of one frame; highdicom's {@code read_frame_raw(index)}.
   *
   * @param index 0-based frame index
   * @return the frame as stored (compressed for encapsulated syntaxes)
   * @throws IOException when the frame cannot be read
   * @throws IllegalArgumentException when the index is out of range
   */
  public byte[] readFrameRaw(int index) throws IOException {
    return image().getRawFrame(index, true);
  }

  /**
   * Returns one decoded frame with colour correction; highdicom's {@code read_frame(index)}.
   *
   * @param index 0-based frame index
   * @return the frame, see {@link #readFrame(int, boolean)}
   * @throws IOException when the frame cannot be read or decoded
   * @throws IllegalArgumentException when the index is out of range
   */
  public NdArray readFrame(int index) throws IOException {
    return readFrame(index, true);
  }

  /**
   * Returns one decoded frame; highdicom's {@code read_frame(index, correct_color)}: stored values
   * of shape (rows, columns) or (rows, columns, samples), in the stored type. With {@code
   * correctColor}, frames of three samples are converted from YBR_FULL to RGB and an ICC profile,
   * when present, is applied (PS3.3 C.11.15); monochrome and PALETTE COLOR frames are unchanged.
   *
   * @param index 0-based frame index
   * @param correctColor whether to convert colour frames to RGB and apply the ICC profile
   * @return the frame
   * @throws IOException when the frame cannot be read or decoded
   * @throws IllegalArgumentException when the index is out of range
   */
  public NdArray readFrame(int index, boolean correctColor) throws IOException {
    Image im = image();
    if (!correctColor || im.dataset().getInt(Tag.SamplesPerPixel, 1) != 3) {
      return im.getStoredFrame(index, true);
    }
    DType stored = im.storedDtype();
    PixelTransformOptions colorOnly =
        PixelTransformOptions.builder()
            .dtype(stored)
            .applyRealWorldTransform(false)
            .applyModalityTransform(false)
            .applyVoiTransform(false)
            .applyPresentationLut(false)
            .build();
    return im.getFrame(index, true, colorOnly);
  }

  @Override
  public String toString() {
    return "ImageFileReader[" + path + (image == null ? ", closed]" : ", open]");
  }
}
