package io.fiscus.chain;

import io.fiscus.state.StateView;
import io.fiscus.storage.Column;
import io.fiscus.storage.WriteBatch;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake {@link BlockIndexer}: records what it was shown (each sender's nonce before and after the
 * block) and writes one marker per block, block number → block hash, into {@link
 * Column#ACCOUNT_HISTORY} through the block's batch.
 */
final class RecordingIndexer implements BlockIndexer {
  record Call(long number, Map<Address, Long> noncesBefore, Map<Address, Long> noncesAfter) {}

  private final List<Call> calls = new ArrayList<>();

  @Override
  public void index(CommittedBlock block, StateView before, StateView after, WriteBatch batch) {
    Map<Address, Long> noncesBefore = new TreeMap<>();
    Map<Address, Long> noncesAfter = new TreeMap<>();
    for (SignedTransaction transaction : block.transactions()) {
      noncesBefore.put(transaction.sender(), before.nonce(transaction.sender()));
      noncesAfter.put(transaction.sender(), after.nonce(transaction.sender()));
    }
    calls.add(new Call(block.number(), noncesBefore, noncesAfter));
    batch.put(
        Column.ACCOUNT_HISTORY,
        StoredBlockCodec.number(block.number()),
        block.hash().bytes().toArray());
  }

  List<Call> calls() {
    return calls;
  }
}
