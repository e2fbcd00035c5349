package io.github.spacescopejava.client.event;

import java.util.List;

/**
 * A call checked its arguments and will request these windows, in this order.
 *
 * <p>A day range of 200 days on an operation whose windows hold at most 90 days plans {@code
 * [2024-01-01..2024-03-30, 2024-03-31..2024-06-28, 2024-06-29..2024-07-18]}; a state-day period
 * plans one window per day ({@code 2024-01-01}); a call without dates plans {@code [whole series]}.
 * A paged search is planned page by page: each page is a call of its own ({@code [page 1]}, {@code
 * [page 2]}, ...), as the number of pages is not known in advance. A window the server still finds
 * too long (30002) is fetched again in halves, whose attempts name the halves.
 *
 * @param operation the operation's path, such as {@code /v2/power/network_storage_capacity}
 * @param windows the windows, as {@code start..end} (days or hours) or a day
 */
public record CallPlanned(String operation, List<String> windows) {
  public CallPlanned {
    windows = List.copyOf(windows);
  }
}
