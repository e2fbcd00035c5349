package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.constraints.ApiParameter;
import io.github.spacescopejava.client.internal.Validators;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A search for individual storage deals ({@code /v2/deals/deal_snapshot}), answered one page at a
 * time. At least one filter is required; several filters narrow the search together.
 *
 * <pre>{@code
 * DealSearch search = DealSearch.builder()
 *     .providerId("f01675012")
 *     .clientAddress("f1xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2vq")
 *     .pageSize(500)
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} reports every rejected argument at once in one {@link
 * InvalidInputException}, for example {@code pageSize: 0 is not accepted; accepted: 1 to 1000;
 * filters: none given is not accepted; accepted: at least one of dealId, pieceCid, clientId,
 * clientAddress, providerId, providerAddress}.
 *
 * <p>Not a record: absent filters are returned as empty {@link Optional}s, which a record's
 * accessors cannot do without storing {@code Optional} fields.
 *
 * <p>Longer than our usual 250 lines (and the 300 of issue 18) on purpose: six filters, each with a
 * field, an accessor and a builder setter, plus the page size, {@code equals}/{@code
 * hashCode}/{@code toString} and their Javadoc. A separate builder type would add a public class
 * and split one rule set in two.
 */
public final class DealSearch {

  /** The page size when none is given. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /**
   * The largest page size the API accepts: {@code page_size}'s maximum in the spec (decision D5),
   * from the operation catalog generated at build time ({@link Operations#parameter(String)}).
   */
  public static final int MAX_PAGE_SIZE =
      Operations.parameter("page_size")
          .map(OperationParameter::maximum)
          .map(java.math.BigDecimal::intValue)
          .orElse(Integer.MAX_VALUE);

  private static final String PIECE_CID_ACCEPTED =
      "a piece CID: baga and 60 lowercase base32 characters (a-z, 2-7), such as"
          + " baga6ea4seaqgbmifhs63cij4uup7v7ax3jysnkmnd5fesg3uwucv7hep2pikebq";
  private static final String ROBUST_ADDRESS_ACCEPTED =
      "a robust address: f1 or f2 and 39 lowercase base32 characters, f3 and 84, or f4, a"
          + " namespace number, f and base32, such as f1xnypvbq2f5xbz5u4gzrgdmpz6kak4bmnfk7i2vq";
  private static final String FILTERS_ACCEPTED =
      "at least one of dealId, pieceCid, clientId, clientAddress, providerId, providerAddress";

  private static final java.util.Map<String, java.util.function.BiConsumer<Builder, String>>
      TEXT_FILTERS =
          java.util.Map.of(
              "piece_cid", Builder::pieceCid,
              "client_id", Builder::clientId,
              "client_address", Builder::clientAddress,
              "provider_id", Builder::providerId,
              "provider_address", Builder::providerAddress);
  private static final String FILTER_NAMES =
      "deal_id, piece_cid, client_id, client_address, provider_id, provider_address";

  // The order in which violations are reported: the builder's order.
  private static final List<String> FIELDS =
      List.of(
          "pageSize",
          "dealId",
          "pieceCid",
          "clientId",
          "clientAddress",
          "providerId",
          "providerAddress");

  // Each rule is the spec's (the generated catalog's), checked by the JVM's validator in build().
  @ApiParameter(value = "page_size", message = "{minimum} to {maximum}")
  private final int pageSize;

  @ApiParameter(value = "deal_id", message = "{minimum} or more")
  private final @Nullable Long dealId;

  @ApiParameter(value = "piece_cid", message = PIECE_CID_ACCEPTED)
  private final @Nullable String pieceCid;

  @ApiParameter(
      value = "client_id",
      message = "an ID address: f0 followed by digits, such as f01020500")
  private final @Nullable String clientId;

  @ApiParameter(value = "client_address", message = ROBUST_ADDRESS_ACCEPTED)
  private final @Nullable String clientAddress;

  @ApiParameter(value = "provider_id", message = ProviderId.ACCEPTED)
  private final @Nullable String providerId;

  @ApiParameter(value = "provider_address", message = ROBUST_ADDRESS_ACCEPTED)
  private final @Nullable String providerAddress;

  private DealSearch(Builder builder) {
    this.pageSize = builder.pageSize;
    this.dealId = builder.dealId;
    this.pieceCid = builder.pieceCid;
    this.clientId = builder.clientId;
    this.clientAddress = builder.clientAddress;
    this.providerId = builder.providerId;
    this.providerAddress = builder.providerAddress;
  }

  /** A builder with page size 100 and no filter yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** Rows per page, 1 to 1000; 100 unless set. */
  public int pageSize() {
    return pageSize;
  }

  /** The deal id to look up, if given. */
  public OptionalLong dealId() {
    return dealId == null ? OptionalLong.empty() : OptionalLong.of(dealId);
  }

  /** The piece CID, if given, such as {@code baga6ea4seaq...}. */
  public Optional<String> pieceCid() {
    return Optional.ofNullable(pieceCid);
  }

  /** The client's ID address, if given, such as {@code f01020500}. */
  public Optional<String> clientId() {
    return Optional.ofNullable(clientId);
  }

  /** The client's robust address, if given, such as {@code f1xnyp...}. */
  public Optional<String> clientAddress() {
    return Optional.ofNullable(clientAddress);
  }

  /** The storage provider's ID address, if given. */
  public Optional<ProviderId> providerId() {
    return Optional.ofNullable(providerId).map(ProviderId::new);
  }

  /** The storage provider's robust address, if given. */
  public Optional<String> providerAddress() {
    return Optional.ofNullable(providerAddress);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DealSearch other
        && pageSize == other.pageSize
        && Objects.equals(dealId, other.dealId)
        && Objects.equals(pieceCid, other.pieceCid)
        && Objects.equals(clientId, other.clientId)
        && Objects.equals(clientAddress, other.clientAddress)
        && Objects.equals(providerId, other.providerId)
        && Objects.equals(providerAddress, other.providerAddress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        pageSize, dealId, pieceCid, clientId, clientAddress, providerId, providerAddress);
  }

  /** The page size and the filters given, such as {@code DealSearch[pageSize=100, dealId=42]}. */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "DealSearch[", "]");
    joiner.add("pageSize=" + pageSize);
    add(joiner, "dealId", dealId);
    add(joiner, "pieceCid", pieceCid);
    add(joiner, "clientId", clientId);
    add(joiner, "clientAddress", clientAddress);
    add(joiner, "providerId", providerId);
    add(joiner, "providerAddress", providerAddress);
    return joiner.toString();
  }

  private static void add(StringJoiner joiner, String name, @Nullable Object value) {
    if (value != null) {
      joiner.add(name + "=" + value);
    }
  }

  /**
   * Collects the page size and filters; {@link #build()} checks them all at once. Passing {@code
   * null} to a filter removes it.
   */
  public static final class Builder {
    private int pageSize = DEFAULT_PAGE_SIZE;
    private @Nullable Long dealId;
    private @Nullable String pieceCid;
    private @Nullable String clientId;
    private @Nullable String clientAddress;
    private @Nullable String providerId;
    private @Nullable String providerAddress;

    private Builder() {}

    /** Rows per page, 1 to 1000 (default 100). */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** Only the deal with this id (0 or more). */
    public Builder dealId(long dealId) {
      this.dealId = dealId;
      return this;
    }

    /** Only deals of this piece, a piece CID such as {@code baga6ea4seaq...} (64 characters). */
    public Builder pieceCid(@Nullable String pieceCid) {
      this.pieceCid = pieceCid;
      return this;
    }

    /** Only deals of the client with this ID address, such as {@code f01020500}. */
    public Builder clientId(@Nullable String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Only deals of the client with this robust address ({@code f1}, {@code f2}, ...). */
    public Builder clientAddress(@Nullable String clientAddress) {
      this.clientAddress = clientAddress;
      return this;
    }

    /** Only deals with the storage provider of this ID address, such as {@code f01675012}. */
    public Builder providerId(@Nullable String providerId) {
      this.providerId = providerId;
      return this;
    }

    /** Only deals with this storage provider. */
    public Builder providerId(@Nullable ProviderId providerId) {
      this.providerId = providerId == null ? null : providerId.value();
      return this;
    }

    /** Only deals with the storage provider of this robust address ({@code f1}, {@code f2}...). */
    public Builder providerAddress(@Nullable String providerAddress) {
      this.providerAddress = providerAddress;
      return this;
    }

    /**
     * Sets the filter whose wire name is {@code name} (a {@linkplain Operation#requiresOneOf()
     * required-one-of} parameter of the deal search, such as {@code deal_id}) from its text, as a
     * tool reading filters by name has them; {@link #build()} checks the value.
     *
     * @throws InvalidInputException if {@code name} is no filter, or {@code deal_id} no integer
     */
    public Builder filter(String name, String value) {
      if ("deal_id".equals(name)) {
        try {
          return dealId(Long.parseLong(String.valueOf(value)));
        } catch (NumberFormatException e) {
          throw new InvalidInputException(
              new Violation("dealId", ProviderId.quote(value), "an integer, 0 or more"));
        }
      }
      java.util.function.BiConsumer<Builder, String> set = TEXT_FILTERS.get(String.valueOf(name));
      if (set == null) {
        throw new InvalidInputException(
            new Violation("filter", ProviderId.quote(name), "one of " + FILTER_NAMES));
      }
      set.accept(this, value);
      return this;
    }

    /**
     * The search.
     *
     * @throws InvalidInputException listing every rejected argument, in the order page size,
     *     dealId, pieceCid, clientId, clientAddress, providerId, providerAddress, and {@code
     *     filters} when none was given
     */
    public DealSearch build() {
      DealSearch candidate = new DealSearch(this);
      List<Violation> violations =
          Validators.plain().validate(candidate).stream()
              .sorted(
                  Comparator.comparingInt(
                      (ConstraintViolation<DealSearch> v) ->
                          FIELDS.indexOf(v.getPropertyPath().toString())))
              .map(
                  v ->
                      new Violation(
                          v.getPropertyPath().toString(),
                          v.getInvalidValue() instanceof String text
                              ? ProviderId.quote(text)
                              : String.valueOf(v.getInvalidValue()),
                          v.getMessage()))
              .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
      if (dealId == null
          && pieceCid == null
          && clientId == null
          && clientAddress == null
          && providerId == null
          && providerAddress == null) {
        violations.add(new Violation("filters", "none given", FILTERS_ACCEPTED));
      }
      if (!violations.isEmpty()) {
        throw new InvalidInputException(violations);
      }
      return candidate;
    }
  }
}
