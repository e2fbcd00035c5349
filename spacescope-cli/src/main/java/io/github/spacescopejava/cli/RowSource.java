package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.SpaceScope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Calls an operation through the client's public generated groups, found by reflection from the
 * spec's names: the group accessor ({@code spacescope.power()}) and its method ({@code
 * networkStorageCapacityStream(DateRange)}). The client has no generic entry point taking an
 * operation name; reflection over its public API keeps the command free of per-endpoint code, and a
 * test checks that every operation of the spec resolves.
 *
 * <p>The client does all the work as it does for any caller: validation, window splitting,
 * concurrency, retries and error mapping.
 */
final class RowSource {
  /**
   * Days per call for a single provider: the client has no streaming variant taking a provider, so
   * the period is handed over in slices to let progress show; each slice's days are still fetched
   * concurrently by the client.
   */
  static final int PROVIDER_SLICE_DAYS = 16;

  private RowSource() {}

  /** The rows of the request, in the client's order (by day, then as the API sends them). */
  static Stream<?> open(SpaceScope client, FetchRequest request) {
    Operation op = request.operation();
    Object group = invoke(method(SpaceScope.class, op.groupName()), client);
    Class<?> type = group.getClass();
    String name = op.methodName();
    if (request.wholeSeries()) {
      return ((List<?>) invoke(method(type, name), group)).stream();
    }
    return switch (op.shape()) {
      case DAY_RANGE ->
          (Stream<?>)
              invoke(method(type, name + "Stream", DateRange.class), group, period(request));
      case HOURLY_RANGE ->
          (Stream<?>)
              invoke(
                  method(type, name + "Stream", HourRange.class),
                  group,
                  HourRange.ofDays(period(request)));
      case STATE_DAY -> {
        ProviderId provider = request.provider();
        if (provider == null) {
          yield (Stream<?>)
              invoke(method(type, name + "Stream", DateRange.class), group, period(request));
        }
        Method perProvider = method(type, name, DateRange.class, ProviderId.class);
        yield period(request).split(PROVIDER_SLICE_DAYS).stream()
            .flatMap(slice -> ((List<?>) invoke(perProvider, group, slice, provider)).stream());
      }
      case PAGED_SEARCH ->
          (Stream<?>)
              invoke(
                  method(type, name, DealSearch.class),
                  group,
                  Objects.requireNonNull(request.search(), "search"));
    };
  }

  /** Checks that the client has the methods {@link #open} calls for {@code op}. */
  static void verify(Operation op) {
    Class<?> type = method(SpaceScope.class, op.groupName()).getReturnType();
    String name = op.methodName();
    if (op.withoutDates()) {
      method(type, name);
    }
    switch (op.shape()) {
      case DAY_RANGE -> method(type, name + "Stream", DateRange.class);
      case HOURLY_RANGE -> method(type, name + "Stream", HourRange.class);
      case STATE_DAY -> {
        method(type, name + "Stream", DateRange.class);
        if (op.perStorageProvider()) {
          method(type, name, DateRange.class, ProviderId.class);
        }
      }
      case PAGED_SEARCH -> method(type, name, DealSearch.class);
    }
  }

  private static DateRange period(FetchRequest request) {
    return Objects.requireNonNull(request.period(), "period");
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "the client has no public method "
              + type.getSimpleName()
              + "."
              + name
              + List.of(parameters).stream().map(Class::getSimpleName).toList()
              + ": the command and the client were built from different specs",
          e);
    }
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
