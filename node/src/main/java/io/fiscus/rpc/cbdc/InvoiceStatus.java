package io.fiscus.rpc.cbdc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.rpc.RpcException;

/** The names of the contract's invoice status and kind numbers, both ways. */
final class InvoiceStatus {
  private InvoiceStatus() {}

  static String name(int status) {
    return switch (status) {
      case Invoice.ISSUED -> "issued";
      case Invoice.PAID -> "paid";
      case Invoice.CANCELLED -> "cancelled";
      default -> "unknown";
    };
  }

  static String kindName(int kind) {
    return switch (kind) {
      case Invoice.KIND_INVOICE -> "invoice";
      case Invoice.KIND_CREDIT_NOTE -> "creditNote";
      default -> "unknown";
    };
  }

  /** A status filter: a name ({@code issued}, {@code paid}, {@code cancelled}) or its number. */
  static int parse(JsonNode node, String what) {
    if (node.isTextual()) {
      return switch (node.asText()) {
        case "issued" -> Invoice.ISSUED;
        case "paid" -> Invoice.PAID;
        case "cancelled" -> Invoice.CANCELLED;
        default -> throw invalid(what);
      };
    }
    if (node.isIntegralNumber()
        && node.canConvertToInt()
        && node.intValue() >= Invoice.ISSUED
        && node.intValue() <= Invoice.CANCELLED) {
      return node.intValue();
    }
    throw invalid(what);
  }

  private static RpcException invalid(String what) {
    return RpcException.invalidParams(what + ": expected issued, paid, cancelled or 1..3");
  }
}
