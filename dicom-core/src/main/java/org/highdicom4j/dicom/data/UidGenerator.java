package org.highdicom4j.dicom.data;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Generation and validation of Unique Identifiers (UI, PS3.5 Section 9 and Annex B).
 *
 * <p>Two forms are made: UIDs under highdicom4j's own root, and UUID-derived UIDs of the form
 * {@code 2.25.<decimal UUID>} (PS3.5 Section B.2). The root is itself a UUID-derived UID made for
 * highdicom4j, so UIDs under it are unique without a registered organisation root.
 */
public final class UidGenerator {
  /** highdicom4j's UID root (a UUID-derived UID). */
  public static final String ROOT = "2.25.20497580724331044822055957962116589848";

  /** Prefix of generated instance UIDs: the root's ".2" branch (".1" names the implementation). */
  static final String INSTANCE_PREFIX = ROOT + ".2.";

  /** Exclusive upper bound of the random suffix, so that generated UIDs fit in 64 characters. */
  private static final long MAX_SUFFIX = 100_000_000_000_000_000L;

  private static final SecureRandom RANDOM = new SecureRandom();

  private UidGenerator() {}

  /**
   * Returns a new UID under highdicom4j's root: the root's instance branch, then a random number of
   * at most 17 digits (about 56 bits), 63 characters at most in all.
   *
   * @return a new UID
   */
  public static String newUid() {
    // A positive number prints without a leading zero, as PS3.5 9.1 requires of components.
    long r = 1 + Math.floorMod(RANDOM.nextLong(), MAX_SUFFIX - 1);
    return INSTANCE_PREFIX + r;
  }

  /**
   * Returns a new UID of the form {@code 2.25.<UUID as unsigned decimal>} from a random (version 4)
   * UUID.
   *
   * @return a new UID
   */
  public static String newUuidUid() {
    return fromUuid(UUID.randomUUID());
  }

  /**
   * Returns the UID of a UUID as PS3.5 Section B.2 defines it.
   *
   * @param uuid the UUID
   * @return {@code 2.25.} followed by the UUID's 128 bits as an unsigned decimal integer
   */
  public static String fromUuid(UUID uuid) {
    BigInteger hi = BigInteger.valueOf(uuid.getMostSignificantBits()).and(MASK64);
    BigInteger lo = BigInteger.valueOf(uuid.getLeastSignificantBits()).and(MASK64);
    return "2.25." + hi.shiftLeft(64).or(lo);
  }

  private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /**
   * Returns whether a string is a valid UID: 1 to 64 characters, components of digits separated by
   * single dots, no component with a leading zero unless it is "0".
   *
   * @param uid the candidate
   * @return true when valid
   */
  public static boolean isValid(String uid) {
    if (uid == null || uid.isEmpty() || uid.length() > 64) {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= uid.length(); i++) {
      if (i == uid.length() || uid.charAt(i) == '.') {
        int len = i - start;
        if (len == 0 || (len > 1 && uid.charAt(start) == '0')) {
          return false;
        }
        start = i + 1;
      } else if (uid.charAt(i) < '0' || uid.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
