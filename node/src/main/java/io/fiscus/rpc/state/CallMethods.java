package io.fiscus.rpc.state;

import io.fiscus.block.BlockHeader;
import io.fiscus.chain.ChainReader;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.system.CallContext;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.mempool.PoolRejection;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import java.util.Optional;

/**
 * {@code eth_call} and {@code eth_estimateGas}: a system-contract call run on a throwaway overlay
 * of the state after the chosen block, as if it were in the next block (number + 1, the block's
 * timestamp). Nothing persists. A revert is answered with code 3, {@code "Execution reverted:
 * <reason>"} and the ABI-encoded {@code Error(string)} as {@code data}, as Besu does.
 */
final class CallMethods {
  private final ChainReader chain;
  private final SystemContracts contracts;
  private final long blockGasLimit;

  CallMethods(ChainReader chain, SystemContracts contracts, long blockGasLimit) {
    this.chain = chain;
    this.contracts = contracts;
    this.blockGasLimit = blockGasLimit;
  }

  /** {@code eth_call [callObject, block?]} → the call's return data. */
  Object call(RpcParams params) {
    CallRequest request = CallRequest.parse(params, 0);
    CallOutcome.Success success = execute(request, params);
    return success.returnData().toHex();
  }

  /** {@code eth_estimateGas [callObject, block?]} → the gas the call costs, if it succeeds. */
  Object estimateGas(RpcParams params) {
    CallRequest request = CallRequest.parse(params, 0);
    execute(request, params);
    return Quantity.hex(contracts.gasCost(request.to(), request.data()));
  }

  private CallOutcome.Success execute(CallRequest request, RpcParams params) {
    checkGas(request);
    long headNumber = chain.headNumber();
    BlockHeader header =
        BlockParameter.header(chain, params.optional(1), "parameter 1")
            .orElseThrow(() -> RpcException.invalidParams("parameter 1: unknown block"));
    CallContext context =
        new CallContext(request.sender(), header.number() + 1, header.timestamp());
    CallOutcome outcome =
        contracts.call(
            context,
            new StateChanges(stateAfter(header, headNumber)),
            request.to(),
            request.value(),
            request.data());
    return switch (outcome) {
      case CallOutcome.Success success -> success;
      case CallOutcome.Reverted reverted ->
          throw new RpcException(
              RpcException.EXECUTION_REVERTED,
              "Execution reverted: " + reverted.reason().text(),
              Optional.of(reverted.revertData().toHex()));
    };
  }

  /**
   * The head's flat state for the head (or a block committed since the head was read: the flat
   * state only moves forward), the trie at the block's state root for an older block.
   */
  private StateView stateAfter(BlockHeader header, long headNumber) {
    if (header.number() >= headNumber) {
      return chain.latestState();
    }
    return new TrieStateView(chain.trieNodes(), header.stateRoot());
  }

  private void checkGas(CallRequest request) {
    if (request.gas().isEmpty()) {
      return;
    }
    long gas = request.gas().getAsLong();
    if (gas > blockGasLimit) {
      throw rejection(PoolRejection.EXCEEDS_BLOCK_GAS_LIMIT);
    }
    if (gas < contracts.gasCost(request.to(), request.data())) {
      throw rejection(PoolRejection.INTRINSIC_GAS_EXCEEDS_GAS_LIMIT);
    }
  }

  private static RpcException rejection(PoolRejection rejection) {
    return new RpcException(rejection.code(), rejection.message());
  }
}
