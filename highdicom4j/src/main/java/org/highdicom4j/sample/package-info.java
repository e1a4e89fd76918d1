/**
 * Synthetic sample data for demonstrations, tests and benchmarks: a CT phantom series with organs
 * of distinct Hounsfield units, written as standard CT Image Storage instances.
 */
package org.highdicom4j.sample;
