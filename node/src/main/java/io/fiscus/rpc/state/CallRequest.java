package io.fiscus.rpc.state;

import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The call object of {@code eth_call} and {@code eth_estimateGas}: {@code {from?, to, data|input,
 * gas?, value?}}. Fee fields, nonce, type, chain id and access list are accepted (wallets send
 * them) and ignored: nothing is paid and nothing is signed.
 */
public record CallRequest(
    Optional<Address> from, Address to, Bytes data, OptionalLong gas, BigInteger value) {
  private static final Set<String> MEMBERS =
      Set.of(
          "from",
          "to",
          "data",
          "input",
          "gas",
          "value",
          "gasPrice",
          "maxFeePerGas",
          "maxPriorityFeePerGas",
          "nonce",
          "type",
          "chainId",
          "accessList");

  /** The call object in parameter {@code index}. */
  public static CallRequest parse(RpcParams params, int index) {
    ObjectParams call = ObjectParams.required(params, index, MEMBERS);
    Address to =
        call.address("to")
            .orElseThrow(() -> RpcException.invalidParams(call.describe("to") + " is required"));
    Optional<Bytes> data = call.data("data");
    Optional<Bytes> input = call.data("input");
    if (data.isPresent() && input.isPresent() && !data.equals(input)) {
      throw RpcException.invalidParams(
          "parameter " + index + ": data and input are both set and differ");
    }
    OptionalLong value = call.quantity("value");
    return new CallRequest(
        call.address("from"),
        to,
        input.or(() -> data).orElse(Bytes.EMPTY),
        call.quantity("gas"),
        value.isPresent() ? BigInteger.valueOf(value.getAsLong()) : BigInteger.ZERO);
  }

  /** The sender the call runs as: {@code from}, or the zero address for an anonymous call. */
  public Address sender() {
    return from.orElse(Address.ZERO);
  }
}
