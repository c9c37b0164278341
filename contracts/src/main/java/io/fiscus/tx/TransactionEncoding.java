package io.fiscus.tx;

import io.fiscus.crypto.Signature;
import io.fiscus.rlp.Rlp;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Builds the RLP of transactions: what is signed, and the signed raw bytes. */
final class TransactionEncoding {
  private static final BigInteger EIP155_OFFSET = BigInteger.valueOf(35);
  private static final int PRE_EIP155_OFFSET = 27;

  private TransactionEncoding() {}

  static byte[] signingPayload(UnsignedTransaction tx) {
    List<byte[]> fields = signedFields(tx);
    if (tx.type() == TransactionType.LEGACY && tx.chainId().isPresent()) {
      // EIP-155: the chain id and two zeros stand where v, r and s will go.
      fields.add(Rlp.uint(tx.chainId().getAsLong()));
      fields.add(Rlp.emptyString());
      fields.add(Rlp.emptyString());
    }
    return envelope(tx.type(), Rlp.list(fields));
  }

  static byte[] signed(UnsignedTransaction tx, Signature signature) {
    List<byte[]> fields = signedFields(tx);
    fields.add(Rlp.uint(recoveryField(tx, signature.recoveryId())));
    fields.add(Rlp.uint(signature.r()));
    fields.add(Rlp.uint(signature.s()));
    return envelope(tx.type(), Rlp.list(fields));
  }

  /** Legacy {@code v} (27/28, or chainId·2 + 35/36) or the EIP-1559 {@code yParity}. */
  private static BigInteger recoveryField(UnsignedTransaction tx, int recoveryId) {
    if (tx.type() == TransactionType.EIP_1559) {
      return BigInteger.valueOf(recoveryId);
    }
    if (tx.chainId().isEmpty()) {
      return BigInteger.valueOf(PRE_EIP155_OFFSET + recoveryId);
    }
    return BigInteger.valueOf(tx.chainId().getAsLong())
        .shiftLeft(1)
        .add(EIP155_OFFSET)
        .add(BigInteger.valueOf(recoveryId));
  }

  private static List<byte[]> signedFields(UnsignedTransaction tx) {
    List<byte[]> fields = new ArrayList<>(12);
    if (tx.type() == TransactionType.EIP_1559) {
      fields.add(Rlp.uint(tx.chainId().getAsLong()));
      fields.add(Rlp.uint(tx.nonce()));
      fields.add(Rlp.uint(tx.maxPriorityFeePerGas()));
      fields.add(Rlp.uint(tx.maxFeePerGas()));
    } else {
      fields.add(Rlp.uint(tx.nonce()));
      fields.add(Rlp.uint(tx.maxFeePerGas()));
    }
    fields.add(Rlp.uint(tx.gasLimit()));
    fields.add(tx.to().map(to -> Rlp.string(to.bytes())).orElse(Rlp.emptyString()));
    fields.add(Rlp.uint(tx.value()));
    fields.add(Rlp.string(tx.data()));
    if (tx.type() == TransactionType.EIP_1559) {
      fields.add(accessList(tx.accessList()));
    }
    return fields;
  }

  private static byte[] accessList(List<AccessListEntry> entries) {
    List<byte[]> encoded = new ArrayList<>(entries.size());
    for (AccessListEntry entry : entries) {
      List<byte[]> keys = new ArrayList<>(entry.storageKeys().size());
      for (Hash key : entry.storageKeys()) {
        keys.add(Rlp.string(key.bytes()));
      }
      encoded.add(Rlp.list(Rlp.string(entry.address().bytes()), Rlp.list(keys)));
    }
    return Rlp.list(encoded);
  }

  private static byte[] envelope(TransactionType type, byte[] list) {
    if (type == TransactionType.LEGACY) {
      return list;
    }
    byte[] out = new byte[list.length + 1];
    out[0] = (byte) TransactionType.EIP_1559_TYPE_BYTE;
    System.arraycopy(list, 0, out, 1, list.length);
    return out;
  }
}
