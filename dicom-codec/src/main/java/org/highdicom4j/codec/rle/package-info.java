/** RLE Lossless compression of frames (1.2.840.10008.1.2.5, PS3.5 Annex G). */
package org.highdicom4j.codec.rle;
