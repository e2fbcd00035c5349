package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import feign.FeignException;
import feign.RetryableException;
import io.github.spacescopejava.generated.api.GasApi;
import io.github.spacescopejava.generated.api.PowerApi;
import io.github.spacescopejava.generated.model.NetworkStorageCapacity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each fault and scenario, through the generated client. */
@SpaceScopeFakeTest(clock = "2022-07-10T00:00:00Z")
class FaultsTest {
  private static final String PATH = "/v2/power/network_storage_capacity";
  private static final LocalDate DAY = LocalDate.of(2022, 7, 1);

  private static NetworkStorageCapacity call(SpaceScopeFake fake) {
    return Clients.api(PowerApi.class, fake).networkStorageCapacity(DAY, DAY);
  }

  @Nested
  class ErrorCodes {
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {30001, 30002, 30003, 30004})
    void forcedCodeArrivesWithHttp200AndTheEnvelope(int code, SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.errorCode(code)));

      NetworkStorageCapacity r = call(fake);

      assertThat(r.getCode()).isEqualTo(code);
      assertThat(r.getRequestId()).isNotBlank();
      assertThat(r.getMessage()).isNotBlank();
      assertThat(r.getData()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {10011, 10012})
    void forcedTokenCodeArrivesWithHttp401(int code, SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.errorCode(code)));

      FeignException e = catchThrowableOfType(FeignException.class, () -> call(fake));

      assertThat(e.status()).isEqualTo(401);
      assertThat(e.contentUTF8()).contains("\"code\":" + code);
    }

    @Test
    void forcedCodeCarriesTheGivenMessage(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.errorCode(30003, "database on fire")));

      assertThat(call(fake).getMessage()).isEqualTo("database on fire");
    }

    @Test
    void onceAppliesToTheFirstRequestOnly(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.errorCode(30003)));

      assertThat(codes(fake, 3)).containsExactly(30003, 0, 0);
    }

    @Test
    void timesAppliesToThatManyRequests(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).times(2, Fault.errorCode(30003)));

      assertThat(codes(fake, 4)).containsExactly(30003, 30003, 0, 0);
    }

    @Test
    void alwaysNeverRunsOut(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).always(Fault.errorCode(30003)));

      assertThat(codes(fake, 5)).containsOnly(30003);
    }

    @Test
    void afterRequestsLetsTheFirstOnesThrough(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).afterRequests(2).once(Fault.errorCode(30003)));

      assertThat(codes(fake, 4)).containsExactly(0, 0, 30003, 0);
    }

    @Test
    void scenarioOnOneOperationLeavesTheOthersAlone(SpaceScopeFake fake) {
      fake.given(Scenario.on("Power_networkStorageCapacity").always(Fault.errorCode(30003)));

      assertThat(Clients.api(GasApi.class, fake).networkBaseFee(null, null).getCode()).isZero();
      assertThat(call(fake).getCode()).isEqualTo(30003);
    }

    @Test
    void undocumentedCodeIsRefused(SpaceScopeFake fake) {
      assertThatThrownBy(() -> fake.given(Scenario.on(PATH).once(Fault.errorCode(30005))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("30005")
          .hasMessageContaining("30004");
    }

    @Test
    void unknownOperationIsRefused(SpaceScopeFake fake) {
      assertThatThrownBy(
              () -> fake.given(Scenario.on("/v2/power/nothing").once(Fault.errorCode(30003))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("/v2/power/nothing");
    }
  }

  @Nested
  class Sequences {
    @Test
    void quotaIsExhaustedAfterNRequestsToAnyOperation(SpaceScopeFake fake) {
      fake.given(Scenario.quotaExhaustedAfter(3));
      GasApi gas = Clients.api(GasApi.class, fake);

      assertThat(
              List.of(
                  call(fake).getCode(),
                  gas.networkBaseFee(null, null).getCode(),
                  call(fake).getCode(),
                  gas.networkBaseFee(null, null).getCode(),
                  call(fake).getCode()))
          .containsExactly(0, 0, 0, 30001, 30001);
    }

    @Test
    void dataIsNotReadyThenReady(SpaceScopeFake fake) {
      fake.given(Scenario.notReadyThenReady(PATH, 2));

      assertThat(codes(fake, 3)).containsExactly(30004, 30004, 0);
    }

    @Test
    void resetScenariosRemovesThem(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).always(Fault.errorCode(30003)));

      fake.resetScenarios();

      assertThat(call(fake).getCode()).isZero();
    }
  }

  @Nested
  class Transport {
    @Test
    void latencyDelaysTheNormalReply(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.latency(Duration.ofMillis(300))));

      long start = System.nanoTime();
      NetworkStorageCapacity r = call(fake);

      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(r.getCode()).isZero();
      assertThat(r.getData()).hasSize(1);
    }

    @Test
    void latencyCombinesWithAnErrorCode(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.latency(Duration.ofMillis(200))));
      fake.given(Scenario.on(PATH).once(Fault.errorCode(30003)));

      long start = System.nanoTime();
      assertThat(call(fake).getCode()).isEqualTo(30003);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void connectionResetIsAnIoFailure(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.connectionReset()));

      assertThatThrownBy(() -> call(fake)).isInstanceOf(RetryableException.class);
      assertThat(fake.requests()).singleElement().satisfies(r -> assertThat(r.status()).isZero());
      assertThat(call(fake).getCode()).isZero();
    }

    @Test
    void badGatewayIsAnHtmlPageWithStatus502(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.badGatewayHtml()));

      FeignException e = catchThrowableOfType(FeignException.class, () -> call(fake));

      assertThat(e.status()).isEqualTo(502);
      assertThat(e.contentUTF8()).startsWith("<html>").contains("502 Bad Gateway");
      assertThat(e.responseHeaders().get("content-type")).containsExactly("text/html");
    }

    @Test
    void internalServerErrorIsStatus500(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.internalServerError()));

      FeignException e = catchThrowableOfType(FeignException.class, () -> call(fake));

      assertThat(e.status()).isEqualTo(500);
    }

    @Test
    void tooManyRequestsIsStatus429WithRetryAfterInSeconds(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).times(2, Fault.tooManyRequests(Duration.ofMillis(6_500))));

      FeignException e = catchThrowableOfType(FeignException.class, () -> call(fake));
      HttpResponse<byte[]> raw = RawHttp.get(fake, PATH);

      assertThat(e.status()).isEqualTo(429);
      assertThat(raw.statusCode()).isEqualTo(429);
      assertThat(raw.headers().firstValue("retry-after")).hasValue("7");
    }

    @Test
    void emptyBodyDecodesToNothing(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.emptyBody()));

      assertThat(call(fake)).isNull();
    }

    @Test
    void truncatedBodyFailsToDecode(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.truncatedBody()));

      assertThatThrownBy(() -> call(fake))
          .isInstanceOf(FeignException.class)
          .hasRootCauseInstanceOf(JsonProcessingException.class);
    }

    @Test
    void nullDataIsASuccessEnvelopeWithoutRows(SpaceScopeFake fake) {
      fake.given(Scenario.on(PATH).once(Fault.nullData()));

      NetworkStorageCapacity r = call(fake);

      assertThat(r.getCode()).isZero();
      assertThat(r.getMessage()).isEqualTo("success.");
      assertThat(r.getData()).isNull();
    }
  }

  private static List<Integer> codes(SpaceScopeFake fake, int calls) {
    return IntStream.range(0, calls).mapToObj(i -> call(fake).getCode()).toList();
  }
}
