/**
 * Reading and writing DICOM files (PS3.10) and data sets (PS3.5): {@link
 * org.highdicom4j.dicom.io.DicomReader} and {@link org.highdicom4j.dicom.io.DicomWriter} with their
 * options, {@link org.highdicom4j.dicom.io.TransferSyntax}, {@link
 * org.highdicom4j.dicom.io.FileMetaInformation} and {@link
 * org.highdicom4j.dicom.io.DicomStreamException} for bytes that cannot be parsed.
 *
 * <p>The reader is tolerant where the files of other toolkits commonly deviate (implicit VR inside
 * explicit data sets, standard elements sent as UN, items longer than their sequence, pixel data
 * cut off by the end of the file) and resolves the VRs the dictionary leaves ambiguous as PS3.5
 * Annex A.1 says; the writer is strict (even lengths, OB for encapsulated pixel data, no retired
 * group lengths, atomic replacement of files).
 */
package org.highdicom4j.dicom.io;
