package org.highdicom4j.codec.jpeg2000;

import com.github.jaiimageio.jpeg2000.impl.J2KImageWriteParamJava;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import jj2000.j2k.codestream.writer.FileCodestreamWriter;
import jj2000.j2k.codestream.writer.HeaderEncoder;
import jj2000.j2k.entropy.encoder.EntropyCoder;
import jj2000.j2k.entropy.encoder.PostCompRateAllocator;
import jj2000.j2k.image.ImgDataConverter;
import jj2000.j2k.image.Tiler;
import jj2000.j2k.image.forwcomptransf.ForwCompTransf;
import jj2000.j2k.quantization.quantizer.Quantizer;
import jj2000.j2k.roi.encoder.ROIScaler;
import jj2000.j2k.wavelet.analysis.ForwardWT;
import org.highdicom4j.codec.FrameDescriptor;

/**
 * Encodes one frame as a lossless JPEG 2000 codestream with JJ2000: one tile, reversible 5-3
 * wavelet, no quantization, 64x64 code-blocks, one quality layer, LRCP progression, component
 * precision = BitsStored (so 1-bit frames are coded as 1-bit components), and the reversible
 * component transform (RCT, MCT = 1) only when asked for (Photometric Interpretation YBR_RCT).
 */
final class J2kEncoder {

  private static final int MAX_LEVELS = 5;

  private J2kEncoder() {}

  static byte[] encode(byte[] frame, FrameDescriptor d, boolean rct) throws IOException {
    int w = d.columns();
    int h = d.rows();
    int nc = d.samplesPerPixel();
    FrameImageSource source = new FrameImageSource(frame, d);

    J2KImageWriteParamJava param = new J2KImageWriteParamJava(shapeOf(frame, d));
    param.setLossless(true);
    param.setEncodingRate(Double.MAX_VALUE);
    param.setFilters("w5x3");
    param.setComponentTransformation(Boolean.toString(rct));
    param.setDecompositionLevel(Integer.toString(levels(w, h)));
    param.setCodeBlockSize("64 64");
    param.setProgressionName("layer");
    param.setLayers("");
    param.setSOP("false");
    param.setEPH("false");

    Tiler tiler = new Tiler(source, 0, 0, 0, 0, w, h);
    ForwCompTransf componentTransform = new ForwCompTransf(tiler, param);
    ImgDataConverter converter = new ImgDataConverter(componentTransform);
    ForwardWT wavelet = ForwardWT.createInstance(converter, param);
    Quantizer quantizer = Quantizer.createInstance(wavelet, param);
    ROIScaler roi = ROIScaler.createInstance(quantizer, param);
    EntropyCoder coder =
        EntropyCoder.createInstance(
            roi,
            param,
            param.getCodeBlockSize(),
            param.getPrecinctPartition(),
            param.getBypass(),
            param.getResetMQ(),
            param.getTerminateOnByte(),
            param.getCausalCXInfo(),
            param.getCodeSegSymbol(),
            param.getMethodForMQLengthCalc(),
            param.getMethodForMQTermination());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(frame.length / 2 + 1024);
    FileCodestreamWriter writer = new FileCodestreamWriter(bytes, Integer.MAX_VALUE);
    // Rate Float.MAX_VALUE with a single layer: every coding pass is kept (lossless).
    PostCompRateAllocator allocator =
        PostCompRateAllocator.createInstance(
            new LosslessTruncationGuard(coder), Float.MAX_VALUE, writer, param);
    boolean[] signed = new boolean[nc];
    java.util.Arrays.fill(signed, d.signed());
    HeaderEncoder header = new HeaderEncoder(source, signed, wavelet, tiler, param, roi, allocator);
    allocator.setHeaderEncoder(header);
    header.encodeMainHeader();
    allocator.initialize();
    header.reset();
    header.encodeMainHeader();
    writer.commitBitstreamHeader(header);
    allocator.runAndWrite();
    writer.close();
    return bytes.toByteArray();
  }

  /**
   * Returns the number of wavelet decompositions: at most 5, and few enough that the lowest
   * resolution keeps at least one sample in each direction (OpenJPEG rejects more).
   */
  static int levels(int w, int h) {
    int levels = 0;
    int m = Math.min(w, h);
    while (levels < MAX_LEVELS && (m >> (levels + 1)) >= 1) {
      levels++;
    }
    return levels;
  }

  /**
   * A raster over the frame's own bytes that tells JJ2000's parameter object the image size and
   * component count; JJ2000 never reads its samples (they come from {@link FrameImageSource}).
   */
  private static Raster shapeOf(byte[] frame, FrameDescriptor d) {
    int bps = d.bytesPerSample();
    int nc = d.samplesPerPixel();
    int[] offsets = new int[nc];
    for (int c = 0; c < nc; c++) {
      offsets[c] = c * bps;
    }
    ComponentSampleModel model =
        new ComponentSampleModel(
            DataBuffer.TYPE_BYTE, d.columns(), d.rows(), nc * bps, d.columns() * nc * bps, offsets);
    return Raster.createRaster(model, new DataBufferByte(frame, frame.length), null);
  }
}
