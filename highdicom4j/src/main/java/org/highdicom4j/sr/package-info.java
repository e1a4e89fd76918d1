/**
 * Structured Reporting (SR): content items of every value type, content sequences, and the TID 1500
 * Measurement Report template family with its sub-templates; highdicom's {@code highdicom.sr}.
 *
 * <p>Content items ({@link org.highdicom4j.sr.ContentItem} and its subclasses) are immutable and
 * validated when built; {@code toDataset()} writes them directly into data sets and {@code
 * fromDataset} reads them back tolerantly, so that a read item equals the one built. Templates
 * ({@link org.highdicom4j.sr.Template}) are immutable groups of content items with typed accessors;
 * {@link org.highdicom4j.sr.MeasurementReport} reads a TID 1500 content tree and answers queries
 * for measurement groups, measurements and qualitative evaluations.
 */
package org.highdicom4j.sr;
