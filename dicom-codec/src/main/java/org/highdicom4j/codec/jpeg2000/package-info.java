/**
 * JPEG 2000 Image Compression (PS3.5 Section 8.2.4 and Annex A.4.4): the transfer syntaxes JPEG
 * 2000 Image Compression (Lossless Only) 1.2.840.10008.1.2.4.90 and JPEG 2000 Image Compression
 * 1.2.840.10008.1.2.4.91, decoded and (losslessly) encoded with the JJ2000 reference implementation
 * of ISO/IEC 15444-1.
 *
 * <p>The codec drives JJ2000's codestream pipeline directly (no {@code BufferedImage}), so decoded
 * samples keep their exact precision and signedness; the only colour conversion is the codestream's
 * own inverse multiple component transform (RCT or ICT).
 */
package org.highdicom4j.codec.jpeg2000;
