package io.github.spacescopejava.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls one window of an operation through the client's public typed methods, found by reflection
 * from the spec's names ({@code spacescope.power().networkStorageCapacity(DateRange)}), and hands
 * the rows back as JSON trees with every value exact. The client does the work it does for any
 * caller: validation, retries, error mapping.
 *
 * <p>The one place where the sync addresses operations generically: when the client gains a generic
 * call (issue 19), only this class changes.
 */
public final class RowSource {
  /** The client's own Jackson configuration, so a row model turns back into the JSON sent. */
  private static final ObjectMapper MAPPER =
      SpaceScopeJson.newObjectMapper()
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private final Object group;
  private final Method method;
  private final OperationSpec operation;

  private RowSource(OperationSpec operation, Object group, Method method) {
    this.operation = operation;
    this.group = group;
    this.method = method;
  }

  /**
   * The source of {@code op} on {@code client}; {@code wholeSeries} calls the request without dates
   * ({@code x-without-dates}).
   */
  public static RowSource of(SpaceScope client, OperationSpec op, boolean wholeSeries) {
    Object group = invoke(method(SpaceScope.class, op.groupName()), client);
    Class<?> type = group.getClass();
    String name = op.methodName();
    Method m;
    if (wholeSeries) {
      m = method(type, name);
    } else {
      m =
          switch (op.shape()) {
            case DAY_RANGE -> method(type, name, DateRange.class);
            case HOURLY_RANGE -> method(type, name, HourRange.class);
            case STATE_DAY -> method(type, name, LocalDate.class);
            case PAGED_SEARCH -> method(type, name, DealSearch.class);
          };
    }
    return new RowSource(op, group, m);
  }

  /** The rows of one window (one request: the window fits the operation's limit). */
  public List<ObjectNode> fetch(DateRange window) {
    Object argument =
        switch (operation.shape()) {
          case DAY_RANGE -> window;
          case HOURLY_RANGE -> HourRange.ofDays(window);
          case STATE_DAY -> {
            if (window.days() != 1) {
              throw new IllegalArgumentException("a state-day window is one day: " + window);
            }
            yield window.start();
          }
          case PAGED_SEARCH ->
              throw new IllegalArgumentException(
                  operation.name() + " is a paged search: call fetchSearch, not with a window");
        };
    return trees((List<?>) invoke(method, group, argument));
  }

  /**
   * Every row of a paged search, page after page through the client (which stops after the last
   * page), as one list: the snapshot of one run.
   */
  public List<ObjectNode> fetchSearch(DealSearch search) {
    if (operation.shape() != Shape.PAGED_SEARCH) {
      throw new IllegalArgumentException(operation.name() + " is not a paged search");
    }
    try (java.util.stream.Stream<?> rows =
        (java.util.stream.Stream<?>) invoke(method, group, search)) {
      return trees(rows.toList());
    }
  }

  /** Every row of the series, from the request without dates. */
  public List<ObjectNode> fetchWholeSeries() {
    return trees((List<?>) invoke(method, group));
  }

  private static List<ObjectNode> trees(List<?> rows) {
    List<ObjectNode> trees = new ArrayList<>(rows.size());
    for (Object row : rows) {
      JsonNode node = MAPPER.valueToTree(row);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalStateException("a row is not a JSON object: " + node.getNodeType());
      }
      trees.add(object);
    }
    return trees;
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
              + ": the sync and the client were built from different specs",
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
