package io.github.spacescopejava.generated;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Creates the generated Feign interfaces (for example {@code PowerApi}) with bearer authentication,
 * the JDK {@link java.net.http.HttpClient} and {@link SpaceScopeJson}'s mapper.
 *
 * <p>This is the thin, low-level entry point; most callers want the ergonomic client, which adds
 * validation, window splitting, typed errors and retries.
 *
 * <pre>{@code
 * PowerApi power = GeneratedClients.create(PowerApi.class, "https://api.spacescope.io", token);
 * NetworkStorageCapacity r = power.networkStorageCapacity(day, day); // r.getData(): the rows
 * }</pre>
 */
public final class GeneratedClients {
  /** The API's production base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.spacescope.io";

  private GeneratedClients() {}

  /** Creates {@code api} against {@code baseUrl}, sending {@code authorization: Bearer <token>}. */
  public static <T> T create(Class<T> api, String baseUrl, String token) {
    return builder(token, new Http2Client(), SpaceScopeJson.newObjectMapper()).target(api, baseUrl);
  }

  /**
   * A Feign builder with the SpaceScope defaults, for callers that add their own error decoder,
   * retryer or logger before calling {@code target}. The ergonomic client builds its interfaces
   * with this builder too, replacing the client, the decoders and the options.
   *
   * <p>No retries: the retryer is {@link Retryer#NEVER_RETRY}, so a failed request is sent once and
   * its failure thrown (Feign's default retryer would resend up to four times on any I/O error,
   * silently). Pass {@code .retryer(new Retryer.Default())} or your own to retry.
   *
   * <p>Redirects are not followed: the API does not redirect, and a followed redirect would carry
   * the {@code authorization} header to wherever it points (another origin, or plain http). A 3xx
   * surfaces as Feign's error for that status. Timeouts: 10 s to connect, 60 s to read. No encoder:
   * every operation is a GET with query parameters.
   */
  public static Feign.Builder builder(String token, Client client, ObjectMapper mapper) {
    Objects.requireNonNull(token, "token");
    String header = "Bearer " + token;
    return Feign.builder()
        .client(client)
        .options(new Request.Options(10, TimeUnit.SECONDS, 60, TimeUnit.SECONDS, false))
        .decoder(new JacksonDecoder(mapper))
        .retryer(Retryer.NEVER_RETRY)
        .requestInterceptor(template -> template.header("authorization", header));
  }
}
