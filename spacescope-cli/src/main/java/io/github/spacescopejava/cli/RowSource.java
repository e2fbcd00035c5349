package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.Operation.Shape;
import io.github.spacescopejava.client.OperationRequest;
import io.github.spacescopejava.client.SpaceScope;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Calls an operation through the client's generic call, {@link SpaceScope#stream(
 * io.github.spacescopejava.client.Operation, OperationRequest)}, with the operation's entry of the
 * client's catalog: no per-endpoint code, no reflection. The client does all the work as it does
 * for any caller: validation, window splitting, concurrency, retries and error mapping.
 */
final class RowSource {
  private RowSource() {}

  /** The rows of the request, in the client's order (by day, then as the API sends them). */
  static Stream<?> open(SpaceScope client, FetchRequest request) {
    return client.stream(request.operation().catalog(), request(request));
  }

  /** The client's request for the command's: a period, hours, a provider, a search or no dates. */
  static OperationRequest request(FetchRequest request) {
    if (request.wholeSeries()) {
      return OperationRequest.wholeSeries();
    }
    if (request.search() != null) {
      return OperationRequest.of(request.search());
    }
    DateRange period = Objects.requireNonNull(request.period(), "period");
    OperationRequest asked =
        request.operation().shape() == Shape.HOURLY_RANGE
            ? OperationRequest.of(HourRange.ofDays(period))
            : OperationRequest.of(period);
    return request.provider() == null ? asked : asked.withProvider(request.provider());
  }
}
