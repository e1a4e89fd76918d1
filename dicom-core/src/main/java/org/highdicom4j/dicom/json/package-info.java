/**
 * The DICOM JSON Model (PS3.18 Annex F.2): {@link org.highdicom4j.dicom.json.DicomJsonWriter} turns
 * a {@link org.highdicom4j.dicom.data.DicomDataset} into DICOM JSON and {@link
 * org.highdicom4j.dicom.json.DicomJsonReader} parses DICOM JSON (a single object, or the array of
 * objects DICOMweb returns) back into data sets.
 *
 * <p>The JSON tokenizer and writer are part of this package, so dicom-core keeps no runtime
 * dependencies. Choices where PS3.18 leaves room, all symmetric between reader and writer:
 *
 * <ul>
 *   <li>IS and DS values are written as JSON numbers with their exact DICOM text when that text is
 *       a valid JSON number, otherwise as JSON strings holding the text (F.2.3 allows strings "to
 *       preserve the original format"); the reader accepts both and keeps the text unchanged.
 *   <li>SV and UV values are numbers within ±(2<sup>53</sup>−1), the range every JSON parser holds
 *       exactly, and strings beyond it.
 *   <li>FL and FD values that are not finite (NaN, ±Infinity), which JSON numbers cannot express,
 *       are written as the strings "NaN", "Infinity" and "-Infinity".
 *   <li>Encapsulated Pixel Data (7FE0,0010) is written as InlineBinary of the encapsulated byte
 *       stream: each item (Basic Offset Table first) with its item tag (FFFE,E000) and 32-bit
 *       length, without the final Sequence Delimitation Item, as pydicom does. The reader turns an
 *       OB/OW Pixel Data value that parses completely as such items (a trailing delimiter
 *       tolerated) back into {@link org.highdicom4j.dicom.data.Fragments}.
 *   <li>Text is Unicode in JSON and stored in the data set as decoded strings. When the data set
 *       declares a Specific Character Set (0008,0005) that cannot encode that text, the error
 *       appears only when the data set is written as DICOM.
 * </ul>
 */
package org.highdicom4j.dicom.json;
