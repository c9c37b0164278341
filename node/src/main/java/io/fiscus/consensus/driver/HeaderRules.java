package io.fiscus.consensus.driver;

import io.fiscus.block.BlockHeader;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.types.Hash;
import java.util.Optional;

/** The QBFT header rules of a proposed block, checked before anything is executed. */
final class HeaderRules {
  private HeaderRules() {}

  static Optional<BlockCheck.Rejected> check(
      ChainBlock block,
      QbftBlock parent,
      Validators validators,
      QbftConfig config,
      long nowMillis) {
    BlockHeader header = block.header();
    if (header.number() != parent.height() + 1) {
      return reject(
          BlockRejection.WRONG_NUMBER,
          "block " + header.number() + " on parent " + parent.height());
    }
    if (!header.parentHash().equals(parent.hash())) {
      return reject(BlockRejection.WRONG_PARENT_HASH, "parent hash " + header.parentHash());
    }
    long earliest = parent.timestampSeconds() + config.blockPeriodMillis() / 1000;
    if (header.timestamp() < earliest) {
      return reject(
          BlockRejection.TIMESTAMP_BEFORE_PARENT,
          "timestamp " + header.timestamp() + " before " + earliest);
    }
    long latest = nowMillis / 1000 + ExecutingBlockValidator.FUTURE_TIMESTAMP_ALLOWANCE_SECONDS;
    if (header.timestamp() > latest) {
      return reject(
          BlockRejection.TIMESTAMP_IN_FUTURE,
          "timestamp " + header.timestamp() + " after " + latest);
    }
    if (parent instanceof ChainBlock chainParent
        && header.gasLimit() != chainParent.header().gasLimit()) {
      return reject(
          BlockRejection.WRONG_GAS_LIMIT,
          "gas limit " + header.gasLimit() + ", parent's " + chainParent.header().gasLimit());
    }
    if (header.gasUsed() > header.gasLimit()) {
      return reject(BlockRejection.GAS_USED_MISMATCH, "gas used above the gas limit");
    }
    if (!hasQbftConstants(header)) {
      return reject(BlockRejection.NOT_QBFT_CONSTANTS, "difficulty, mixHash, nonce, ommers or fee");
    }
    return checkExtraData(block, validators, config);
  }

  private static Optional<BlockCheck.Rejected> checkExtraData(
      ChainBlock block, Validators validators, QbftConfig config) {
    if (!block.extraData().validators().equals(validators.sorted())) {
      return reject(
          BlockRejection.WRONG_VALIDATORS,
          "extraData lists "
              + block.extraData().validators()
              + ", expected "
              + validators.sorted());
    }
    if (!validators.contains(block.proposer())) {
      return reject(BlockRejection.PROPOSER_NOT_A_VALIDATOR, "coinbase " + block.proposer());
    }
    if (!block.commitSeals().isEmpty()) {
      return reject(BlockRejection.CARRIES_SEALS, block.commitSeals().size() + " seals");
    }
    if (block.vote().isPresent() && block.height() % config.epochLength() == 0) {
      return reject(BlockRejection.VOTE_IN_EPOCH_BLOCK, "vote in block " + block.height());
    }
    return Optional.empty();
  }

  private static boolean hasQbftConstants(BlockHeader header) {
    return header.difficulty() == BlockHeader.BFT_DIFFICULTY
        && header.mixHash().equals(BlockHeader.BFT_MIX_HASH)
        && header.nonce().equals(BlockHeader.ZERO_NONCE)
        && header.ommersHash().equals(Hash.EMPTY_LIST)
        && header.baseFeePerGas() == 0;
  }

  private static Optional<BlockCheck.Rejected> reject(BlockRejection reason, String detail) {
    return Optional.of(new BlockCheck.Rejected(reason, detail));
  }
}
