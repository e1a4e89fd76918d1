/**
 * End-to-end workloads that reproduce the Python peer's timings (see
 * ../shared/reference/peer-timings.md) and JMH micro-benchmarks of hot paths.
 */
package org.highdicom4j.bench;
