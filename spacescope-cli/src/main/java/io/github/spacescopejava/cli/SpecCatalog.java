package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.OperationParameter;
import io.github.spacescopejava.client.Operations;
import io.github.spacescopejava.client.RowField;
import io.github.spacescopejava.client.SpaceScope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The operations of the spec the client was generated from, as the client's operation catalog
 * describes them ({@link SpaceScope#operations()}, generated at build time): this is where the
 * command learns every name, shape, window limit and row field. It reads no spec of its own and has
 * no list of its own.
 */
final class SpecCatalog {
  private final List<Operation> operations;
  private final Set<Integer> resultCodes;
  private final Set<String> envelopeFields;

  private SpecCatalog(
      List<Operation> operations, Set<Integer> resultCodes, Set<String> envelopeFields) {
    this.operations = List.copyOf(operations);
    this.resultCodes = Set.copyOf(resultCodes);
    this.envelopeFields = Set.copyOf(envelopeFields);
  }

  /** The client's catalog, the one the client on the class path was generated with. */
  static SpecCatalog bundled() {
    return new SpecCatalog(
        // By path, as the spec lists them (the catalog groups them by tag).
        SpaceScope.operations().stream()
            .map(SpecCatalog::operation)
            .sorted(java.util.Comparator.comparing(Operation::path))
            .toList(),
        Operations.resultCodes().keySet(),
        Set.copyOf(Operations.envelopeFields()));
  }

  List<Operation> operations() {
    return operations;
  }

  /** The envelope codes the spec documents ({@code x-error-codes}), 0 included. */
  Set<Integer> resultCodes() {
    return resultCodes;
  }

  /** The envelope's fields: {@code request_id}, {@code code}, {@code message}, {@code data}. */
  Set<String> envelopeFields() {
    return envelopeFields;
  }

  Optional<Operation> byPath(String path) {
    return operations.stream().filter(o -> o.path().equals(path)).findFirst();
  }

  private static Operation operation(io.github.spacescopejava.client.Operation<?> op) {
    return new Operation(
        op,
        op.operationId(),
        op.tag(),
        op.path(),
        op.summary(),
        op.shape(),
        op.maxWindowDays(),
        op.perStorageProvider(),
        op.rowDateField().orElse(null),
        op.deprecated(),
        op.allowsFutureDates(),
        op.withoutDates(),
        op.rowFields().stream().map(SpecCatalog::field).toList(),
        op.parameters().stream().map(SpecCatalog::parameter).toList());
  }

  private static Field field(RowField f) {
    return new Field(
        f.jsonName(),
        f.jsonType(),
        f.format(),
        f.pattern(),
        f.nullable(),
        f.integerString(),
        f.description());
  }

  private static Operation.Parameter parameter(OperationParameter p) {
    String role =
        p.role() == OperationParameter.Role.UNBOUND
            ? ""
            : p.role().name().toLowerCase(Locale.ROOT).replace('_', '-');
    return new Operation.Parameter(p.wireName(), p.required(), role, p.example());
  }
}
