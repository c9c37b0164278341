package io.fiscus.trie;

import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes node encodings. Children referenced by hash become {@link Node.Stored} (loaded later);
 * embedded children are decoded in place. Decoded nodes keep their original encoding and count as
 * persisted. Decoding is strict, because proofs feed it untrusted bytes.
 */
final class NodeCodec {
  private static final int SHORT_NODE_ITEMS = 2;
  private static final int BRANCH_ITEMS = Node.Branch.WIDTH + 1;

  private NodeCodec() {}

  /** A node encoding that is not a well-formed, canonical trie node. */
  static final class MalformedNodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedNodeException(String message) {
      super(message);
    }
  }

  static Node decode(byte[] encoded) {
    try {
      RlpReader outer = RlpReader.of(encoded);
      RlpReader reader = outer.enterList();
      outer.requireEnd();
      List<byte[]> items = new ArrayList<>(BRANCH_ITEMS);
      while (reader.hasNext() && items.size() <= BRANCH_ITEMS) {
        items.add(reader.readRaw());
      }
      Node node =
          switch (items.size()) {
            case SHORT_NODE_ITEMS -> shortNode(items.get(0), items.get(1));
            case BRANCH_ITEMS -> branch(items);
            default -> throw new MalformedNodeException("a node has 2 or 17 items");
          };
      node.setEncoding(encoded);
      node.persisted = true;
      return node;
    } catch (RlpException | IllegalArgumentException e) {
      throw new MalformedNodeException(e.getMessage());
    }
  }

  private static Node shortNode(byte[] encodedPath, byte[] second) {
    Nibbles.HexPrefixPath path = Nibbles.decodeHexPrefix(string(encodedPath));
    if (path.leaf()) {
      byte[] value = string(second);
      if (value.length == 0) {
        throw new MalformedNodeException("a leaf has an empty value");
      }
      return new Node.Leaf(path.path(), Bytes.wrap(value));
    }
    if (path.path().length == 0) {
      throw new MalformedNodeException("an extension has an empty path");
    }
    Node child = child(second);
    if (child == null) {
      throw new MalformedNodeException("an extension has no child");
    }
    return new Node.Extension(path.path(), child);
  }

  private static Node branch(List<byte[]> items) {
    Node[] children = new Node[Node.Branch.WIDTH];
    for (int i = 0; i < Node.Branch.WIDTH; i++) {
      children[i] = child(items.get(i));
    }
    return new Node.Branch(children, Bytes.wrap(string(items.get(16))));
  }

  private static byte[] string(byte[] raw) {
    RlpReader reader = RlpReader.of(raw);
    if (reader.nextIsList()) {
      throw new MalformedNodeException("expected a string item, found a list");
    }
    return reader.readBytes();
  }

  private static Node child(byte[] raw) {
    RlpReader reader = RlpReader.of(raw);
    if (reader.nextIsList()) {
      if (raw.length >= Node.HASH_REFERENCE_BYTES) {
        throw new MalformedNodeException("an embedded node must be shorter than 32 bytes");
      }
      return decode(raw);
    }
    byte[] reference = reader.readBytes();
    if (reference.length == 0) {
      return null;
    }
    if (reference.length != Hash.SIZE) {
      throw new MalformedNodeException("a child reference must be empty or 32 bytes");
    }
    return new Node.Stored(Hash.wrap(reference));
  }
}
