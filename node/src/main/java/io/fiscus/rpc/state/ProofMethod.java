package io.fiscus.rpc.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.block.BlockHeader;
import io.fiscus.chain.ChainReader;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.state.AccountProof;
import io.fiscus.state.StateCommitment;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code eth_getProof [address, [slots], block]} in Ethereum's shape. Proofs check against the
 * block's {@code stateRoot}: the account proof in the account trie (path keccak256(address)), each
 * storage proof in the account's storage trie (path keccak256(slot)), whose leaves are RLP strings
 * of the stored bytes.
 *
 * <p>Fiscus storage values are byte strings, not 256-bit words, so a present slot's {@code value}
 * is the exact stored bytes as {@code 0x} data (leading zero bytes kept); an absent slot is {@code
 * 0x0}, as in Ethereum.
 */
final class ProofMethod {
  /** Bounds the work (a trie walk per slot) one request may ask for. */
  static final int SLOTS_MAX = 256;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChainReader chain;

  ProofMethod(ChainReader chain) {
    this.chain = chain;
  }

  Object getProof(RpcParams params) {
    Address address = params.address(0);
    List<Hash> slots = slots(params.required(1));
    BlockHeader header =
        BlockParameter.header(chain, params.optional(2), "parameter 2")
            .orElseThrow(() -> RpcException.invalidParams("parameter 2: unknown block"));
    // A new commitment per request: it caches trie nodes and is not thread-safe.
    AccountProof proof =
        new StateCommitment(chain.trieNodes(), header.stateRoot()).proof(address, slots);
    return toJson(proof);
  }

  private static List<Hash> slots(JsonNode node) {
    if (!node.isArray()) {
      throw RpcException.invalidParams("parameter 1 must be an array of storage keys");
    }
    if (node.size() > SLOTS_MAX) {
      throw RpcException.invalidParams(
          "parameter 1: at most " + SLOTS_MAX + " storage keys, got " + node.size());
    }
    List<Hash> slots = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      slots.add(slot(node.get(i), "parameter 1[" + i + "]"));
    }
    return slots;
  }

  /** A storage key: {@code 0x} and 1 to 64 hex digits, left-padded to 32 bytes. */
  private static Hash slot(JsonNode node, String what) {
    String text = node.isTextual() ? node.asText() : "";
    String digits = text.startsWith("0x") ? text.substring(2) : "";
    if (digits.isEmpty() || digits.length() > 64 || !isHex(digits)) {
      throw RpcException.invalidParams(what + ": expected a storage key of up to 32 bytes of hex");
    }
    String padded = "0".repeat(64 - digits.length()) + digits;
    return Hash.wrap(HexFormat.of().parseHex(padded));
  }

  private static boolean isHex(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode toJson(AccountProof proof) {
    ObjectNode out = JSON.objectNode();
    out.put("address", proof.address().toHex());
    out.set("accountProof", nodes(proof.accountProof()));
    out.put("balance", Quantity.hex(proof.balance()));
    out.put("codeHash", proof.codeHash().toHex());
    out.put("nonce", Quantity.hex(proof.nonce()));
    out.put("storageHash", proof.storageHash().toHex());
    ArrayNode storage = out.putArray("storageProof");
    for (AccountProof.StorageProof slot : proof.storageProofs()) {
      ObjectNode entry = storage.addObject();
      entry.put("key", slot.slot().toHex());
      entry.put("value", slot.value().map(Bytes::toHex).orElse("0x0"));
      entry.set("proof", nodes(slot.proof()));
    }
    return out;
  }

  private static ArrayNode nodes(List<Bytes> proof) {
    ArrayNode out = JSON.arrayNode();
    proof.forEach(node -> out.add(node.toHex()));
    return out;
  }
}
