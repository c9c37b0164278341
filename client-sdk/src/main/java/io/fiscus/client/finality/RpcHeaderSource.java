package io.fiscus.client.finality;

import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.client.FiscusException;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Headers fetched with {@code eth_getBlockByNumber} (transaction hashes only), in JSON-RPC batches,
 * each rebuilt from its JSON fields and required to hash to the hash the node gives with it, so a
 * header that was rebuilt wrong cannot pass for another.
 */
final class RpcHeaderSource implements HeaderSource {
  private final Web3jService service;

  RpcHeaderSource(Web3jService service) {
    this.service = service;
  }

  @Override
  public List<BlockHeader> headers(long from, long to) {
    if (to < from || to - from >= BATCH_MAX) {
      throw new IllegalArgumentException("bad header range " + from + ".." + to);
    }
    BatchRequest batch = new BatchRequest(service);
    Map<Long, Long> numberById = new HashMap<>();
    for (long number = from; number <= to; number++) {
      Request<?, EthBlock> request =
          new Request<>(
              "eth_getBlockByNumber",
              List.of("0x" + Long.toHexString(number), false),
              service,
              EthBlock.class);
      numberById.put(request.getId(), number);
      batch.add(request);
    }
    BatchResponse response = send(batch, from, to);
    Map<Long, BlockHeader> byNumber = new HashMap<>();
    for (Response<?> answer : response.getResponses()) {
      Long number = numberById.get(answer.getId());
      if (number == null || !(answer instanceof EthBlock block)) {
        throw new FiscusException("the node answered a request it was not sent: " + answer.getId());
      }
      if (block.hasError()) {
        throw new FiscusException(
            "eth_getBlockByNumber "
                + number
                + " failed: "
                + block.getError().getCode()
                + " "
                + block.getError().getMessage());
      }
      byNumber.put(number, header(number, block.getBlock()));
    }
    List<BlockHeader> headers = new ArrayList<>();
    for (long number = from; number <= to; number++) {
      BlockHeader header = byNumber.get(number);
      if (header == null) {
        throw new FinalityVerificationException(
            Reason.HEADER_CHAIN_BROKEN, "the node does not serve block " + number);
      }
      headers.add(header);
    }
    return headers;
  }

  private static BatchResponse send(BatchRequest batch, long from, long to) {
    try {
      return batch.send();
    } catch (IOException e) {
      throw new FiscusException(
          "cannot fetch headers " + from + ".." + to + ": " + e.getMessage(), e);
    }
  }

  /** The header of {@code block}, checked against the hash the node sent with it. */
  static BlockHeader header(long number, EthBlock.Block block) {
    if (block == null) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN, "the node does not serve block " + number);
    }
    BlockHeader header;
    Hash hash;
    try {
      header = rebuild(block);
      hash = QbftBlockHashing.blockHash(header);
    } catch (IllegalArgumentException e) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN,
          "block " + number + " from the node is malformed: " + e.getMessage(),
          e);
    } catch (BlockCodecException e) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN,
          "block " + number + " from the node has no QBFT extraData: " + e.getMessage(),
          e);
    }
    if (header.number() != number || !hash.toHex().equalsIgnoreCase(block.getHash())) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN,
          "block " + number + " from the node does not hash to the hash it is sent with");
    }
    return header;
  }

  private static BlockHeader rebuild(EthBlock.Block block) {
    return new BlockHeader(
        Hash.fromHex(field(block.getParentHash(), "parentHash")),
        Hash.fromHex(field(block.getSha3Uncles(), "sha3Uncles")),
        Address.fromHex(field(block.getMiner(), "miner")),
        Hash.fromHex(field(block.getStateRoot(), "stateRoot")),
        Hash.fromHex(field(block.getTransactionsRoot(), "transactionsRoot")),
        Hash.fromHex(field(block.getReceiptsRoot(), "receiptsRoot")),
        new LogsBloom(Bytes.fromHex(field(block.getLogsBloom(), "logsBloom"))),
        Quantities.parse(block.getDifficultyRaw(), "difficulty"),
        Quantities.parse(block.getNumberRaw(), "number"),
        Quantities.parse(block.getGasLimitRaw(), "gasLimit"),
        Quantities.parse(block.getGasUsedRaw(), "gasUsed"),
        Quantities.parse(block.getTimestampRaw(), "timestamp"),
        Bytes.fromHex(field(block.getExtraData(), "extraData")),
        Hash.fromHex(field(block.getMixHash(), "mixHash")),
        Bytes.fromHex(field(block.getNonceRaw(), "nonce")),
        Quantities.parse(block.getBaseFeePerGasRaw(), "baseFeePerGas"));
  }

  private static String field(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return value;
  }
}
