/**
 * Low-level lazy frame input: {@link org.highdicom4j.io.ImageFileReader}, highdicom's {@code
 * highdicom.io} module. New code should prefer {@link
 * org.highdicom4j.Image#read(java.nio.file.Path, org.highdicom4j.ImageReadOptions)} with lazy frame
 * retrieval, as highdicom recommends since 0.24.
 */
package org.highdicom4j.io;
