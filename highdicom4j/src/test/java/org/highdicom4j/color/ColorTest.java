package org.highdicom4j.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.junit.jupiter.api.Test;

/** COL-01 and COL-02. */
class ColorTest {

  @Test
  void encodesCieLabAsPs3Defines() {
    // PS3.3 C.10.7.1.1: L* 0..100 → 0..65535; a*, b* −128..127 → 0..65535 (0 → 0x8080)
    assertArrayEquals(new int[] {65535, 0x8080, 0x8080}, new CIELabColor(100, 0, 0).value());
    assertArrayEquals(new int[] {0, 0, 65535}, new CIELabColor(0, -128, 127).value());
    CIELabColor c = CIELabColor.fromDicomValue(32768, 0x8080, 0x8080);
    assertEquals(50.0, c.lStar(), 1e-3);
    assertEquals(0.0, c.aStar(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> new CIELabColor(101, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new CIELabColor(50, -129, 0));
    assertThrows(IllegalArgumentException.class, () -> new CIELabColor(50, 0, 128));
    assertThrows(IllegalArgumentException.class, () -> CIELabColor.fromDicomValue(1, 2));
    assertThrows(IllegalArgumentException.class, () -> CIELabColor.fromDicomValue(1, 2, 70000));
    assertThrows(IllegalArgumentException.class, () -> CIELabColor.fromRgb(256, 0, 0));
  }

  @Test
  void convertsSrgbToLabAndBack() {
    // CIE L*a*b* (D65) of sRGB white, black and pure red: L* 100 / 0, red ≈ (53.24, 80.09, 67.20)
    CIELabColor white = CIELabColor.fromRgb(255, 255, 255);
    assertEquals(100.0, white.lStar(), 0.01);
    assertEquals(0.0, white.aStar(), 0.01);
    CIELabColor red = CIELabColor.fromString("red");
    assertEquals(53.24, red.lStar(), 0.05);
    assertEquals(80.09, red.aStar(), 0.05);
    assertEquals(67.20, red.bStar(), 0.05);
    for (String name : new String[] {"orange", "turquoise", "#123456", "RGB(10, 200, 30)"}) {
      int[] rgb = ColorNames.getRgb(name);
      assertArrayEquals(rgb, CIELabColor.fromString(name).toRgb(false), name);
    }
    // L* 100 with a* 127 lies outside sRGB
    CIELabColor out = new CIELabColor(100, 127, 0);
    assertThrows(IllegalArgumentException.class, () -> out.toRgb(false));
    int[] clipped = out.toRgb(true);
    for (int v : clipped) {
      assertTrue(v >= 0 && v <= 255);
    }
    assertEquals(CIELabColor.fromString("white"), CIELabColor.fromString("#fff"));
  }

  @Test
  void colorManagerConvertsLinearRgbToSrgb() {
    byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    ColorManager cm = new ColorManager(linear);
    byte[] px = new byte[3 * 4];
    int[] values = {0, 10, 64, 128, 200, 255, 30, 90, 160, 220, 240, 5};
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) values[i];
    }
    NdArray out = cm.transformFrame(NdArray.wrap(DType.UINT8, px, 2, 2, 3));
    for (int i = 0; i < px.length; i++) {
      // IEC 61966-2-1 sRGB encoding of a linear value
      double l = values[i] / 255.0;
      double srgb = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
      assertEquals(srgb * 255, out.getFlatDouble(i), 3.0, "value " + values[i]);
    }
  }

  @Test
  void colorManagerRejectsBadProfilesAndFrames() {
    assertThrows(IllegalArgumentException.class, () -> new ColorManager(new byte[] {1, 2, 3}));
    assertThrows(NullPointerException.class, () -> new ColorManager(null));
    byte[] gray = ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData();
    assertThrows(IllegalArgumentException.class, () -> new ColorManager(gray));
    ColorManager cm = new ColorManager(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> cm.transformFrame(NdArray.zeros(DType.UINT8, 4, 4)));
    assertTrue(e.getMessage().contains("incorrect dimensions"));
    assertThrows(
        IllegalArgumentException.class,
        () -> cm.transformFrame(NdArray.zeros(DType.UINT16, 2, 2, 3)));
  }

  @Test
  void parsesColorStringsLikePillow() {
    assertArrayEquals(new int[] {255, 165, 0}, ColorNames.getRgb("Orange"));
    assertArrayEquals(new int[] {0x11, 0x22, 0x33}, ColorNames.getRgb("#123"));
    assertArrayEquals(new int[] {1, 2, 3}, ColorNames.getRgb("rgb(1,2,3)"));
    assertThrows(IllegalArgumentException.class, () -> ColorNames.getRgb("rgb(1,2,300)"));
    assertThrows(IllegalArgumentException.class, () -> ColorNames.getRgb("nocolor"));
  }
}
