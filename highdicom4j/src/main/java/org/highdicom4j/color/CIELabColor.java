package org.highdicom4j.color;

import java.util.Arrays;
import java.util.Objects;

/**
 * A colour in CIE L*a*b* as DICOM encodes it (PS3.3 C.10.7.1.1, e.g. Recommended Display CIELab
 * Value (0062,000D)): three unsigned 16-bit values, L* scaled from 0..100 and a*, b* from −128..127
 * to 0..65535; highdicom's {@code color.CIELabColor}. Conversions to and from sRGB use the D65
 * white point. Immutable.
 */
public final class CIELabColor {
  private static final double XN = 95.047;
  private static final double YN = 100.0;
  private static final double ZN = 108.883;
  private final int[] value;

  /**
   * Creates a colour from its components.
   *
   * @param lStar lightness, 0 (black) to 100 (white)
   * @param aStar −128 (green) to 127 (red) axis
   * @param bStar −128 (blue) to 127 (yellow) axis
   * @throws IllegalArgumentException when a component is out of range
   */
  public CIELabColor(double lStar, double aStar, double bStar) {
    if (!(lStar >= 0 && lStar <= 100)) {
      throw new IllegalArgumentException(
          "Value for \"l_star\" must lie between 0.0 (black) and 100.0 (white): " + lStar);
    }
    if (!(aStar >= -128 && aStar <= 127)) {
      throw new IllegalArgumentException(
          "Value for \"a_star\" must lie between -128.0 (red) and 127.0 (green): " + aStar);
    }
    if (!(bStar >= -128 && bStar <= 127)) {
      throw new IllegalArgumentException(
          "Value for \"b_star\" must lie between -128.0 (blue) and 127.0 (yellow): " + bStar);
    }
    this.value =
        new int[] {
          (int) Math.round(lStar * 0xFFFF / 100.0),
          (int) Math.round((aStar + 128.0) * 0xFFFF / 255.0),
          (int) Math.round((bStar + 128.0) * 0xFFFF / 255.0)
        };
  }

  private CIELabColor(int[] value) {
    this.value = value;
  }

  /**
   * Creates a colour from its DICOM encoding; highdicom's {@code from_dicom_value}.
   *
   * @param value three values 0..65535 (L*, a*, b*)
   * @return the colour
   * @throws IllegalArgumentException when there are not three values in range
   */
  public static CIELabColor fromDicomValue(int... value) {
    Objects.requireNonNull(value, "value");
    if (value.length != 3) {
      throw new IllegalArgumentException(
          "Argument 'value' must have length 3 (expected 3 values): " + value.length);
    }
    for (int v : value) {
      if (v < 0 || v > 0xFFFF) {
        throw new IllegalArgumentException(
            "All values must lie in range 0 to 0xFFFF: " + Arrays.toString(value));
      }
    }
    return new CIELabColor(value.clone());
  }

  /**
   * Creates a colour from sRGB components; highdicom's {@code from_rgb}.
   *
   * @param r red, 0..255
   * @param g green, 0..255
   * @param b blue, 0..255
   * @return the colour
   * @throws IllegalArgumentException when a component is out of range
   */
  public static CIELabColor fromRgb(double r, double g, double b) {
    for (double c : new double[] {r, g, b}) {
      if (!(c >= 0 && c <= 255)) {
        throw new IllegalArgumentException(
            "Each RGB component must lie in the range 0 to 255: " + c);
      }
    }
    double rl = linear(r / 255) * 100;
    double gl = linear(g / 255) * 100;
    double bl = linear(b / 255) * 100;
    // sRGB (IEC 61966-2-1) primaries, D65
    double x = rl * 0.4124 + gl * 0.3576 + bl * 0.1805;
    double y = rl * 0.2126 + gl * 0.7152 + bl * 0.0722;
    double z = rl * 0.0193 + gl * 0.1192 + bl * 0.9505;
    double fx = labF(x / XN);
    double fy = labF(y / YN);
    double fz = labF(z / ZN);
    double l = Math.max(0, Math.min(100, 116 * fy - 16));
    double a = Math.max(-128, Math.min(127, 500 * (fx - fy)));
    double bb = Math.max(-128, Math.min(127, 200 * (fy - fz)));
    return new CIELabColor(l, a, bb);
  }

  /**
   * Creates a colour from a colour string; highdicom's {@code from_string}.
   *
   * @param color a CSS colour name, hex code or "RGB(r, g, b)" (see {@link ColorNames#getRgb})
   * @return the colour
   */
  public static CIELabColor fromString(String color) {
    int[] rgb = ColorNames.getRgb(color);
    return fromRgb(rgb[0], rgb[1], rgb[2]);
  }

  /** Returns the DICOM encoding: three values 0..65535 (a new array). */
  public int[] value() {
    return value.clone();
  }

  /** Returns L*, 0..100. */
  public double lStar() {
    return value[0] * (100.0 / 0xFFFF);
  }

  /** Returns a*, −128..127. */
  public double aStar() {
    return value[1] * (255.0 / 0xFFFF) - 128.0;
  }

  /** Returns b*, −128..127. */
  public double bStar() {
    return value[2] * (255.0 / 0xFFFF) - 128.0;
  }

  /**
   * Returns the sRGB components; highdicom's {@code to_rgb}.
   *
   * @param clip clip components outside 0..255 instead of failing
   * @return {r, g, b}, each 0..255
   * @throws IllegalArgumentException when the colour is outside the sRGB gamut and not clipped
   */
  public int[] toRgb(boolean clip) {
    double fy = (lStar() + 16) / 116;
    double fx = aStar() / 500 + fy;
    double fz = fy - bStar() / 200;
    double x = XN * labFInverse(fx) / 100;
    double y = YN * labFInverse(fy) / 100;
    double z = ZN * labFInverse(fz) / 100;
    double[] rgb = {
      x * 3.2406 + y * -1.5372 + z * -0.4986,
      x * -0.9689 + y * 1.8758 + z * 0.0415,
      x * 0.0557 + y * -0.2040 + z * 1.0570
    };
    int[] out = new int[3];
    for (int i = 0; i < 3; i++) {
      double c = gamma(rgb[i]) * 255;
      long r = Math.round(c);
      if (r < 0 || r > 255) {
        if (!clip) {
          throw new IllegalArgumentException(
              "This color is not representable in RGB color space. Use 'clip=True' to clip to"
                  + " the nearest representable value.");
        }
        r = Math.max(0, Math.min(255, r));
      }
      out[i] = (int) r;
    }
    return out;
  }

  private static double linear(double c) {
    return c > 0.04045 ? Math.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
  }

  private static double gamma(double c) {
    return c > 0.0031308 ? 1.055 * Math.pow(c, 1 / 2.4) - 0.055 : 12.92 * c;
  }

  private static double labF(double t) {
    double d = 6.0 / 29;
    return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
  }

  private static double labFInverse(double f) {
    double d = 6.0 / 29;
    return f > d ? f * f * f : 3 * d * d * (f - 4.0 / 29);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CIELabColor && Arrays.equals(((CIELabColor) o).value, value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "CIELabColor" + Arrays.toString(value);
  }
}
