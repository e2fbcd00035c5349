package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DealSearchTest {

  static final String PIECE = "baga6ea4seaqgbmifhs63cij4uup7v7ax3jysnkmnd5fesg3uwucv7hep2pikebq";
  static final String F1 = "f1xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2vq";
  static final String F2 = "f2che6a4udf6jofehho4qr5olzckfgdzexvpgj2pi";
  static final String F3 =
      "f3" + "vtn4xcjevqnayzlyl5ox6oa3dunlhlkcu4fw3ulwnbmjvmdm3gplzebbq7jboglhfsjzqijd3fovmnlpzbzq";
  static final String F410 = "f410fcbaam3jgeo2n4ss7t7vf3ktdk3ik6xk7ipthczi";

  private static final String NO_FILTER =
      "filters: none given is not accepted; accepted: at least one of dealId, pieceCid, clientId,"
          + " clientAddress, providerId, providerAddress";

  @Nested
  class Building {

    @Test
    void defaultsToOneHundredRowsPerPage() {
      DealSearch search = DealSearch.builder().dealId(3408838).build();

      assertThat(search.pageSize()).isEqualTo(100);
      assertThat(search.dealId()).hasValue(3408838);
      assertThat(search.pieceCid()).isEmpty();
      assertThat(search.clientId()).isEmpty();
      assertThat(search.clientAddress()).isEmpty();
      assertThat(search.providerId()).isEmpty();
      assertThat(search.providerAddress()).isEmpty();
    }

    @Test
    void keepsEveryFilterGiven() {
      DealSearch search =
          DealSearch.builder()
              .pageSize(1000)
              .dealId(0)
              .pieceCid(PIECE)
              .clientId("f01020500")
              .clientAddress(F1)
              .providerId("f01675012")
              .providerAddress(F2)
              .build();

      assertThat(search.pageSize()).isEqualTo(1000);
      assertThat(search.dealId()).hasValue(0);
      assertThat(search.pieceCid()).contains(PIECE);
      assertThat(search.clientId()).contains("f01020500");
      assertThat(search.clientAddress()).contains(F1);
      assertThat(search.providerId()).contains(ProviderId.of("f01675012"));
      assertThat(search.providerAddress()).contains(F2);
    }

    @Test
    void takesAProviderIdValue() {
      DealSearch search = DealSearch.builder().providerId(ProviderId.of("f0110804")).build();

      assertThat(search.providerId()).contains(ProviderId.of("f0110804"));
      assertThat(search).hasToString("DealSearch[pageSize=100, providerId=f0110804]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {F1, F2, F3, F410})
    void acceptsEveryKindOfRobustAddress(String address) {
      DealSearch search = DealSearch.builder().clientAddress(address).build();

      assertThat(search.clientAddress()).contains(address);
    }

    @Test
    void removesAFilterSetToNull() {
      assertThatThrownBy(() -> DealSearch.builder().pieceCid(PIECE).pieceCid(null).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(NO_FILTER);
    }

    @Test
    void isAValue() {
      assertThat(DealSearch.builder().dealId(7).build())
          .isEqualTo(DealSearch.builder().dealId(7).build())
          .hasSameHashCodeAs(DealSearch.builder().dealId(7).build())
          .isNotEqualTo(DealSearch.builder().dealId(7).pageSize(10).build());
    }
  }

  @Nested
  class Refusals {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            pageSize 0       | pageSize: 0 is not accepted; accepted: 1 to 1000
            pageSize 1001    | pageSize: 1001 is not accepted; accepted: 1 to 1000
            pageSize -1      | pageSize: -1 is not accepted; accepted: 1 to 1000
            dealId -1        | dealId: -1 is not accepted; accepted: 0 or more
            pieceCid bafy    | pieceCid: "bafy" is not accepted; accepted: a piece CID: baga and 60 lowercase base32 characters (a-z, 2-7), such as baga6ea4seaqgbmifhs63cij4uup7v7ax3jysnkmnd5fesg3uwucv7hep2pikebq
            clientId f1abc   | clientId: "f1abc" is not accepted; accepted: an ID address: f0 followed by digits, such as f01020500
            providerId F0123 | providerId: "F0123" is not accepted; accepted: an ID address: f0 followed by digits, such as f0110804
            clientAddress f0123 | clientAddress: "f0123" is not accepted; accepted: a robust address: f1 or f2 and 39 lowercase base32 characters, f3 and 84, or f4, a namespace number, f and base32, such as f1xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2vq
            providerAddress f1abc | providerAddress: "f1abc" is not accepted; accepted: a robust address: f1 or f2 and 39 lowercase base32 characters, f3 and 84, or f4, a namespace number, f and base32, such as f1xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2vq
            """)
    void refusesOneBadArgumentNamingItAndItsValue(String argument, String message) {
      String[] parts = argument.split(" ", 2);
      UnaryOperator<DealSearch.Builder> set =
          switch (parts[0]) {
            case "pageSize" -> b -> b.pageSize(Integer.parseInt(parts[1])).dealId(1);
            case "dealId" -> b -> b.dealId(Long.parseLong(parts[1]));
            case "pieceCid" -> b -> b.pieceCid(parts[1]);
            case "clientId" -> b -> b.clientId(parts[1]);
            case "providerId" -> b -> b.providerId(parts[1]);
            case "clientAddress" -> b -> b.clientAddress(parts[1]);
            case "providerAddress" -> b -> b.providerAddress(parts[1]);
            default -> throw new IllegalArgumentException(parts[0]);
          };

      assertThatThrownBy(() -> set.apply(DealSearch.builder()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(message);
    }

    @ParameterizedTest(name = "piece CID \"{0}\"")
    @ValueSource(
        strings = {
          "",
          "BAGA6EA4SEAQGBMIFHS63CIJ4UUP7V7AX3JYSNKMND5FESG3UWUCV7HEP2PIKEBQ",
          "baga6ea4seaqgbmifhs63cij4uup7v7ax3jysnkmnd5fesg3uwucv7hep2pikeb",
          "baga6ea4seaqgbmifhs63cij4uup7v7ax3jysnkmnd5fesg3uwucv7hep2pikebqq",
          "baga6ea4seaqgbmifhs63cij4uup7v7ax3jysnkmnd5fesg3uwucv7hep2pikeb1",
          "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
          " baga6ea4seaqgbmifhs63cij4uup7v7ax3jysnkmnd5fesg3uwucv7hep2pikebq"
        })
    void refusesMalformedPieceCids(String cid) {
      assertThatThrownBy(() -> DealSearch.builder().pieceCid(cid).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("pieceCid: \"" + cid + "\" is not accepted");
    }

    @ParameterizedTest(name = "address \"{0}\"")
    @ValueSource(
        strings = {
          "f1xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2v",
          "f1xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2vqq",
          "F1XNYPVBQ2F5XBZ5U4GZRGDMPZ6KAK4BMNFK7I2VQ",
          "f1xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2v0",
          "t1xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2vq",
          "f5xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2vq",
          "f3aaaa",
          "f410",
          "f4f",
          "f0110804"
        })
    void refusesMalformedRobustAddresses(String address) {
      assertThatThrownBy(() -> DealSearch.builder().providerAddress(address).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("providerAddress: \"" + address + "\" is not accepted");
    }

    @Test
    void refusesASearchWithoutFilters() {
      assertThatThrownBy(() -> DealSearch.builder().build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(NO_FILTER);
    }

    @Test
    void reportsEveryViolationAtOnceInParameterOrder() {
      assertThatThrownBy(
              () ->
                  DealSearch.builder()
                      .pageSize(0)
                      .dealId(-5)
                      .pieceCid("cid")
                      .clientId("f1abc")
                      .clientAddress("f0123")
                      .providerId("f0")
                      .providerAddress("x")
                      .build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::parameter)
                      .containsExactly(
                          "pageSize",
                          "dealId",
                          "pieceCid",
                          "clientId",
                          "clientAddress",
                          "providerId",
                          "providerAddress"));
    }

    @Test
    void reportsAMissingFilterTogetherWithABadPageSize() {
      assertThatThrownBy(() -> DealSearch.builder().pageSize(1001).build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .containsExactly(
                          new Violation("pageSize", "1001", "1 to 1000"),
                          new Violation(
                              "filters",
                              "none given",
                              "at least one of dealId, pieceCid, clientId, clientAddress,"
                                  + " providerId, providerAddress")));
    }
  }
}
