/**
 * The frame codec service provider interface for encapsulated Pixel Data (PS3.5 Section 8.2):
 * {@link org.highdicom4j.codec.FrameCodec}, the {@link org.highdicom4j.codec.FrameDescriptor} of a
 * frame, and the {@link org.highdicom4j.codec.CodecRegistry} that finds codecs and runs them in
 * parallel over frames. One sub-package per compression format.
 */
package org.highdicom4j.codec;
