package org.highdicom4j.sr;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An item of Verifying Observer Sequence (0040,A073): who verified an SR document, for which
 * organization and when (PS3.3 C.17.2 SR Document General Module).
 *
 * @param name Verifying Observer Name (0040,A075), a person name such as {@code "Doe^Jane"}
 * @param organization Verifying Organization (0040,A027)
 * @param dateTime Verification DateTime (0040,A030), or null when read without one
 */
public record VerifyingObserver(String name, String organization, LocalDateTime dateTime) {
  /** Checks for nulls. */
  public VerifyingObserver {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(organization, "organization");
  }
}
