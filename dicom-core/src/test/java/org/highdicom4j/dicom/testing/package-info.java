/**
 * Test utilities shared by the modules' tests: locating the shared DICOM test corpus, checking that
 * guides hold the snippets their tests run.
 */
package org.highdicom4j.dicom.testing;
