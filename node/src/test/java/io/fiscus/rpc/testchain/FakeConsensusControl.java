package io.fiscus.rpc.testchain;

import io.fiscus.consensus.driver.ConsensusControl;
import io.fiscus.types.Address;
import java.util.SortedMap;
import java.util.TreeMap;

/** A consensus driver's control surface as plain fields and a vote map. */
public final class FakeConsensusControl implements ConsensusControl {
  public boolean validator = true;
  public int round;
  public boolean syncing;
  private final SortedMap<Address, Boolean> votes = new TreeMap<>();

  @Override
  public boolean isValidator() {
    return validator;
  }

  @Override
  public int round() {
    return round;
  }

  @Override
  public boolean syncing() {
    return syncing;
  }

  @Override
  public synchronized void proposeValidatorVote(Address subject, boolean add) {
    votes.put(subject, add);
  }

  @Override
  public synchronized void discardValidatorVote(Address subject) {
    votes.remove(subject);
  }

  @Override
  public synchronized SortedMap<Address, Boolean> pendingVotes() {
    return new TreeMap<>(votes);
  }
}
