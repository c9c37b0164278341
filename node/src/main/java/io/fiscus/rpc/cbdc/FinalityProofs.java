package io.fiscus.rpc.cbdc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.BlockHeaderCodec;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.block.ReceiptCodec;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.chain.ChainReader;
import io.fiscus.chain.TransactionLocation;
import io.fiscus.rlp.Rlp;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.state.Quantity;
import io.fiscus.trie.MerklePatriciaTrie;
import io.fiscus.trie.TrieNodeStore;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * {@code cbdc_getFinalityProof [txHash]}: what a client needs to check, trusting only the validator
 * set it knows, that a transaction is final. The answer carries
 *
 * <ul>
 *   <li>{@code header}: the sealed header's RLP; its hash (QBFT: round and seals excluded) is
 *       {@code blockHash}, its commit seals sign the commit-seal hash (round kept, seals excluded);
 *   <li>{@code validators}: the set in the header's extraData, which must hold a quorum ({@code
 *       ((2n-1)/3)+1}) of the sealers; the client compares it with the set it trusts;
 *   <li>{@code transaction} and {@code txProof}: the raw transaction and the proof of it under key
 *       {@code rlp(txIndex)} in the trie whose root is the header's {@code transactionsRoot};
 *   <li>{@code receipt} and {@code receiptProof}: the receipt's consensus encoding and its proof
 *       under the same key against {@code receiptsRoot}.
 * </ul>
 *
 * Unknown transactions are answered {@code null}.
 */
final class FinalityProofs {
  /** The block's tries are rebuilt in memory from its body: nothing is read from a store. */
  private static final TrieNodeStore IN_MEMORY = hash -> Optional.empty();

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChainReader chain;

  FinalityProofs(ChainReader chain) {
    this.chain = chain;
  }

  Object finalityProof(RpcParams params) {
    Hash transactionHash = params.hash(0);
    Optional<TransactionLocation> location = chain.transactionLocation(transactionHash);
    if (location.isEmpty()) {
      return null;
    }
    long number = location.get().blockNumber();
    Optional<Block> block = chain.block(number);
    List<TransactionOutcome> outcomes = chain.outcomes(number);
    if (block.isEmpty() || outcomes.size() != block.get().transactions().size()) {
      return null;
    }
    return proof(location.get(), block.get(), outcomes);
  }

  private static ObjectNode proof(
      TransactionLocation location, Block block, List<TransactionOutcome> outcomes) {
    BlockHeader header = block.header();
    int index = location.index();
    MerklePatriciaTrie transactions = new MerklePatriciaTrie(IN_MEMORY);
    MerklePatriciaTrie receipts = new MerklePatriciaTrie(IN_MEMORY);
    for (int i = 0; i < outcomes.size(); i++) {
      Bytes key = indexKey(i);
      transactions.put(key, block.transactions().get(i));
      receipts.put(key, ReceiptCodec.encode(outcomes.get(i).receipt()));
    }
    requireRoot(transactions.rootHash(), header.transactionsRoot(), header, "transactions");
    requireRoot(receipts.rootHash(), header.receiptsRoot(), header, "receipts");

    ObjectNode out = JSON.objectNode();
    out.put("blockNumber", Quantity.hex(header.number()));
    out.put("blockHash", location.blockHash().toHex());
    out.put("header", BlockHeaderCodec.encode(header).toHex());
    out.set(
        "validators",
        CbdcJson.addresses(QbftExtraDataCodec.decode(header.extraData()).validators()));
    out.put("txIndex", Quantity.hex(index));
    out.put("transaction", block.transactions().get(index).toHex());
    out.set("txProof", nodes(transactions.proof(indexKey(index))));
    out.put("receipt", ReceiptCodec.encode(outcomes.get(index).receipt()).toHex());
    out.set("receiptProof", nodes(receipts.proof(indexKey(index))));
    return out;
  }

  /** The key of item {@code index} in a block's transactions and receipts tries. */
  private static Bytes indexKey(int index) {
    return Bytes.wrap(Rlp.uint(index));
  }

  /** A committed block whose body does not match its header is a corrupt store: a bug. */
  private static void requireRoot(Hash built, Hash inHeader, BlockHeader header, String trie) {
    if (!built.equals(inHeader)) {
      throw new IllegalStateException(
          "block " + header.number() + ": stored " + trie + " do not match the header's root");
    }
  }

  private static ArrayNode nodes(List<Bytes> proof) {
    ArrayNode out = JSON.arrayNode();
    proof.forEach(node -> out.add(node.toHex()));
    return out;
  }
}
