package io.fiscus.consensus.driver;

import io.fiscus.chain.ChainReader;
import io.fiscus.consensus.qbft.CommitSeals;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.consensus.qbft.Validation;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.crypto.SignatureRecovery;
import java.util.List;
import java.util.Optional;

/**
 * Checks a sealed block fetched by sync before it is imported on the head: the QBFT header rules
 * (as for a proposal, on the block without its seals), then its commit seals against the validators
 * of its height (a quorum of distinct validators), then its execution on the head state with all
 * roots compared. Seals come before execution: they are cheap and they decide whether the network
 * finalized this block at all.
 */
final class SyncedBlockCheck {
  private final ChainReader chain;
  private final ExecutingBlockValidator validator;
  private final QbftConfig config;
  private final SignatureRecovery recovery;

  SyncedBlockCheck(
      ChainReader chain,
      ExecutingBlockValidator validator,
      QbftConfig config,
      SignatureRecovery recovery) {
    this.chain = chain;
    this.validator = validator;
    this.config = config;
    this.recovery = recovery;
  }

  /** Whether {@code block} is already the chain's block at its height (sync raced consensus). */
  boolean alreadyOnChain(ChainBlock block) {
    return chain
        .header(block.height())
        .map(header -> ChainBlock.ofHeader(header).hash().equals(block.hash()))
        .orElse(false);
  }

  /**
   * @param head the chain head, the block's parent
   * @param validators the validators of the block's height (the tally after {@code head})
   */
  BlockCheck check(ChainBlock block, ChainBlock head, Validators validators, long nowMillis) {
    if (block.height() <= head.height()) {
      return new BlockCheck.Rejected(
          BlockRejection.CONFLICTS_WITH_CHAIN,
          "block " + block.height() + " differs from the committed one");
    }
    Optional<BlockCheck.Rejected> headerRejection =
        HeaderRules.check(block.withCommitSeals(List.of()), head, validators, config, nowMillis);
    if (headerRejection.isPresent()) {
      return headerRejection.get();
    }
    if (CommitSeals.validate(block, validators, recovery) instanceof Validation.Invalid invalid) {
      return new BlockCheck.Rejected(
          BlockRejection.COMMIT_SEALS_INVALID, invalid.reason() + ": " + invalid.detail());
    }
    return validator.execute(block);
  }
}
