package org.highdicom4j.spatial;

/**
 * Position of one tile (frame) of a tiled total pixel matrix: its 1-based offsets in the matrix
 * (Column Position In Total Image Pixel Matrix (0048,021E) and Row Position … (0048,021F)) and the
 * frame-of-reference position of its first pixel's centre.
 *
 * @param columnPosition 1-based column offset of the tile's first column
 * @param rowPosition 1-based row offset of the tile's first row
 * @param x x coordinate in millimetres
 * @param y y coordinate in millimetres
 * @param z z coordinate in millimetres
 */
public record TilePosition(int columnPosition, int rowPosition, double x, double y, double z) {}
