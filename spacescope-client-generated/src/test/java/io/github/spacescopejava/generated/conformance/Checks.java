package io.github.spacescopejava.generated.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a conformance test class compares with the public reference data, in one phrase: the build's
 * summary names it when the test was skipped for lack of that data ({@link SkippedConformance}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Checks {
  String value();
}
