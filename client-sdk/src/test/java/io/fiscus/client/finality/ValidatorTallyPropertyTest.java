package io.fiscus.client.finality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.block.Vote;
import io.fiscus.consensus.driver.ChainBlock;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.consensus.qbft.VoteTally;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The client's mirror of validator voting agrees with the node's own {@link VoteTally}, block by
 * block, on any history of votes: adds and drops, by validators and by outsiders, across epochs.
 */
class ValidatorTallyPropertyTest {
  private static final List<Address> POOL =
      IntStream.range(1, 5)
          .mapToObj(i -> Address.fromHex("0x" + String.format("%040x", i * 0x1111)))
          .toList();

  /** One block: its proposer and its vote, as indexes into the pool. */
  record Block(int proposer, Optional<Integer> subject, boolean add) {}

  record History(List<Integer> genesis, long epochLength, List<Block> blocks) {}

  @Provide
  Arbitrary<History> histories() {
    Arbitrary<List<Integer>> genesis =
        Arbitraries.integers().between(0, POOL.size() - 1).set().ofMinSize(1).map(ArrayList::new);
    Arbitrary<Block> block =
        Combinators.combine(
                Arbitraries.integers().between(0, POOL.size() - 1),
                Arbitraries.integers().between(0, POOL.size() - 1).optional(0.8),
                Arbitraries.of(true, false))
            .as(Block::new);
    return Combinators.combine(
            genesis, Arbitraries.longs().between(1, 8), block.list().ofMaxSize(80))
        .as(History::new);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void theClientFollowsTheValidatorsExactlyAsTheNodeDoes(@ForAll("histories") History history) {
    List<Address> genesis = history.genesis().stream().map(POOL::get).toList();
    VoteTally node = VoteTally.genesis(Validators.of(genesis));
    ValidatorTally client = ValidatorTally.cleared(genesis);
    long number = 0;
    for (Block block : history.blocks()) {
      number++;
      Address proposer = POOL.get(block.proposer());
      Optional<Vote> vote = block.subject().map(i -> new Vote(POOL.get(i), block.add()));
      VoteTally nodeAfter;
      try {
        nodeAfter =
            node.apply(ChainBlock.ofHeader(header(number, proposer, vote)), history.epochLength());
      } catch (IllegalArgumentException emptied) {
        long at = number;
        ValidatorTally before = client;
        assertThatThrownBy(() -> before.apply(at, proposer, vote, history.epochLength()))
            .isInstanceOf(IllegalStateException.class);
        return;
      }
      node = nodeAfter;
      client = client.apply(number, proposer, vote, history.epochLength());
      assertThat(client.validators())
          .as("validators after block %d", number)
          .isEqualTo(node.validators().sorted());
      assertThat(client.pending())
          .as("pending votes after block %d", number)
          .isEqualTo(pending(node));
    }
  }

  private static SortedMap<Address, SortedMap<Address, Boolean>> pending(VoteTally tally) {
    SortedMap<Address, SortedMap<Address, Boolean>> pending = new TreeMap<>();
    tally
        .pending()
        .forEach(
            (subject, votes) -> {
              SortedMap<Address, Boolean> bySubject = new TreeMap<>();
              votes.forEach(
                  (voter, kind) ->
                      bySubject.put(voter, kind == io.fiscus.consensus.qbft.Vote.Kind.ADD));
              pending.put(subject, bySubject);
            });
    return pending;
  }

  private static BlockHeader header(long number, Address proposer, Optional<Vote> vote) {
    return BlockHeader.qbft(
        Hash.ZERO,
        proposer,
        Hash.EMPTY_TRIE,
        Hash.EMPTY_TRIE,
        Hash.EMPTY_TRIE,
        LogsBloom.EMPTY,
        number,
        30_000_000,
        0,
        number,
        QbftExtraDataCodec.encode(
            new QbftExtraData(QbftExtraData.ZERO_VANITY, List.of(), vote, 0, List.of())));
  }
}
