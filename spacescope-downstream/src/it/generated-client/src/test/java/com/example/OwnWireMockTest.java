package com.example;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The project's own WireMock and the fake run side by side in one JVM: no class is shared. */
@SpaceScopeFakeTest(clock = "2022-07-02T21:00:00Z")
class OwnWireMockTest {
  @Test
  void ownWireMockAndTheFakeServeSideBySide(SpaceScopeFake fake) throws Exception {
    WireMockServer own = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    own.start();
    try {
      own.stubFor(get(urlPathEqualTo("/hello")).willReturn(aResponse().withBody("mine")));
      HttpResponse<String> mine =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(own.baseUrl() + "/hello")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals("mine", mine.body());
      assertEquals(
          1, LowLevel.oneDay(fake.baseUrl(), fake.token(), LocalDate.of(2022, 7, 1)).size());
      assertEquals(1, own.getAllServeEvents().size());
    } finally {
      own.stop();
    }
  }
}
