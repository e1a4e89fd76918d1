package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class AlgorithmIdentificationSequenceTest {
  @Test
  void writesTheAlgorithmIdentificationMacro() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("threshold", "0.5");
    params.put("model", "unet");
    AlgorithmIdentificationSequence a =
        new AlgorithmIdentificationSequence(
            "Seg AI", DCM.ArtificialIntelligence, "2.1", "Acme", params);
    DicomDataset item = a.toItem();
    assertEquals("Seg AI", item.getString(Tag.AlgorithmName));
    assertEquals("2.1", item.getString(Tag.AlgorithmVersion));
    assertEquals("Acme", item.getString(Tag.AlgorithmSource));
    assertEquals("threshold=0.5,model=unet", item.getString(Tag.AlgorithmParameters));
    assertEquals(
        "123110",
        item.getSequence(Tag.AlgorithmFamilyCodeSequence).get(0).getString(Tag.CodeValue));
    DicomDataset holder = new DicomDataset();
    holder.newSequence(Tag.SegmentationAlgorithmIdentificationSequence).add(item);
    AlgorithmIdentificationSequence back =
        AlgorithmIdentificationSequence.fromSequence(
            holder.getSequence(Tag.SegmentationAlgorithmIdentificationSequence));
    assertEquals(a, back);
    assertEquals(a.hashCode(), back.hashCode());
    assertEquals(params, back.parameters().orElseThrow());
  }

  @Test
  void rejectsValuesThatBreakTheirVr() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AlgorithmIdentificationSequence(
                    "n".repeat(65), DCM.ArtificialIntelligence, "1"));
    assertTrue(e.getMessage().contains("AlgorithmName (0066,0036) is too long"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AlgorithmIdentificationSequence(
                    "n", DCM.ArtificialIntelligence, "1", null, Map.of("a,b", "1")));
    assertTrue(e.getMessage().contains("AlgorithmParameters (0066,0032)"), e.getMessage());
    NullPointerException n =
        assertThrows(
            NullPointerException.class, () -> new AlgorithmIdentificationSequence("n", null, "1"));
    assertEquals("family", n.getMessage());
  }

  @Test
  void refusesEmptySequences() {
    DicomDataset holder = new DicomDataset();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AlgorithmIdentificationSequence.fromSequence(
                    holder.newSequence(Tag.SegmentationAlgorithmIdentificationSequence)));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }
}
