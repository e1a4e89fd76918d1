/**
 * Segmentation images (PS3.3 A.51, Segmentation and Label Map Segmentation Storage): the {@link
 * org.highdicom4j.seg.Segmentation} builder and reader ({@code Segmentation.read}, pixel queries
 * with {@link org.highdicom4j.seg.SegmentPixelOptions}), {@link
 * org.highdicom4j.seg.SegmentDescription}, the dimension index and the enumerations of the
 * Segmentation Image module.
 *
 * <p>highdicom: {@code highdicom.seg}.
 */
package org.highdicom4j.seg;
