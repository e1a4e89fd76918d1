package org.highdicom4j.formats;

import static org.highdicom4j.formats.FormatsTestSupport.assertAffineEquals;
import static org.highdicom4j.formats.FormatsTestSupport.ints;
import static org.highdicom4j.formats.FormatsTestSupport.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.highdicom4j.Volume;
import org.highdicom4j.Volumes;
import org.junit.jupiter.api.Test;

/**
 * The dcmqi NRRD label maps and parametric-map inputs of {@code ../shared/testdata}: every file
 * reads, its voxels equal those numpy decodes from the same bytes, and its geometry is the one of
 * the DICOM series it was drawn on.
 */
class NrrdCorpusTest {

  static List<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir :
        new String[] {
          "dcmqi-segmentations", "dcmqi-paramaps", "dcmqi-segmentations/23x38x3/nrrd"
        }) {
      try (Stream<Path> s = Files.list(FormatsTestSupport.testdata(dir))) {
        s.filter(p -> p.toString().endsWith(".nrrd")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  @Test
  void everyCorpusFileReadsWithTheVoxelsNumpyDecodes() throws Exception {
    List<Path> files = corpus();
    assertTrue(files.size() >= 16, "corpus files: " + files);
    String[] args = new String[files.size() + 1];
    args[0] = "nrrd";
    for (int i = 0; i < files.size(); i++) {
      args[i + 1] = files.get(i).toString();
    }
    Map<String, String> py = FormatsTestSupport.python(args);
    for (int i = 0; i < files.size(); i++) {
      NrrdImage img = Nrrd.read(files.get(i));
      String name = files.get(i).toString();
      assertArrayEquals(ints(py.get(i + ".shape")), img.array().shape(), name);
      assertEquals(py.get(i + ".sha256"), sha256(img.array()), name);
      assertEquals(
          Double.parseDouble(py.get(i + ".sum")),
          img.array().mean() * img.array().size(),
          1e-3 * Math.max(1, Math.abs(Double.parseDouble(py.get(i + ".sum")))),
          name);
      assertEquals("left-posterior-superior", img.space(), name);
      assertEquals(Nrrd.Encoding.GZIP, img.encoding(), name);
      assertEquals(4, img.version(), name);
      assertEquals(-1, img.channelAxis(), name);
      assertTrue(img.keyValues().isEmpty(), name);
      // The corpus stores LPS directly: the affine's columns are the directions, reversed.
      double[][] dirs = img.spaceDirections();
      double[][] a = img.affineLps();
      for (int r = 0; r < 3; r++) {
        assertEquals(dirs[2][r], a[r][0], 0, name);
        assertEquals(dirs[1][r], a[r][1], 0, name);
        assertEquals(dirs[0][r], a[r][2], 0, name);
        assertEquals(img.spaceOrigin()[r], a[r][3], 0, name);
      }
    }
  }

  static Volume series(String dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> s = Files.list(FormatsTestSupport.testdata(dir))) {
      paths = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
    return Volumes.read(paths);
  }

  @Test
  void ctLabelMapsHaveTheGeometryOfTheirThreeSliceCtSeries() throws IOException {
    Volume ct = series("dcmqi-segmentations/ct-3slice");
    int checked = 0;
    for (Path p : corpus()) {
      if (!p.getParent().endsWith("dcmqi-segmentations")) {
        continue;
      }
      NrrdImage img = Nrrd.read(p);
      if (img.array().shape(1) != 512) {
        continue; // the sparse label maps belong to the 23x38x3 series
      }
      assertArrayEquals(ct.spatialShape(), img.array().shape(), p.toString());
      // ITK stacks slices along +normal (z ascending), Volumes along −normal (right-handed):
      // the same voxel grid with axis 0 reversed.
      Volume v = new LabelMapImage(img.array(), img.affineLps(), null).toVolume(null);
      assertAffineEquals(ct.affine(), v.flipSpatial(0).affine(), 1e-4);
      assertTrue(v.matchGeometry(ct).geometryEqual(ct, 1e-4), p.toString());
      assertArrayEquals(ct.directionCosines(), v.directionCosines(), 1e-6);
      assertArrayEquals(ct.pixelSpacing(), v.pixelSpacing(), 1e-6);
      checked++;
    }
    assertEquals(9, checked);
  }

  @Test
  void smallLabelMapsHaveTheGeometryOfThe23x38x3Series() throws IOException {
    Volume image = series("dcmqi-segmentations/23x38x3/image");
    NrrdImage label =
        Nrrd.read(FormatsTestSupport.testdata("dcmqi-segmentations/23x38x3/nrrd/label.nrrd"));
    assertArrayEquals(image.spatialShape(), label.array().shape());
    Volume v = new LabelMapImage(label.array(), label.affineLps(), null).toVolume(null);
    assertAffineEquals(image.affine(), v.flipSpatial(0).affine(), 1e-4);
    assertEquals(image.array().shape(0), v.matchGeometry(image).array().shape(0));
    // The sparse label maps are one column wider (24) but start at the same voxel.
    for (String f :
        new String[] {"sparse_labelmap_noppv_seg.nrrd", "sparse_labelmap_ppv5_seg.nrrd"}) {
      NrrdImage sparse = Nrrd.read(FormatsTestSupport.testdata("dcmqi-segmentations/" + f));
      assertArrayEquals(new int[] {3, 38, 24}, sparse.array().shape());
      // Same first voxel and axes as the series: only the column extent differs.
      assertAffineEquals(label.affineLps(), sparse.affineLps(), 1e-4);
      assertFalse(sparse.array().max() == 0, f);
    }
  }
}
