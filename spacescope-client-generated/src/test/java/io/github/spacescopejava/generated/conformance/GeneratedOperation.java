package io.github.spacescopejava.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import feign.Param;
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.generated.conformance.Spec.Operation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The generated Feign method of one spec operation, found by the generator's naming rules
 * (interface {@code <Tag>Api}, method = operationId without its {@code tag_} prefix, parameters in
 * the spec's order, camelCased), and called with arguments taken from a request URL.
 */
final class GeneratedOperation {
  static final String API_PACKAGE = "io.github.spacescopejava.generated.api.";

  private final Class<?> api;
  private final Method method;
  private final List<String> queryNames;

  private GeneratedOperation(Class<?> api, Method method, List<String> queryNames) {
    this.api = api;
    this.method = method;
    this.queryNames = queryNames;
  }

  static GeneratedOperation of(Spec spec, Operation operation) {
    String apiName = API_PACKAGE + operation.tag() + "Api";
    Class<?> api;
    try {
      api = Class.forName(apiName);
    } catch (ClassNotFoundException e) {
      return fail("No generated interface " + apiName + " for tag " + operation.tag());
    }
    List<Method> methods =
        Arrays.stream(api.getMethods())
            .filter(m -> m.getName().equals(operation.javaMethodName()))
            .toList();
    assertThat(methods)
        .as(
            "%s.%s for operationId %s",
            api.getSimpleName(), operation.javaMethodName(), operation.operationId())
        .hasSize(1);
    Method method = methods.get(0);

    List<String> queryNames = spec.parameterNames(operation);
    List<String> javaNames =
        Arrays.stream(method.getParameters())
            .map(p -> p.getAnnotation(Param.class).value())
            .toList();
    assertThat(javaNames)
        .as("parameters of %s, in the spec's order", method)
        .containsExactlyElementsOf(queryNames.stream().map(GeneratedOperation::camelCase).toList());
    return new GeneratedOperation(api, method, queryNames);
  }

  /**
   * Calls the operation on a client of {@code baseUrl} with the query parameters of {@code url}.
   */
  Object call(String baseUrl, String token, String url) {
    Map<String, List<String>> query = Query.of(url);
    assertThat(queryNames)
        .as("the parameters of %s cover the query of %s", method.getName(), url)
        .containsAll(query.keySet());
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      List<String> values = query.get(queryNames.get(i));
      if (values != null) {
        assertThat(values).as("values of %s in %s", queryNames.get(i), url).hasSize(1);
        args[i] = convert(values.get(0), types[i]);
      }
    }
    Object client = GeneratedClients.create(api, baseUrl, token);
    try {
      return method.invoke(client, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(method.getName() + " failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  static Object convert(String value, Class<?> type) {
    if (type == String.class) {
      return value;
    }
    if (type == LocalDate.class) {
      return LocalDate.parse(value);
    }
    if (type == Integer.class) {
      return Integer.valueOf(value);
    }
    if (type == Long.class) {
      return Long.valueOf(value);
    }
    return fail("No conversion of a query value to " + type.getName());
  }

  /** {@code start_date} to {@code startDate}. */
  static String camelCase(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
