package io.fiscus.consensus.qbft;

/**
 * Port: full validation of a proposed block (header rules, execution) against its parent and the
 * validators of its height. Seals are not checked here: proposed blocks have none.
 */
public interface QbftBlockValidator {
  Validation validate(QbftBlock block, QbftBlock parent, Validators validators);
}
