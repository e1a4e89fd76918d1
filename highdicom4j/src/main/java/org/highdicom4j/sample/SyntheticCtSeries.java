package org.highdicom4j.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.WriteOptions;

/**
 * A synthetic CT phantom series: single-frame CT Image Storage instances (PS3.3 A.3) of a body
 * ellipse containing organs modelled as ellipsoids of distinct Hounsfield units (liver, kidneys,
 * spleen, spine, lungs), stored as signed 16-bit values with Rescale Slope 1 and Intercept 0.
 *
 * <p>Geometry follows the conventions of highdicom's examples: axial slices with Image Orientation
 * (Patient) 1\0\0\0\1\0, slices stacked along +z. The phantom scales with the matrix size, so the
 * same organs appear at any resolution.
 */
public final class SyntheticCtSeries {
  /** Hounsfield units of air outside the body. */
  public static final short AIR = -1000;

  /** Hounsfield units of soft tissue filling the body ellipse. */
  public static final short SOFT_TISSUE = 40;

  /** The organs of the phantom: name, HU and ellipsoid in normalised coordinates. */
  public enum Organ {
    /** Liver, 60 HU. */
    LIVER("Liver", (short) 60, -0.35, -0.05, 0.55, 0.30, 0.22, 0.30),
    /** Spleen, 50 HU. */
    SPLEEN("Spleen", (short) 50, 0.40, 0.05, 0.50, 0.10, 0.10, 0.18),
    /** Right kidney, 30 HU. */
    RIGHT_KIDNEY("Right kidney", (short) 30, -0.25, 0.30, 0.40, 0.08, 0.10, 0.16),
    /** Left kidney, 30 HU. */
    LEFT_KIDNEY("Left kidney", (short) 30, 0.25, 0.30, 0.40, 0.08, 0.10, 0.16),
    /** Vertebral column, 700 HU. */
    SPINE("Spine", (short) 700, 0.0, 0.50, 0.50, 0.08, 0.08, 0.60),
    /** Lungs (one ellipsoid per side merged), -800 HU. */
    LUNG("Lung", (short) -800, 0.0, -0.05, 0.88, 0.60, 0.35, 0.14);

    private final String label;
    private final short hu;
    private final double cx;
    private final double cy;
    private final double cz;
    private final double rx;
    private final double ry;
    private final double rz;

    Organ(
        String label, short hu, double cx, double cy, double cz, double rx, double ry, double rz) {
      this.label = label;
      this.hu = hu;
      this.cx = cx;
      this.cy = cy;
      this.cz = cz;
      this.rx = rx;
      this.ry = ry;
      this.rz = rz;
    }

    /** Returns the organ's name, e.g. "Liver". */
    public String label() {
      return label;
    }

    /** Returns the organ's value in Hounsfield units. */
    public short hounsfieldUnits() {
      return hu;
    }

    boolean contains(double x, double y, double z) {
      double dx = (x - cx) / rx;
      double dy = (y - cy) / ry;
      double dz = (z - cz) / rz;
      return dx * dx + dy * dy + dz * dz <= 1.0;
    }
  }

  private final int slices;
  private final int rows;
  private final int columns;
  private final double pixelSpacing;
  private final double sliceSpacing;
  private final String studyUid = UidGenerator.newUid();
  private final String seriesUid = UidGenerator.newUid();
  private final String frameOfReferenceUid = UidGenerator.newUid();

  /**
   * Describes a series.
   *
   * @param slices number of slices (instances), at least 1
   * @param rows Rows (0028,0010) of each slice
   * @param columns Columns (0028,0011) of each slice
   * @param pixelSpacing Pixel Spacing (0028,0030) in mm, both directions
   * @param sliceSpacing distance between slice centres along z, in mm (also Slice Thickness)
   */
  public SyntheticCtSeries(
      int slices, int rows, int columns, double pixelSpacing, double sliceSpacing) {
    if (slices < 1 || rows < 8 || columns < 8) {
      throw new IllegalArgumentException(
          "A phantom needs ≥ 1 slice of ≥ 8 x 8 pixels: " + slices + "x" + rows + "x" + columns);
    }
    if (!(pixelSpacing > 0) || !(sliceSpacing > 0)) {
      throw new IllegalArgumentException(
          "PixelSpacing (0028,0030) and slice spacing must be > 0: "
              + pixelSpacing
              + ", "
              + sliceSpacing);
    }
    this.slices = slices;
    this.rows = rows;
    this.columns = columns;
    this.pixelSpacing = pixelSpacing;
    this.sliceSpacing = sliceSpacing;
  }

  /**
   * Returns the series of the benchmarks: 200 slices of 512 x 512, 0.7 mm pixels, 1.25 mm apart.
   */
  public static SyntheticCtSeries benchmarkSeries() {
    return new SyntheticCtSeries(200, 512, 512, 0.7, 1.25);
  }

  /** Returns the number of slices. */
  public int slices() {
    return slices;
  }

  /** Returns Study Instance UID (0020,000D) shared by all slices. */
  public String studyInstanceUid() {
    return studyUid;
  }

  /** Returns Series Instance UID (0020,000E) shared by all slices. */
  public String seriesInstanceUid() {
    return seriesUid;
  }

  /** Returns Frame of Reference UID (0020,0052) shared by all slices. */
  public String frameOfReferenceUid() {
    return frameOfReferenceUid;
  }

  /**
   * Returns the stored (= Hounsfield) value of one voxel of the phantom.
   *
   * @param slice 0-based slice index (along +z)
   * @param row 0-based row
   * @param column 0-based column
   * @return the value in HU
   */
  public short valueAt(int slice, int row, int column) {
    double x = 2.0 * (column + 0.5) / columns - 1.0;
    double y = 2.0 * (row + 0.5) / rows - 1.0;
    double z = slices == 1 ? 0.5 : (slice + 0.5) / slices;
    // The body is an elliptic cylinder along z.
    if ((x / 0.9) * (x / 0.9) + (y / 0.75) * (y / 0.75) > 1.0) {
      return AIR;
    }
    for (Organ o : Organ.values()) {
      if (o.contains(x, y, z)) {
        return o.hu;
      }
    }
    return SOFT_TISSUE;
  }

  /**
   * Returns the pixels of one slice, row by row.
   *
   * @param slice 0-based slice index
   * @return rows × columns values
   */
  public short[] slicePixels(int slice) {
    short[] out = new short[rows * columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        out[r * columns + c] = valueAt(slice, r, c);
      }
    }
    return out;
  }

  /**
   * Builds the data set of one slice: a complete CT Image Storage instance.
   *
   * @param slice 0-based slice index
   * @return the data set
   */
  public DicomDataset slice(int slice) {
    if (slice < 0 || slice >= slices) {
      throw new IllegalArgumentException("slice must be 0.." + (slices - 1) + ": " + slice);
    }
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
    ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
    ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
    ds.setString(Tag.SOPInstanceUID, VR.UI, UidGenerator.newUid());
    LocalDate date = LocalDate.of(2024, 1, 15);
    LocalTime time = LocalTime.of(10, 30, 0);
    ds.setDate(Tag.StudyDate, date);
    ds.setDate(Tag.SeriesDate, date);
    ds.setDate(Tag.ContentDate, date);
    ds.setTime(Tag.StudyTime, time);
    ds.setTime(Tag.SeriesTime, time);
    ds.setTime(Tag.ContentTime, time);
    ds.setEmpty(Tag.AccessionNumber, VR.SH);
    ds.setString(Tag.Modality, VR.CS, "CT");
    ds.setString(Tag.Manufacturer, VR.LO, "highdicom4j");
    ds.setEmpty(Tag.ReferringPhysicianName, VR.PN);
    ds.setString(Tag.SeriesDescription, VR.LO, "Synthetic CT phantom");
    ds.setString(Tag.PatientName, VR.PN, "Phantom^Synthetic");
    ds.setString(Tag.PatientID, VR.LO, "HD4J-PHANTOM-1");
    ds.setEmpty(Tag.PatientBirthDate, VR.DA);
    ds.setString(Tag.PatientSex, VR.CS, "O");
    ds.setString(Tag.BodyPartExamined, VR.CS, "ABDOMEN");
    ds.setDouble(Tag.SliceThickness, VR.DS, sliceSpacing);
    ds.setInt(Tag.KVP, VR.DS, 120);
    ds.setString(Tag.PatientPosition, VR.CS, "HFS");
    ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
    ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
    ds.setString(Tag.StudyID, VR.SH, "1");
    ds.setInt(Tag.SeriesNumber, VR.IS, 1);
    ds.setInt(Tag.AcquisitionNumber, VR.IS, 1);
    ds.setInt(Tag.InstanceNumber, VR.IS, slice + 1);
    double originX = -(columns - 1) * pixelSpacing / 2;
    double originY = -(rows - 1) * pixelSpacing / 2;
    ds.setDouble(Tag.ImagePositionPatient, VR.DS, originX, originY, slice * sliceSpacing);
    ds.setDouble(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
    ds.setString(Tag.FrameOfReferenceUID, VR.UI, frameOfReferenceUid);
    ds.setEmpty(Tag.PositionReferenceIndicator, VR.LO);
    ds.setDouble(Tag.SliceLocation, VR.DS, slice * sliceSpacing);
    ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
    ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
    ds.setInt(Tag.Rows, VR.US, rows);
    ds.setInt(Tag.Columns, VR.US, columns);
    ds.setDouble(Tag.PixelSpacing, VR.DS, pixelSpacing, pixelSpacing);
    ds.setInt(Tag.BitsAllocated, VR.US, 16);
    ds.setInt(Tag.BitsStored, VR.US, 16);
    ds.setInt(Tag.HighBit, VR.US, 15);
    ds.setInt(Tag.PixelRepresentation, VR.US, 1);
    ds.setDouble(Tag.WindowCenter, VR.DS, 40);
    ds.setDouble(Tag.WindowWidth, VR.DS, 400);
    ds.setDouble(Tag.RescaleIntercept, VR.DS, 0);
    ds.setDouble(Tag.RescaleSlope, VR.DS, 1);
    ds.setString(Tag.RescaleType, VR.LO, "HU");
    short[] px = slicePixels(slice);
    byte[] bytes = new byte[px.length * 2];
    for (int i = 0; i < px.length; i++) {
      bytes[2 * i] = (byte) px[i];
      bytes[2 * i + 1] = (byte) (px[i] >> 8);
    }
    ds.setBytes(Tag.PixelData, VR.OW, bytes);
    return ds;
  }

  /**
   * Writes every slice as {@code CT0001.dcm} … into a directory, in Explicit VR Little Endian.
   *
   * @param dir the directory (created when missing)
   * @return the files written, in slice order
   * @throws IOException when writing fails
   */
  public List<Path> writeTo(Path dir) throws IOException {
    return writeTo(dir, slice -> {});
  }

  /**
   * Writes every slice as {@code CT0001.dcm} … into a directory, in Explicit VR Little Endian,
   * telling a listener after each slice (for progress display).
   *
   * @param dir the directory (created when missing)
   * @param onSliceWritten called with the 0-based index of each slice once it is written
   * @return the files written, in slice order
   * @throws IOException when writing fails
   */
  public List<Path> writeTo(Path dir, java.util.function.IntConsumer onSliceWritten)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>(slices);
    for (int s = 0; s < slices; s++) {
      Path f = dir.resolve(String.format("CT%04d.dcm", s + 1));
      DicomWriter.write(f, slice(s), WriteOptions.DEFAULT);
      out.add(f);
      onSliceWritten.accept(s);
    }
    return out;
  }
}
