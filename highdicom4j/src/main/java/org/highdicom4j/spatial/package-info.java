/**
 * Spatial utilities of highdicom's {@code highdicom.spatial} module: transformers between pixel
 * indices, image coordinates and frame-of-reference coordinates, affine construction, slice sorting
 * and spacing checks, and tiling of total pixel matrices.
 */
package org.highdicom4j.spatial;
