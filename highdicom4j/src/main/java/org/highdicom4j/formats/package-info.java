/**
 * Readers and writers of the image files that label maps and parametric-map values come in outside
 * DICOM: NIfTI-1 ({@link org.highdicom4j.formats.Nifti1}), NRRD ({@link
 * org.highdicom4j.formats.Nrrd}) and NumPy {@code .npy} ({@link org.highdicom4j.formats.Npy}), and
 * {@link org.highdicom4j.formats.LabelMapImage}, which reads any of them by file extension.
 *
 * <h2>Index and coordinate convention</h2>
 *
 * <p>Every reader returns the voxels as an {@link org.highdicom4j.NdArray} in C order with axes
 * (slice, row, column[, channel]) — the order of {@link org.highdicom4j.Volume}. NIfTI and NRRD
 * store their first index {@code i} fastest (Fortran order), so array axis 0 is their third spatial
 * index {@code k}, axis 1 is {@code j} and axis 2 is {@code i}; a fourth, non-spatial axis (NIfTI
 * {@code dim[4]}, an NRRD {@code list}/{@code vector} axis) always becomes the last array axis.
 *
 * <p>Geometry is a 4 x 4 affine matrix {@code A} in DICOM patient coordinates (LPS, millimetres)
 * such that {@code A · (slice, row, column, 1)ᵀ} is the centre of that voxel: exactly the affine
 * that {@link org.highdicom4j.Volume#Volume(org.highdicom4j.NdArray, double[][],
 * org.highdicom4j.CoordinateSystemNames, String)} takes. Column 0 of {@code A} is therefore the
 * step between slices, column 1 the step between rows (row spacing times the column direction
 * cosine of Image Orientation (Patient)), column 2 the step along a row, and column 3 the position
 * of the first voxel. RAS coordinates (NIfTI, NRRD {@code right-anterior-superior}) are converted
 * by negating x and y.
 *
 * <p>Malformed files raise {@link org.highdicom4j.formats.ImageFormatException}, which names the
 * header field and byte offset; sizes in a header are checked against the bytes available before
 * anything is allocated.
 */
package org.highdicom4j.formats;
