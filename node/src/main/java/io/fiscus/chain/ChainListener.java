package io.fiscus.chain;

/** Told about each block after it is durably committed. Must not block. */
@FunctionalInterface
public interface ChainListener {
  void onBlockCommitted(CommittedBlock block);
}
