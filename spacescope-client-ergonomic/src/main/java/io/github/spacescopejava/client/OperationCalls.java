package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.OperationRequest.Kind;
import io.github.spacescopejava.client.internal.Endpoint;
import io.github.spacescopejava.client.internal.GroupCalls;
import io.github.spacescopejava.generated.model.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The generic call: checks that a request fits the operation's shape, then hands it to the {@link
 * GroupCalls} entry point of that shape with the operation's generated Feign call. Every typed
 * group method goes through here too ({@link SpaceScope#fetch}), so the two paths cannot diverge.
 */
final class OperationCalls {
  private OperationCalls() {}

  static <R> List<R> fetch(GroupCalls calls, Operation<R> op, @Nullable OperationRequest request) {
    OperationRequest r = check(op, request);
    Endpoint e = op.endpoint();
    Function<Envelope, List<R>> rows = op.rows();
    return switch (r.kind()) {
      case PERIOD ->
          op.shape() == Operation.Shape.DAY_RANGE
              ? calls.list(e, period(r), w -> send(calls, op, CallArgs.days(w)), rows)
              : calls.stateDays(e, period(r), provider(r), (d, m) -> day(calls, op, d, m), rows);
      case HOURS ->
          calls.list(e, r.hours().orElseThrow(), w -> send(calls, op, CallArgs.hours(w)), rows);
      case DAY ->
          calls.stateDay(
              e, r.day().orElseThrow(), provider(r), (d, m) -> day(calls, op, d, m), rows);
      case SEARCH -> {
        try (Stream<R> s = search(calls, op, r)) {
          yield s.toList();
        }
      }
      case WHOLE_SERIES -> calls.whole(e, () -> send(calls, op, CallArgs.NONE), rows);
    };
  }

  static <R> Stream<R> stream(
      GroupCalls calls, Operation<R> op, @Nullable OperationRequest request) {
    OperationRequest r = check(op, request);
    Endpoint e = op.endpoint();
    Function<Envelope, List<R>> rows = op.rows();
    return switch (r.kind()) {
      case PERIOD ->
          op.shape() == Operation.Shape.DAY_RANGE
              ? calls.stream(e, period(r), w -> send(calls, op, CallArgs.days(w)), rows)
              : calls.stateDaysStream(
                  e, period(r), provider(r), (d, m) -> day(calls, op, d, m), rows);
      case HOURS ->
          calls.stream(e, r.hours().orElseThrow(), w -> send(calls, op, CallArgs.hours(w)), rows);
      case SEARCH -> search(calls, op, r);
      case DAY, WHOLE_SERIES -> fetch(calls, op, r).stream();
    };
  }

  private static <R> Stream<R> search(GroupCalls calls, Operation<R> op, OperationRequest r) {
    return calls.pages(
        op.endpoint(),
        r.search().orElseThrow(),
        (s, page) -> send(calls, op, CallArgs.page(s, page)),
        op.rows());
  }

  private static DateRange period(OperationRequest r) {
    return r.period().orElseThrow();
  }

  /** The request's provider, or null for every provider. */
  private static @Nullable ProviderId provider(OperationRequest r) {
    return r.provider().orElse(null);
  }

  private static Envelope send(GroupCalls calls, Operation<?> op, CallArgs args) {
    return op.call().send(calls, args);
  }

  private static Envelope day(
      GroupCalls calls, Operation<?> op, java.time.LocalDate day, @Nullable String minerId) {
    return op.call().send(calls, CallArgs.day(day, minerId));
  }

  /**
   * The request, if it fits the operation's shape.
   *
   * @throws InvalidInputException naming the parameter ({@code operation}, {@code request} or
   *     {@code provider}), the value and what the operation accepts
   */
  static OperationRequest check(@Nullable Operation<?> op, @Nullable OperationRequest request) {
    if (op == null) {
      throw new InvalidInputException(
          new Violation("operation", "null", "an operation of Operations.all()"));
    }
    if (request == null) {
      throw new InvalidInputException(new Violation("request", "null", accepted(op)));
    }
    List<Violation> problems = new ArrayList<>();
    boolean fits =
        switch (op.shape()) {
          case DAY_RANGE ->
              request.kind() == Kind.PERIOD
                  || (request.kind() == Kind.WHOLE_SERIES && op.withoutDates());
          case HOURLY_RANGE -> request.kind() == Kind.HOURS;
          case STATE_DAY -> request.kind() == Kind.PERIOD || request.kind() == Kind.DAY;
          case PAGED_SEARCH -> request.kind() == Kind.SEARCH;
        };
    if (!fits) {
      problems.add(new Violation("request", request.toString(), accepted(op)));
    }
    // Only state days bind miner_id; a provider anywhere else would be dropped, so it is refused.
    if (request.provider().isPresent()
        && !(op.perStorageProvider() && op.shape() == Operation.Shape.STATE_DAY)) {
      problems.add(
          new Violation(
              "provider",
              request.provider().get().value(),
              "none: " + op.name() + " is network-wide (it takes no miner_id)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return request;
  }

  /** What an operation accepts, in words, such as {@code power/... (day-range) takes ...}. */
  static String accepted(Operation<?> op) {
    String takes =
        switch (op.shape()) {
          case DAY_RANGE ->
              "a period of days, OperationRequest.of(DateRange)"
                  + (op.withoutDates() ? ", or OperationRequest.wholeSeries()" : "");
          case HOURLY_RANGE -> "a period of hours, OperationRequest.of(HourRange)";
          case STATE_DAY ->
              "a state day or a period, OperationRequest.day(LocalDate) or"
                  + " OperationRequest.of(DateRange)"
                  + (op.perStorageProvider() ? ", optionally withProvider(ProviderId)" : "");
          case PAGED_SEARCH -> "a deal search, OperationRequest.of(DealSearch)";
        };
    return op.name() + " (" + op.shape().wire() + ") takes " + takes;
  }
}
