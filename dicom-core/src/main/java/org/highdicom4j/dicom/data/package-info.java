/**
 * The DICOM data model (PS3.5): value representations, data element values and the character sets
 * that Specific Character Set (0008,0005) selects for their text.
 */
package org.highdicom4j.dicom.data;
