/**
 * JPEG (ITU-T T.81 | ISO/IEC 10918-1) encoding and decoding of DICOM frames for the transfer
 * syntaxes JPEG Baseline (Process 1), JPEG Extended (Process 2 &amp; 4), JPEG Lossless (Process 14)
 * and JPEG Lossless First-Order Prediction (Process 14, Selection Value 1); PS3.5 Section 8.2.1 and
 * Annex A.4.1.
 *
 * <p>The public entry point is {@link org.highdicom4j.codec.jpeg.JpegCodec}; every other type is an
 * implementation detail.
 */
package org.highdicom4j.codec.jpeg;
