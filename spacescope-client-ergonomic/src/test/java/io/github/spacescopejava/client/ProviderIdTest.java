package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderIdTest {

  private static final String ACCEPTED =
      "accepted: an ID address: f0 followed by digits, such as f0110804";

  @Nested
  class Valid {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"f0110804", "f01", "f00", "f01675012", "f09999999999999999999"})
    void acceptsIdAddresses(String value) {
      ProviderId id = ProviderId.of(value);

      assertThat(id.value()).isEqualTo(value);
      assertThat(id).hasToString(value);
    }

    @Test
    void isAValue() {
      assertThat(ProviderId.of("f0110804")).isEqualTo(new ProviderId("f0110804"));
    }
  }

  @Nested
  class Invalid {

    static Stream<Arguments> malformed() {
      return Stream.of(
          arguments("f1abc", "\"f1abc\""),
          arguments("F0123", "\"F0123\""),
          arguments("f0", "\"f0\""),
          arguments("", "\"\""),
          arguments(" f0123", "\" f0123\""),
          arguments("f0123 ", "\"f0123 \""),
          arguments("f0123\n", "\"f0123\\n\""),
          arguments("t0123", "\"t0123\""),
          arguments("f0-12", "\"f0-12\""),
          arguments("f0\uFF11\uFF12", "\"f0\uFF11\uFF12\""),
          arguments("f012345678901234567890", "\"f012345678901234567890\""),
          arguments("f0x1", "\"f0x1\""),
          arguments(null, "null"));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("malformed")
    void refusesAnythingButFZeroAndDigits(String value, String quoted) {
      assertThatThrownBy(() -> ProviderId.of(value))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("minerId: " + quoted + " is not accepted; " + ACCEPTED);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class BeanValidation {

    private ValidatorFactory factory;

    @BeforeAll
    void start() {
      factory = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    void stop() {
      factory.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"f1abc", "F0123", "f0", " f0123"})
    void showsThePatternToExecutableValidation(String value) throws NoSuchMethodException {
      Set<ConstraintViolation<ProviderId>> violations =
          factory
              .getValidator()
              .forExecutables()
              .validateConstructorParameters(
                  ProviderId.class.getConstructor(String.class), new Object[] {value});

      assertThat(violations)
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.getMessage())
                    .isEqualTo("an ID address: f0 followed by digits, such as f0110804");
                assertThat(v.getInvalidValue()).isEqualTo(value);
              });
    }

    @Test
    void findsNothingWrongWithAValidId() {
      assertThat(factory.getValidator().validate(ProviderId.of("f0110804"))).isEmpty();
    }
  }
}
