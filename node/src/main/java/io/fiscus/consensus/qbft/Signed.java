package io.fiscus.consensus.qbft;

import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;

/**
 * A payload with its author's signature. The author is never sent: it is recovered from the
 * signature when a message is decoded, or is the local key's address when we sign.
 */
public record Signed<P extends Payload>(P payload, Signature signature, Address author) {}
