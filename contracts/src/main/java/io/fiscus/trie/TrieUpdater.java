package io.fiscus.trie;

import io.fiscus.types.Bytes;

/**
 * The trie's path-copying algorithms. Each operation returns the new subtree root and rebuilds only
 * the nodes on the key's path; when nothing changes it returns the very same node, so caches and
 * the persisted mark survive. Keys are nibble arrays; {@code offset} is how much of the key the
 * path above has consumed. Null is the empty subtree.
 */
final class TrieUpdater {
  private final NodeLoader loader;

  TrieUpdater(NodeLoader loader) {
    this.loader = loader;
  }

  Bytes get(Node start, byte[] key) {
    Node node = start;
    int offset = 0;
    while (node != null) {
      switch (loader.resolve(node)) {
        case Node.Leaf leaf -> {
          return equalsRest(leaf.path, key, offset) ? leaf.value : null;
        }
        case Node.Extension extension -> {
          if (!Nibbles.startsWith(key, offset, extension.path)) {
            return null;
          }
          offset += extension.path.length;
          node = extension.child;
        }
        case Node.Branch branch -> {
          if (offset == key.length) {
            return branch.value.isEmpty() ? null : branch.value;
          }
          node = branch.children[key[offset]];
          offset++;
        }
        case Node.Stored stored -> throw new IllegalStateException("unresolved " + stored.hash());
      }
    }
    return null;
  }

  private static boolean equalsRest(byte[] path, byte[] key, int offset) {
    return path.length == key.length - offset && Nibbles.startsWith(key, offset, path);
  }

  Node put(Node node, byte[] key, int offset, Bytes value) {
    if (node == null) {
      return new Node.Leaf(Nibbles.slice(key, offset), value);
    }
    return switch (loader.resolve(node)) {
      case Node.Leaf leaf -> putIntoLeaf(node, leaf, key, offset, value);
      case Node.Extension extension -> putIntoExtension(node, extension, key, offset, value);
      case Node.Branch branch -> putIntoBranch(node, branch, key, offset, value);
      case Node.Stored stored -> throw new IllegalStateException("unresolved " + stored.hash());
    };
  }

  private static Node putIntoLeaf(
      Node original, Node.Leaf leaf, byte[] key, int offset, Bytes value) {
    int common = Nibbles.commonPrefix(leaf.path, key, offset);
    if (common == leaf.path.length && common == key.length - offset) {
      return leaf.value.equals(value) ? original : new Node.Leaf(leaf.path, value);
    }
    Node.Branch branch = new Node.Branch(new Node[Node.Branch.WIDTH], Bytes.EMPTY);
    branch = attach(branch, leaf.path, common, leaf.value);
    branch = attach(branch, key, offset + common, value);
    return common == 0 ? branch : new Node.Extension(Nibbles.slice(leaf.path, 0, common), branch);
  }

  private Node putIntoExtension(
      Node original, Node.Extension extension, byte[] key, int offset, Bytes value) {
    int common = Nibbles.commonPrefix(extension.path, key, offset);
    if (common == extension.path.length) {
      Node child = put(extension.child, key, offset + common, value);
      return child == extension.child ? original : new Node.Extension(extension.path, child);
    }
    // The key leaves the extension's path part-way: split it around a new branch.
    Node.Branch branch = new Node.Branch(new Node[Node.Branch.WIDTH], Bytes.EMPTY);
    int index = extension.path[common];
    byte[] below = Nibbles.slice(extension.path, common + 1);
    branch =
        branch.withChild(
            index,
            below.length == 0 ? extension.child : new Node.Extension(below, extension.child));
    branch = attach(branch, key, offset + common, value);
    return common == 0
        ? branch
        : new Node.Extension(Nibbles.slice(extension.path, 0, common), branch);
  }

  private Node putIntoBranch(
      Node original, Node.Branch branch, byte[] key, int offset, Bytes value) {
    if (offset == key.length) {
      return branch.value.equals(value) ? original : branch.withValue(value);
    }
    int index = key[offset];
    Node child = put(branch.children[index], key, offset + 1, value);
    return child == branch.children[index] ? original : branch.withChild(index, child);
  }

  /** Hangs {@code value} at the remainder {@code path[from..]} below a new branch. */
  private static Node.Branch attach(Node.Branch branch, byte[] path, int from, Bytes value) {
    if (from == path.length) {
      return branch.withValue(value);
    }
    return branch.withChild(path[from], new Node.Leaf(Nibbles.slice(path, from + 1), value));
  }

  Node remove(Node node, byte[] key, int offset) {
    if (node == null) {
      return null;
    }
    return switch (loader.resolve(node)) {
      case Node.Leaf leaf -> equalsRest(leaf.path, key, offset) ? null : node;
      case Node.Extension extension -> removeFromExtension(node, extension, key, offset);
      case Node.Branch branch -> removeFromBranch(node, branch, key, offset);
      case Node.Stored stored -> throw new IllegalStateException("unresolved " + stored.hash());
    };
  }

  private Node removeFromExtension(
      Node original, Node.Extension extension, byte[] key, int offset) {
    if (!Nibbles.startsWith(key, offset, extension.path)) {
      return original;
    }
    Node child = remove(extension.child, key, offset + extension.path.length);
    if (child == extension.child) {
      return original;
    }
    return prefixed(extension.path, child);
  }

  private Node removeFromBranch(Node original, Node.Branch branch, byte[] key, int offset) {
    Node.Branch updated;
    if (offset == key.length) {
      if (branch.value.isEmpty()) {
        return original;
      }
      updated = branch.withValue(Bytes.EMPTY);
    } else {
      int index = key[offset];
      Node child = remove(branch.children[index], key, offset + 1);
      if (child == branch.children[index]) {
        return original;
      }
      updated = branch.withChild(index, child);
    }
    return collapse(updated);
  }

  /** A branch left with one entry becomes a leaf or joins its only child. */
  private Node collapse(Node.Branch branch) {
    int only = -1;
    int entries = branch.value.isEmpty() ? 0 : 1;
    for (int i = 0; i < Node.Branch.WIDTH; i++) {
      if (branch.children[i] != null) {
        only = i;
        entries++;
      }
    }
    if (entries > 1) {
      return branch;
    }
    if (entries == 0) {
      return null;
    }
    if (only < 0) {
      return new Node.Leaf(Nibbles.EMPTY, branch.value);
    }
    return prefixed(new byte[] {(byte) only}, branch.children[only]);
  }

  /** {@code child} reached through {@code path}, merging paths so no extension follows another. */
  private Node prefixed(byte[] path, Node child) {
    if (child == null) {
      return null;
    }
    return switch (loader.resolve(child)) {
      case Node.Leaf leaf -> new Node.Leaf(Nibbles.concat(path, leaf.path), leaf.value);
      case Node.Extension extension ->
          new Node.Extension(Nibbles.concat(path, extension.path), extension.child);
      case Node.Branch branch -> new Node.Extension(path, child);
      case Node.Stored stored -> throw new IllegalStateException("unresolved " + stored.hash());
    };
  }
}
