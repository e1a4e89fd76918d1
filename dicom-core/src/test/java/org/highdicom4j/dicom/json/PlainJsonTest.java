package org.highdicom4j.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainJsonTest {
  @Test
  void parsesEveryRfc8259ValueKindIntoPlainJavaValues() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "a\"b\u00e9\n");
    expected.put("i", -12L);
    expected.put("d", 2.5e3);
    expected.put("f", 0.25);
    expected.put("a", Arrays.asList(true, false, null, List.of()));
    expected.put("o", Map.of());
    assertEquals(
        expected,
        PlainJson.parse(
            " {\"s\": \"a\\\"b\\u00e9\\n\", \"i\": -12, \"d\": 2.5E3, \"f\": 0.25,"
                + " \"a\": [true, false, null, []], \"o\": {}} "));
  }

  @Test
  void rejectsTrailingCharactersAndTruncatedInput() {
    assertThrows(IllegalArgumentException.class, () -> PlainJson.parse("[1] 2"));
    assertThrows(IllegalArgumentException.class, () -> PlainJson.parse("{\"a\": "));
  }
}
