/**
 * Finality you can check yourself: {@link io.fiscus.client.finality.FinalityVerifier} fetches a
 * transaction's {@code cbdc_getFinalityProof} and checks it trusting nothing the node says, only
 * the validator set the client already trusts ({@link io.fiscus.client.finality.TrustedValidators},
 * seeded from the genesis file and followed through the validators' header votes).
 *
 * <p>A verified proof shows that the transaction is in a block sealed by a quorum of the trusted
 * validators, at the index the node claims, with the receipt the node claims. Anything else is a
 * {@link io.fiscus.client.finality.FinalityVerificationException} with a stable reason.
 */
package io.fiscus.client.finality;
