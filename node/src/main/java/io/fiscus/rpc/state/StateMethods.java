package io.fiscus.rpc.state;

import io.fiscus.chain.ChainReader;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.rpc.RpcMethod;
import java.util.Map;

/**
 * The state-reading Ethereum methods: {@code eth_call}, {@code eth_estimateGas} and {@code
 * eth_getProof}. Calls at the head read the flat latest state; calls and proofs at older blocks
 * read the state trie at that block's state root.
 */
public final class StateMethods {
  private StateMethods() {}

  /**
   * The three methods by name.
   *
   * @param blockGasLimit the chain's block gas limit: a call's {@code gas} above it is refused with
   *     -32005, as a transaction's would be
   */
  public static Map<String, RpcMethod> create(
      ChainReader chain, SystemContracts contracts, long blockGasLimit) {
    CallMethods calls = new CallMethods(chain, contracts, blockGasLimit);
    ProofMethod proofs = new ProofMethod(chain);
    return Map.of(
        "eth_call", calls::call,
        "eth_estimateGas", calls::estimateGas,
        "eth_getProof", proofs::getProof);
  }
}
