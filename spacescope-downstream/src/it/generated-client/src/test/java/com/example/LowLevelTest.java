package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@SpaceScopeFakeTest(clock = "2022-07-02T21:00:00Z")
class LowLevelTest {
  @Test
  void oneDayIsOneRowOfThatDay(SpaceScopeFake fake) {
    List<NetworkStorageCapacityRow> rows =
        LowLevel.oneDay(fake.baseUrl(), fake.token(), LocalDate.of(2022, 7, 1));

    assertEquals(1, rows.size());
    assertEquals(LocalDate.of(2022, 7, 1), rows.get(0).getStatDateAsLocalDate());
    assertEquals(1, fake.requests().size());
    assertEquals("2022-07-01", fake.requests().get(0).queryParameter("start_date"));
  }
}
