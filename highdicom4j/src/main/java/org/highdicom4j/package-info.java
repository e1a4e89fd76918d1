/**
 * High-level DICOM for the JVM: images, volumes and the derived objects of highdicom (Segmentation,
 * Structured Reports, Parametric Maps and more).
 */
package org.highdicom4j;
