/**
 * Native (uncompressed) Pixel Data (PS3.5 Section 8.1 and Annex D): frame extraction into the
 * decoded layout, 1-bit packing across frame boundaries, YBR_FULL_422 expansion and the
 * normalisation of stored values.
 */
package org.highdicom4j.codec.uncompressed;
