package io.fiscus.trie;

import io.fiscus.crypto.Keccak;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;

/**
 * Verifies {@code eth_getProof}-style Merkle proofs, trusting nothing but the root hash: each node
 * of the proof must hash to the reference its predecessor (or the root) holds.
 */
public final class MerkleProof {
  private MerkleProof() {}

  /** What {@code proof} shows about {@code key} in the trie whose root hash is {@code root}. */
  public static ProofResult verify(Hash root, Bytes key, List<Bytes> proof) {
    if (root.equals(Hash.EMPTY_TRIE)) {
      return emptyTrie(proof);
    }
    byte[] path = Nibbles.of(key.unsafeArray());
    int offset = 0;
    Hash expected = root;
    for (int index = 0; index < proof.size(); index++) {
      Bytes encoded = proof.get(index);
      if (!Keccak.hash(encoded).equals(expected)) {
        return invalid(ProofResult.Reason.HASH_MISMATCH, "node " + index + " is not " + expected);
      }
      Node node;
      try {
        node = NodeCodec.decode(encoded.unsafeArray());
      } catch (NodeCodec.MalformedNodeException e) {
        return invalid(ProofResult.Reason.MALFORMED_NODE, "node " + index + ": " + e.getMessage());
      }
      Step step = walk(node, path, offset);
      switch (step) {
        case Found found -> {
          return index == proof.size() - 1
              ? found.result()
              : invalid(ProofResult.Reason.UNUSED_NODES, "nodes after " + index + " unused");
        }
        case Descend descend -> {
          expected = descend.nodeHash();
          offset = descend.offset();
        }
      }
    }
    return invalid(ProofResult.Reason.MISSING_NODE, "no node for " + expected);
  }

  private static ProofResult emptyTrie(List<Bytes> proof) {
    boolean onlyEmptyRoot =
        proof.isEmpty() || (proof.size() == 1 && Keccak.hash(proof.get(0)).equals(Hash.EMPTY_TRIE));
    return onlyEmptyRoot
        ? new ProofResult.Absent()
        : invalid(ProofResult.Reason.UNUSED_NODES, "the empty trie needs no proof nodes");
  }

  private static ProofResult invalid(ProofResult.Reason reason, String detail) {
    return new ProofResult.Invalid(reason, detail);
  }

  private sealed interface Step {}

  /** The walk ended inside the current node (embedded children included). */
  private record Found(ProofResult result) implements Step {}

  /** The walk continues at the node with this hash, {@code offset} nibbles into the key. */
  private record Descend(Hash nodeHash, int offset) implements Step {}

  /** Follows {@code path} from {@code offset} through {@code start} and its embedded children. */
  private static Step walk(Node start, byte[] path, int offset) {
    Node node = start;
    int at = offset;
    while (true) {
      switch (node) {
        case null -> {
          return new Found(new ProofResult.Absent());
        }
        case Node.Stored stored -> {
          return new Descend(stored.nodeHash, at);
        }
        case Node.Leaf leaf -> {
          boolean matches =
              leaf.path.length == path.length - at && Nibbles.startsWith(path, at, leaf.path);
          return new Found(
              matches ? new ProofResult.Present(leaf.value) : new ProofResult.Absent());
        }
        case Node.Extension extension -> {
          if (!Nibbles.startsWith(path, at, extension.path)) {
            return new Found(new ProofResult.Absent());
          }
          at += extension.path.length;
          node = extension.child;
        }
        case Node.Branch branch -> {
          if (at == path.length) {
            return new Found(
                branch.value.isEmpty()
                    ? new ProofResult.Absent()
                    : new ProofResult.Present(branch.value));
          }
          node = branch.children[path[at]];
          at++;
        }
      }
    }
  }
}
