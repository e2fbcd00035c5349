package io.github.spacescopejava.client.internal;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * One Bean Validation factory per JVM, built on first use; each client gets a validator from it
 * with its own clock, which is cheap. Messages are interpolated without Expression Language (the
 * constraints' messages need none), and Hibernate Validator's start-up line is not printed. Public
 * for the value types ({@code ProviderId}, {@code DealSearch}), which check their constraints with
 * it.
 */
public final class Validators {
  // Kept strongly: java.util.logging forgets levels set on loggers nobody references.
  private static final java.util.logging.Logger VERSION_LOG =
      java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version");

  private Validators() {}

  private static final class Holder {
    static final ValidatorFactory FACTORY = build();
    static final Validator PLAIN = FACTORY.getValidator();

    private static ValidatorFactory build() {
      // The banner "HV000001: Hibernate Validator <version>" is INFO; a library stays silent.
      if (VERSION_LOG.getLevel() == null) {
        VERSION_LOG.setLevel(java.util.logging.Level.WARNING);
      }
      return Validation.byDefaultProvider()
          .configure()
          // No META-INF/validation.xml lookup: the client's constraints are all annotations.
          .ignoreXmlConfiguration()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
    }
  }

  /** The JVM's validator, for constraints that do not depend on the time. */
  public static Validator plain() {
    return Holder.PLAIN;
  }

  /** A validator whose "now" is {@code clock}'s. */
  static Validator withClock(Clock clock) {
    return Holder.FACTORY.usingContext().clockProvider(() -> clock).getValidator();
  }
}
