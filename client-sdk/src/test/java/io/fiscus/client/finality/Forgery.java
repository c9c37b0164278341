package io.fiscus.client.finality;

import io.fiscus.block.BlockHeader;
import io.fiscus.block.BlockHeaderCodec;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.function.UnaryOperator;

/** What a lying node can do to a proof: change any part of it, re-seal headers with keys it has. */
final class Forgery {
  private Forgery() {}

  static BlockHeader header(FinalityProof proof) {
    return BlockHeaderCodec.decode(Bytes.fromHex(proof.header()));
  }

  static QbftExtraData extraData(BlockHeader header) {
    return QbftExtraDataCodec.decode(header.extraData());
  }

  /** {@code proof} with {@code header}, its hash and its validators: consistent, if not sealed. */
  static FinalityProof withHeader(FinalityProof proof, BlockHeader header) {
    return new FinalityProof(
        proof.blockNumber(),
        QbftBlockHashing.blockHash(header).toHex(),
        BlockHeaderCodec.encode(header).toHex(),
        extraData(header).validators().stream().map(Address::toHex).toList(),
        proof.txIndex(),
        proof.transaction(),
        proof.txProof(),
        proof.receipt(),
        proof.receiptProof());
  }

  static FinalityProof withBlockHash(FinalityProof proof, String blockHash) {
    return new FinalityProof(
        proof.blockNumber(),
        blockHash,
        proof.header(),
        proof.validators(),
        proof.txIndex(),
        proof.transaction(),
        proof.txProof(),
        proof.receipt(),
        proof.receiptProof());
  }

  static FinalityProof withValidators(FinalityProof proof, List<String> validators) {
    return new FinalityProof(
        proof.blockNumber(),
        proof.blockHash(),
        proof.header(),
        validators,
        proof.txIndex(),
        proof.transaction(),
        proof.txProof(),
        proof.receipt(),
        proof.receiptProof());
  }

  static FinalityProof withTransaction(FinalityProof proof, String transaction) {
    return new FinalityProof(
        proof.blockNumber(),
        proof.blockHash(),
        proof.header(),
        proof.validators(),
        proof.txIndex(),
        transaction,
        proof.txProof(),
        proof.receipt(),
        proof.receiptProof());
  }

  static FinalityProof withTransactionProof(FinalityProof proof, List<String> nodes) {
    return new FinalityProof(
        proof.blockNumber(),
        proof.blockHash(),
        proof.header(),
        proof.validators(),
        proof.txIndex(),
        proof.transaction(),
        nodes,
        proof.receipt(),
        proof.receiptProof());
  }

  static FinalityProof withReceipt(FinalityProof proof, String receipt) {
    return new FinalityProof(
        proof.blockNumber(),
        proof.blockHash(),
        proof.header(),
        proof.validators(),
        proof.txIndex(),
        proof.transaction(),
        proof.txProof(),
        receipt,
        proof.receiptProof());
  }

  static FinalityProof withReceiptProof(FinalityProof proof, List<String> nodes) {
    return new FinalityProof(
        proof.blockNumber(),
        proof.blockHash(),
        proof.header(),
        proof.validators(),
        proof.txIndex(),
        proof.transaction(),
        proof.txProof(),
        proof.receipt(),
        nodes);
  }

  /** {@code header} with its seals edited. */
  static BlockHeader editSeals(BlockHeader header, UnaryOperator<List<Signature>> edit) {
    return QbftBlockHashing.withCommitSeals(header, edit.apply(extraData(header).commitSeals()));
  }

  /** A commit seal of {@code header} by {@code key}. */
  static Signature seal(BlockHeader header, PrivateKey key) {
    return Secp256k1.signer().sign(QbftBlockHashing.commitSealHash(header), key);
  }

  /** {@code header} with its seals replaced by seals of {@code keys}. */
  static BlockHeader resealed(BlockHeader header, List<PrivateKey> keys) {
    BlockHeader unsealed = QbftBlockHashing.withCommitSeals(header, List.of());
    return QbftBlockHashing.withCommitSeals(
        unsealed, keys.stream().map(key -> seal(unsealed, key)).toList());
  }

  /** {@code header} listing {@code validators} in its extraData instead. */
  static BlockHeader listing(BlockHeader header, List<Address> validators) {
    QbftExtraData extraData = extraData(header);
    return header.withExtraData(
        QbftExtraDataCodec.encode(
            new QbftExtraData(
                extraData.vanity(),
                validators.stream().sorted().toList(),
                extraData.vote(),
                extraData.round(),
                extraData.commitSeals())));
  }

  static BlockHeader withTransactionsRoot(BlockHeader h, Hash root) {
    return new BlockHeader(
        h.parentHash(),
        h.ommersHash(),
        h.coinbase(),
        h.stateRoot(),
        root,
        h.receiptsRoot(),
        h.logsBloom(),
        h.difficulty(),
        h.number(),
        h.gasLimit(),
        h.gasUsed(),
        h.timestamp(),
        h.extraData(),
        h.mixHash(),
        h.nonce(),
        h.baseFeePerGas());
  }

  static BlockHeader withParentHash(BlockHeader h, Hash parent) {
    return new BlockHeader(
        parent,
        h.ommersHash(),
        h.coinbase(),
        h.stateRoot(),
        h.transactionsRoot(),
        h.receiptsRoot(),
        h.logsBloom(),
        h.difficulty(),
        h.number(),
        h.gasLimit(),
        h.gasUsed(),
        h.timestamp(),
        h.extraData(),
        h.mixHash(),
        h.nonce(),
        h.baseFeePerGas());
  }

  static String flipLastByte(String hex) {
    byte[] bytes = Bytes.fromHex(hex).toArray();
    bytes[bytes.length - 1] ^= 1;
    return Bytes.wrap(bytes).toHex();
  }
}
