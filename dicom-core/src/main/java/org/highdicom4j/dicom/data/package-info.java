/**
 * The DICOM data set model (PS3.5 Section 7): {@link org.highdicom4j.dicom.data.DicomDataset} with
 * typed accessors, {@link org.highdicom4j.dicom.data.VR}, {@link
 * org.highdicom4j.dicom.data.Sequence} items, {@link org.highdicom4j.dicom.data.Fragments} of
 * encapsulated pixel data, {@link org.highdicom4j.dicom.data.BulkDataRef} for values read on
 * demand, value types such as {@link org.highdicom4j.dicom.data.PersonName}, and the character sets
 * that Specific Character Set (0008,0005) selects for text.
 */
package org.highdicom4j.dicom.data;
