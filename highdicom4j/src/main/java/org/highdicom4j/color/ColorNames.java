package org.highdicom4j.color;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colour strings as highdicom accepts them (through Pillow's {@code ImageColor.getrgb}): the CSS
 * named colours (case-insensitive, e.g. "red", "Crimson"), hex codes ("#ff7733", "#f73") and
 * "RGB(r, g, b)" with decimal components.
 */
public final class ColorNames {
  // CSS Color Module named colours (W3C), as "name=rrggbb;" pairs.
  private static final String TABLE =
      "aliceblue=f0f8ff;antiquewhite=faebd7;aqua=00ffff;aquamarine=7fffd4;azure=f0ffff;"
          + "beige=f5f5dc;bisque=ffe4c4;black=000000;blanchedalmond=ffebcd;blue=0000ff;"
          + "blueviolet=8a2be2;brown=a52a2a;burlywood=deb887;cadetblue=5f9ea0;chartreuse=7fff00;"
          + "chocolate=d2691e;coral=ff7f50;cornflowerblue=6495ed;cornsilk=fff8dc;crimson=dc143c;"
          + "cyan=00ffff;darkblue=00008b;darkcyan=008b8b;darkgoldenrod=b8860b;darkgray=a9a9a9;"
          + "darkgreen=006400;darkgrey=a9a9a9;darkkhaki=bdb76b;darkmagenta=8b008b;"
          + "darkolivegreen=556b2f;darkorange=ff8c00;darkorchid=9932cc;darkred=8b0000;"
          + "darksalmon=e9967a;darkseagreen=8fbc8f;darkslateblue=483d8b;darkslategray=2f4f4f;"
          + "darkslategrey=2f4f4f;darkturquoise=00ced1;darkviolet=9400d3;deeppink=ff1493;"
          + "deepskyblue=00bfff;dimgray=696969;dimgrey=696969;dodgerblue=1e90ff;"
          + "firebrick=b22222;floralwhite=fffaf0;forestgreen=228b22;fuchsia=ff00ff;"
          + "gainsboro=dcdcdc;ghostwhite=f8f8ff;gold=ffd700;goldenrod=daa520;gray=808080;"
          + "green=008000;greenyellow=adff2f;grey=808080;honeydew=f0fff0;hotpink=ff69b4;"
          + "indianred=cd5c5c;indigo=4b0082;ivory=fffff0;khaki=f0e68c;lavender=e6e6fa;"
          + "lavenderblush=fff0f5;lawngreen=7cfc00;lemonchiffon=fffacd;lightblue=add8e6;"
          + "lightcoral=f08080;lightcyan=e0ffff;lightgoldenrodyellow=fafad2;lightgray=d3d3d3;"
          + "lightgreen=90ee90;lightgrey=d3d3d3;lightpink=ffb6c1;lightsalmon=ffa07a;"
          + "lightseagreen=20b2aa;lightskyblue=87cefa;lightslategray=778899;"
          + "lightslategrey=778899;lightsteelblue=b0c4de;lightyellow=ffffe0;lime=00ff00;"
          + "limegreen=32cd32;linen=faf0e6;magenta=ff00ff;maroon=800000;mediumaquamarine=66cdaa;"
          + "mediumblue=0000cd;mediumorchid=ba55d3;mediumpurple=9370db;mediumseagreen=3cb371;"
          + "mediumslateblue=7b68ee;mediumspringgreen=00fa9a;mediumturquoise=48d1cc;"
          + "mediumvioletred=c71585;midnightblue=191970;mintcream=f5fffa;mistyrose=ffe4e1;"
          + "moccasin=ffe4b5;navajowhite=ffdead;navy=000080;oldlace=fdf5e6;olive=808000;"
          + "olivedrab=6b8e23;orange=ffa500;orangered=ff4500;orchid=da70d6;palegoldenrod=eee8aa;"
          + "palegreen=98fb98;paleturquoise=afeeee;palevioletred=db7093;papayawhip=ffefd5;"
          + "peachpuff=ffdab9;peru=cd853f;pink=ffc0cb;plum=dda0dd;powderblue=b0e0e6;"
          + "purple=800080;rebeccapurple=663399;red=ff0000;rosybrown=bc8f8f;royalblue=4169e1;"
          + "saddlebrown=8b4513;salmon=fa8072;sandybrown=f4a460;seagreen=2e8b57;seashell=fff5ee;"
          + "sienna=a0522d;silver=c0c0c0;skyblue=87ceeb;slateblue=6a5acd;slategray=708090;"
          + "slategrey=708090;snow=fffafa;springgreen=00ff7f;steelblue=4682b4;tan=d2b48c;"
          + "teal=008080;thistle=d8bfd8;tomato=ff6347;turquoise=40e0d0;violet=ee82ee;"
          + "wheat=f5deb3;white=ffffff;whitesmoke=f5f5f5;yellow=ffff00;yellowgreen=9acd32;";

  private static final Map<String, Integer> NAMES = new HashMap<>();
  private static final Pattern RGB =
      Pattern.compile("rgb\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

  static {
    for (String pair : TABLE.split(";")) {
      int eq = pair.indexOf('=');
      NAMES.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1), 16));
    }
  }

  private ColorNames() {}

  /**
   * Returns the red, green and blue components (0..255) of a colour string; Pillow's {@code
   * ImageColor.getrgb} as highdicom uses it.
   *
   * @param color a CSS colour name, "#rgb", "#rrggbb" or "RGB(r, g, b)"
   * @return {r, g, b}
   * @throws IllegalArgumentException when the string is not a known colour
   */
  public static int[] getRgb(String color) {
    Objects.requireNonNull(color, "color");
    String c = color.strip().toLowerCase(Locale.ROOT);
    Integer named = NAMES.get(c);
    if (named != null) {
      return new int[] {named >> 16, (named >> 8) & 0xff, named & 0xff};
    }
    if (c.matches("#[0-9a-f]{6}")) {
      int v = Integer.parseInt(c.substring(1), 16);
      return new int[] {v >> 16, (v >> 8) & 0xff, v & 0xff};
    }
    if (c.matches("#[0-9a-f]{3}")) {
      int[] out = new int[3];
      for (int i = 0; i < 3; i++) {
        out[i] = Integer.parseInt(c.substring(i + 1, i + 2), 16) * 17;
      }
      return out;
    }
    Matcher m = RGB.matcher(c);
    if (m.matches()) {
      int[] out = new int[3];
      for (int i = 0; i < 3; i++) {
        int v = Integer.parseInt(m.group(i + 1));
        if (v > 255) {
          throw new IllegalArgumentException(
              "RGB component out of range (expected 0..255): " + color);
        }
        out[i] = v;
      }
      return out;
    }
    throw new IllegalArgumentException(
        "unknown color specifier (expected a CSS colour name, #rrggbb or RGB(r, g, b)): " + color);
  }
}
