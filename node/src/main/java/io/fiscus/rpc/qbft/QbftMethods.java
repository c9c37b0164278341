package io.fiscus.rpc.qbft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.chain.ChainReader;
import io.fiscus.consensus.driver.ConsensusControl;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.state.BlockParameter;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.Map;
import java.util.Optional;

/**
 * Besu's {@code qbft_} methods, in the shapes Web3j's {@code org.web3j.protocol.besu.Besu} client
 * reads. The validators of a block are those in its extraData: the set whose quorum sealed it.
 */
public final class QbftMethods {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChainReader chain;
  private final ConsensusControl consensus;

  private QbftMethods(ChainReader chain, ConsensusControl consensus) {
    this.chain = chain;
    this.consensus = consensus;
  }

  /** Every {@code qbft_} method by name. */
  public static Map<String, RpcMethod> create(ChainReader chain, ConsensusControl consensus) {
    QbftMethods methods = new QbftMethods(chain, consensus);
    SignerMetrics signerMetrics = new SignerMetrics(chain);
    return Map.of(
        "qbft_getValidatorsByBlockNumber", methods::validatorsByBlockNumber,
        "qbft_getValidatorsByBlockHash", methods::validatorsByBlockHash,
        "qbft_proposeValidatorVote", methods::proposeValidatorVote,
        "qbft_discardValidatorVote", methods::discardValidatorVote,
        "qbft_getPendingVotes", methods::pendingVotes,
        "qbft_getSignerMetrics", signerMetrics::signerMetrics);
  }

  /**
   * {@code [block]} → the block's validators, or null for an unknown block; {@code pending} is
   * answered with the head's set (votes the next block may apply are not predicted).
   */
  Object validatorsByBlockNumber(RpcParams params) {
    long number = BlockParameter.number(params.required(0), "parameter 0", chain.headNumber());
    return validators(chain.header(number));
  }

  /** {@code [blockHash]} → the block's validators, or null for an unknown block. */
  Object validatorsByBlockHash(RpcParams params) {
    Hash hash = params.hash(0);
    return validators(chain.numberOf(hash).flatMap(chain::header));
  }

  /** {@code [address, add]} → true; the vote is cast in the blocks this node proposes. */
  Object proposeValidatorVote(RpcParams params) {
    Address subject = params.address(0);
    boolean add = params.bool(1);
    consensus.proposeValidatorVote(subject, add);
    return true;
  }

  /** {@code [address]} → true. */
  Object discardValidatorVote(RpcParams params) {
    consensus.discardValidatorVote(params.address(0));
    return true;
  }

  /** {@code []} → {@code {"0xaddress": true (add) | false (drop)}}, by address. */
  Object pendingVotes(RpcParams params) {
    ObjectNode out = JSON.objectNode();
    consensus.pendingVotes().forEach((subject, add) -> out.put(subject.toHex(), add));
    return out;
  }

  private static Object validators(Optional<BlockHeader> header) {
    if (header.isEmpty()) {
      return null;
    }
    ArrayNode out = JSON.arrayNode();
    QbftExtraDataCodec.decode(header.get().extraData())
        .validators()
        .forEach(validator -> out.add(validator.toHex()));
    return out;
  }
}
