package io.fiscus.consensus.qbft;

/** An observation for metrics and evidence: a rejected input, a bound hit, an equivocation. */
public record Notice(Reason reason, String detail) {}
