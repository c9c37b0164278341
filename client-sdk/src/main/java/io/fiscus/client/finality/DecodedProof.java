package io.fiscus.client.finality;

import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.BlockHeaderCodec;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FinalityProof} decoded from its hex, with nothing about it believed yet.
 *
 * @param blockNumber the number the node claims
 * @param blockHash the hash the node claims
 * @param header the sealed header
 * @param validators the validators the node claims the header lists
 * @param transactionIndex the index the node claims
 */
record DecodedProof(
    long blockNumber,
    Hash blockHash,
    BlockHeader header,
    List<Address> validators,
    int transactionIndex,
    Bytes transaction,
    List<Bytes> transactionProof,
    Bytes receipt,
    List<Bytes> receiptProof) {

  /**
   * Decodes {@code proof}.
   *
   * @throws FinalityVerificationException MALFORMED if a field is absent or does not decode
   */
  static DecodedProof of(FinalityProof proof) {
    try {
      long index = Quantities.parse(proof.txIndex(), "txIndex");
      if (index > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("txIndex out of range: " + proof.txIndex());
      }
      return new DecodedProof(
          Quantities.parse(proof.blockNumber(), "blockNumber"),
          Hash.fromHex(required(proof.blockHash(), "blockHash")),
          BlockHeaderCodec.decode(Bytes.fromHex(required(proof.header(), "header"))),
          addresses(proof.validators()),
          (int) index,
          Bytes.fromHex(required(proof.transaction(), "transaction")),
          nodes(proof.txProof(), "txProof"),
          Bytes.fromHex(required(proof.receipt(), "receipt")),
          nodes(proof.receiptProof(), "receiptProof"));
    } catch (IllegalArgumentException | BlockCodecException e) {
      throw new FinalityVerificationException(Reason.MALFORMED, e.getMessage(), e);
    }
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  private static List<Address> addresses(List<String> hex) {
    List<Address> addresses = new ArrayList<>();
    for (String address : required(hex, "validators")) {
      addresses.add(Address.fromHex(required(address, "a validator")));
    }
    return addresses;
  }

  private static List<Bytes> nodes(List<String> hex, String field) {
    List<Bytes> nodes = new ArrayList<>();
    for (String node : required(hex, field)) {
      nodes.add(Bytes.fromHex(required(node, "a node of " + field)));
    }
    return nodes;
  }

  private static <T> List<T> required(List<T> value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }
}
