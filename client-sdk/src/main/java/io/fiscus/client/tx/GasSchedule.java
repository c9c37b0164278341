package io.fiscus.client.tx;

import io.fiscus.contracts.SystemContracts;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;

/**
 * The exact gas of a system-contract call, from the contracts' own fixed schedule (the same code
 * the node runs): no {@code eth_estimateGas} round trip, and pipelined calls need no state. Gas is
 * free, so the exact figure is only about not overstating a transaction's share of a block.
 */
final class GasSchedule {
  private static final SystemContracts CONTRACTS = new SystemContracts();

  private GasSchedule() {}

  static BigInteger gasLimit(String to, String dataHex) {
    return BigInteger.valueOf(CONTRACTS.gasCost(Address.fromHex(to), Bytes.fromHex(dataHex)));
  }
}
