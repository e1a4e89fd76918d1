package org.highdicom4j.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UidGeneratorTest {

  @Test
  void generatesValidDistinctUidsUnderOurRoot() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String uid = UidGenerator.newUid();
      assertTrue(UidGenerator.isValid(uid), uid);
      assertTrue(uid.startsWith(UidGenerator.ROOT + "."), uid);
      assertTrue(seen.add(uid), "duplicate " + uid);
    }
  }

  @Test
  void rootIsItselfAValidUuidDerivedUid() {
    assertTrue(UidGenerator.isValid(UidGenerator.ROOT));
    assertTrue(UidGenerator.ROOT.startsWith("2.25."));
    // With the longest random suffix (17 digits) a UID still fits in 64 characters.
    assertTrue(UidGenerator.INSTANCE_PREFIX.length() + 17 <= 64);
  }

  @Test
  void convertsUuidAsPs35AnnexBExample() {
    // PS3.5 B.2 example: f81d4fae-7dec-11d0-a765-00a0c91e6bf6.
    UUID uuid = UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    assertEquals("2.25.329800735698586629295641978511506172918", UidGenerator.fromUuid(uuid));
  }

  @Test
  void uuidUidsAreValidAndDistinct() {
    String a = UidGenerator.newUuidUid();
    String b = UidGenerator.newUuidUid();
    assertTrue(UidGenerator.isValid(a), a);
    assertNotEquals(a, b);
  }

  @Test
  void rejectsMalformedUids() {
    assertFalse(UidGenerator.isValid(""));
    assertFalse(UidGenerator.isValid("1..2"));
    assertFalse(UidGenerator.isValid("1.02"));
    assertFalse(UidGenerator.isValid("1.2."));
    assertFalse(UidGenerator.isValid("1.2a"));
    assertFalse(UidGenerator.isValid("1." + "1".repeat(63)));
    assertTrue(UidGenerator.isValid("1.0.2"));
  }
}
