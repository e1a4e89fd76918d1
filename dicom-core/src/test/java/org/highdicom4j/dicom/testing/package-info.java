/** Test utilities shared by the modules' tests: locating the shared DICOM test corpus. */
package org.highdicom4j.dicom.testing;
