/** Deflated Image Frame Compression (1.2.840.10008.1.2.8.1): raw deflate per frame. */
package org.highdicom4j.codec.deflate;
