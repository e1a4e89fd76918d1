package org.highdicom4j.codec;

import java.util.Set;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * The codec service provider interface: encodes and decodes single frames of one or more
 * encapsulated transfer syntaxes (PS3.5 Section 8.2 and Annex A.4).
 *
 * <p>Implementations are stateless and thread-safe, so frames can be processed in parallel. They
 * are found through {@link java.util.ServiceLoader} and the built-in list of {@link CodecRegistry}.
 */
public interface FrameCodec {

  /** Returns the Transfer Syntax UIDs this codec handles (decoding at least). */
  Set<String> transferSyntaxUids();

  /**
   * Returns true when this codec can decode frames of the given syntax and pixel description.
   *
   * @param transferSyntaxUid one of {@link #transferSyntaxUids()}
   * @param descriptor the frame's attributes
   * @return whether {@link #decode} will accept them
   */
  boolean canDecode(String transferSyntaxUid, FrameDescriptor descriptor);

  /**
   * Returns true when this codec can encode frames of the given syntax and pixel description.
   *
   * @param transferSyntaxUid one of {@link #transferSyntaxUids()}
   * @param descriptor the frame's attributes
   * @return whether {@link #encode} will accept them
   */
  boolean canEncode(String transferSyntaxUid, FrameDescriptor descriptor);

  /**
   * Decodes one frame.
   *
   * @param transferSyntaxUid the syntax of {@code encoded}
   * @param encoded the frame's bytes (all its fragments concatenated, padding included)
   * @param descriptor the frame's attributes as stored in the data set
   * @return the decoded samples in the layout of {@link FrameDescriptor}
   * @throws DicomStreamException when the codestream is truncated or corrupt, or disagrees with the
   *     descriptor
   * @throws UnsupportedTransferSyntaxException when {@link #canDecode} is false
   */
  DecodedFrame decode(String transferSyntaxUid, byte[] encoded, FrameDescriptor descriptor)
      throws DicomStreamException;

  /**
   * Encodes one frame.
   *
   * @param transferSyntaxUid the syntax to produce
   * @param frame the samples in the layout of {@link FrameDescriptor}
   * @param descriptor the frame's attributes
   * @return the encoded frame (even length is not required; encapsulation pads)
   * @throws IllegalArgumentException when {@code frame} has the wrong length
   * @throws UnsupportedTransferSyntaxException when {@link #canEncode} is false
   */
  byte[] encode(String transferSyntaxUid, byte[] frame, FrameDescriptor descriptor);
}
