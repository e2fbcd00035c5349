package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pager against an in-memory result set: pages asked for, rows returned, nothing lost. */
class PagerTest {
  private final List<Integer> asked = new ArrayList<>();

  private List<Integer> page(int total, int pageSize, int number) {
    asked.add(number);
    int from = Math.min(total, number * pageSize);
    int to = Math.min(total, from + pageSize);
    return IntStream.range(from, to).boxed().toList();
  }

  @ParameterizedTest(name = "{0} rows, pages of {1}: {2} requests")
  @CsvSource({"0, 10, 1", "5, 10, 1", "10, 10, 2", "25, 10, 3", "30, 10, 4", "1, 1, 2"})
  void everyRowOnceInOrderStoppingAfterTheFirstShortPage(int total, int pageSize, int requests) {
    List<Integer> rows = Pager.rows(pageSize, n -> page(total, pageSize, n)).toList();

    assertThat(rows).containsExactlyElementsOf(IntStream.range(0, total).boxed().toList());
    assertThat(asked).hasSize(requests).isEqualTo(IntStream.range(0, requests).boxed().toList());
  }

  @Test
  void pagesAreFetchedOnlyAsTheStreamIsConsumed() {
    List<Integer> first = Pager.rows(10, n -> page(1000, 10, n)).limit(15).toList();

    assertThat(first).hasSize(15);
    assertThat(asked).containsExactly(0, 1);
  }
}
