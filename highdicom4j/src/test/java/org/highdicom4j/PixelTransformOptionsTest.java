package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PixelTransformOptionsTest {
  private static void assertRejects(String fragment, PixelTransformOptions.Builder b) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void defaultsMatchHighdicom() {
    PixelTransformOptions d = PixelTransformOptions.DEFAULT;
    assertEquals(DType.FLOAT64, d.dtype());
    assertNull(d.applyRealWorldTransform());
    assertNull(d.applyModalityTransform());
    assertEquals(Boolean.FALSE, d.applyVoiTransform());
    assertTrue(d.applyPresentationLut());
    assertEquals(0, d.realWorldValueMapIndex());
    assertEquals(0, d.voiTransformIndex());
    assertEquals(0.0, d.voiOutputMin());
    assertEquals(1.0, d.voiOutputMax());
  }

  @Test
  void rejectsContradictoryFlags() {
    assertRejects(
        "Setting both 'apply_real_world_transform' and 'apply_modality_transform' to True",
        PixelTransformOptions.builder().applyRealWorldTransform(true).applyModalityTransform(true));
    assertRejects(
        "'apply_modality_transform' cannot be False",
        PixelTransformOptions.builder().applyVoiTransform(null).applyModalityTransform(false));
    assertRejects(
        "'apply_palette_color_lut' cannot be False",
        PixelTransformOptions.builder().applyPaletteColorLut(false));
    assertRejects(
        "Second value of 'voi_output_range' must be higher",
        PixelTransformOptions.builder().voiOutputRange(1, 0));
  }

  @Test
  void selectorsReplaceEachOther() {
    PixelTransformOptions o =
        PixelTransformOptions.builder()
            .voiTransformSelector(2)
            .voiTransformSelector("X")
            .realWorldValueMapSelector("L")
            .realWorldValueMapSelectorUnits("mm", "UCUM")
            .build();
    assertNull(o.voiTransformIndex());
    assertEquals("X", o.voiTransformLabel());
    assertNull(o.realWorldValueMapLabel());
    assertEquals("UCUM", o.realWorldValueMapUnits()[1]);
    assertEquals("X", o.toBuilder().build().voiTransformLabel());
  }
}
