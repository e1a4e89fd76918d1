/**
 * JPEG-LS (ITU-T T.87 | ISO/IEC 14495-1) frame codec for the JPEG-LS Lossless
 * (1.2.840.10008.1.2.4.80) and JPEG-LS Near-Lossless (1.2.840.10008.1.2.4.81) transfer syntaxes of
 * PS3.5 Section 8.2.3, written from the standard in pure Java.
 */
package org.highdicom4j.codec.jpegls;
