package org.highdicom4j.codec.jpeg2000;

import jj2000.j2k.entropy.encoder.CBlkRateDistStats;
import jj2000.j2k.entropy.encoder.CodedCBlkDataSrcEnc;
import jj2000.j2k.image.ImgDataAdapter;
import jj2000.j2k.wavelet.analysis.SubbandAn;

/**
 * Sits between JJ2000's entropy coder and its rate allocator and makes sure the last coding pass of
 * every code-block is sent, which lossless coding requires.
 *
 * <p>JJ2000 keeps the last truncation point of a reversible code-block valid, but its rate-
 * distortion slope is computed from estimated distortions and can come out negative for the least
 * significant bit-planes of wide (16-bit) samples; the rate allocator's final threshold of 0 then
 * drops that pass and the "lossless" codestream is off by one or two in places. Giving that last
 * point the smallest positive slope keeps the slopes decreasing and always includes it.
 */
final class LosslessTruncationGuard extends ImgDataAdapter implements CodedCBlkDataSrcEnc {

  private final CodedCBlkDataSrcEnc src;

  LosslessTruncationGuard(CodedCBlkDataSrcEnc src) {
    super(src);
    this.src = src;
  }

  @Override
  public CBlkRateDistStats getNextCodeBlock(int c, CBlkRateDistStats ccb) {
    CBlkRateDistStats block = src.getNextCodeBlock(c, ccb);
    if (block != null && block.nVldTrunc > 0) {
      int last = block.nVldTrunc - 1;
      if (block.truncIdxs[last] == block.nTotTrunc - 1 && !(block.truncSlopes[last] > 0f)) {
        block.truncSlopes[last] = Float.MIN_VALUE;
      }
    }
    return block;
  }

  @Override
  public int getPPX(int t, int c, int r) {
    return src.getPPX(t, c, r);
  }

  @Override
  public int getPPY(int t, int c, int r) {
    return src.getPPY(t, c, r);
  }

  @Override
  public boolean precinctPartitionUsed(int t, int c) {
    return src.precinctPartitionUsed(t, c);
  }

  @Override
  public boolean isReversible(int t, int c) {
    return src.isReversible(t, c);
  }

  @Override
  public SubbandAn getAnSubbandTree(int t, int c) {
    return src.getAnSubbandTree(t, c);
  }

  @Override
  public int getCbULX() {
    return src.getCbULX();
  }

  @Override
  public int getCbULY() {
    return src.getCbULY();
  }
}
