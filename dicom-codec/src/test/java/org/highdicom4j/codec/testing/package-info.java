/** Test plumbing shared by the codec tests: corpus files, reference table and external tools. */
package org.highdicom4j.codec.testing;
