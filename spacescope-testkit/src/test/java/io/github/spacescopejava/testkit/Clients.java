package io.github.spacescopejava.testkit;

import feign.Retryer;
import feign.http2client.Http2Client;
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.generated.SpaceScopeJson;

/** The generated Feign client against a fake, without Feign's retries (one call, one request). */
final class Clients {
  private Clients() {}

  static <T> T api(Class<T> api, SpaceScopeFake fake) {
    return api(api, fake, fake.token());
  }

  static <T> T api(Class<T> api, SpaceScopeFake fake, String token) {
    return GeneratedClients.builder(token, new Http2Client(), SpaceScopeJson.newObjectMapper())
        .retryer(Retryer.NEVER_RETRY)
        .target(api, fake.baseUrl());
  }
}
