package io.fiscus.tx;

import static io.fiscus.tx.TransactionRejection.FIELD_OUT_OF_RANGE;
import static io.fiscus.tx.TransactionRejection.HIGH_S;
import static io.fiscus.tx.TransactionRejection.INVALID_SIGNATURE;
import static io.fiscus.tx.TransactionRejection.MALFORMED_RLP;
import static io.fiscus.tx.TransactionRejection.PRIORITY_FEE_ABOVE_MAX_FEE;
import static io.fiscus.tx.TransactionRejection.TRAILING_BYTES;
import static io.fiscus.tx.TransactionRejection.UNRECOVERABLE_SENDER;
import static io.fiscus.tx.TransactionRejection.UNSUPPORTED_TYPE;

import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Decodes and encodes signed Ethereum transactions: legacy (with or without EIP-155) and EIP-1559.
 * Decoding is strict and structural: canonical RLP, exact field counts, bounded integers, signature
 * values in range with low s (EIP-2), and the sender recovered. It enforces no chain or Fiscus
 * policy; {@link TransactionAdmission} does that on top.
 */
public final class TransactionCodec {
  private static final int LEGACY_FIELDS = 9;
  private static final int EIP_1559_FIELDS = 12;
  private static final int LAST_TYPE_BYTE = 0x7f;
  private static final int FIRST_LIST_PREFIX = 0xc0;
  private static final BigInteger PRE_EIP155_V = BigInteger.valueOf(27);
  private static final BigInteger EIP155_V_OFFSET = BigInteger.valueOf(35);

  private final SignatureRecovery recovery;

  public TransactionCodec(SignatureRecovery recovery) {
    this.recovery = Objects.requireNonNull(recovery, "recovery");
  }

  /** A codec recovering senders with the fastest secp256k1 implementation that loads. */
  public static TransactionCodec withDefaultRecovery() {
    return new TransactionCodec(Secp256k1.recovery());
  }

  /** Decodes raw transaction bytes; never throws on bad input. */
  public TransactionDecoding decode(Bytes raw) {
    if (raw.isEmpty()) {
      return new TransactionDecoding.Rejected(
          TransactionRejection.EMPTY_INPUT, "no transaction bytes");
    }
    try {
      return new TransactionDecoding.Decoded(decodeOrReject(raw));
    } catch (RejectedInput rejected) {
      return new TransactionDecoding.Rejected(rejected.reason(), rejected.getMessage());
    } catch (RlpException malformed) {
      return new TransactionDecoding.Rejected(MALFORMED_RLP, malformed.getMessage());
    }
  }

  /** The bytes whose keccak256 the sender signs. */
  public static Bytes signingPayload(UnsignedTransaction transaction) {
    return Bytes.wrap(TransactionEncoding.signingPayload(transaction));
  }

  /** keccak256 of {@link #signingPayload}. */
  public static Hash signingHash(UnsignedTransaction transaction) {
    return Keccak.hash(signingPayload(transaction));
  }

  /** The raw signed transaction, as sent to {@code eth_sendRawTransaction}. */
  public static Bytes encode(UnsignedTransaction transaction, Signature signature) {
    return Bytes.wrap(TransactionEncoding.signed(transaction, signature));
  }

  private SignedTransaction decodeOrReject(Bytes raw) {
    int first = raw.get(0) & 0xff;
    if (first >= FIRST_LIST_PREFIX) {
      return decodeLegacy(raw, fields(raw.unsafeArray(), LEGACY_FIELDS, "legacy transaction"));
    }
    if (first == TransactionType.EIP_1559_TYPE_BYTE) {
      byte[] payload = raw.slice(1, raw.size()).toArray();
      return decodeEip1559(raw, fields(payload, EIP_1559_FIELDS, "EIP-1559 transaction"));
    }
    if (first <= LAST_TYPE_BYTE) {
      throw new RejectedInput(
          UNSUPPORTED_TYPE, "transaction type 0x" + Integer.toHexString(first) + " unsupported");
    }
    throw new RejectedInput(MALFORMED_RLP, "a transaction is an RLP list or a typed envelope");
  }

  private static TransactionFields fields(byte[] encoded, int count, String kind) {
    RlpReader top = RlpReader.of(encoded);
    RlpReader list = top.enterList();
    if (top.hasNext()) {
      throw new RejectedInput(TRAILING_BYTES, "bytes follow the " + kind);
    }
    return TransactionFields.split(list, count, kind);
  }

  private SignedTransaction decodeLegacy(Bytes raw, TransactionFields fields) {
    long nonce = fields.uint63(0, "nonce");
    BigInteger gasPrice = fields.uint256(1, "gasPrice");
    long gasLimit = fields.uint63(2, "gasLimit");
    var to = fields.recipient(3);
    BigInteger value = fields.uint256(4, "value");
    Bytes data = fields.bytes(5);
    BigInteger v = fields.uint(6, "v");
    OptionalLong chainId;
    BigInteger recoveryId;
    if (v.equals(PRE_EIP155_V) || v.equals(PRE_EIP155_V.add(BigInteger.ONE))) {
      chainId = OptionalLong.empty();
      recoveryId = v.subtract(PRE_EIP155_V);
    } else if (v.compareTo(EIP155_V_OFFSET) >= 0) {
      chainId = OptionalLong.of(chainIdOf(v));
      recoveryId = v.subtract(EIP155_V_OFFSET).mod(BigInteger.TWO);
    } else {
      throw new RejectedInput(INVALID_SIGNATURE, "v = " + v + " is neither 27/28 nor EIP-155");
    }
    requireGasCostFits(gasLimit, gasPrice);
    UnsignedTransaction unsigned =
        UnsignedTransaction.legacy(chainId, nonce, gasPrice, gasLimit, to, value, data);
    return signed(raw, unsigned, fields.uint(7, "r"), fields.uint(8, "s"), recoveryId);
  }

  private static long chainIdOf(BigInteger v) {
    BigInteger chainId = v.subtract(EIP155_V_OFFSET).shiftRight(1);
    if (chainId.bitLength() > Long.SIZE - 1) {
      throw new RejectedInput(FIELD_OUT_OF_RANGE, "EIP-155 chain id must be below 2^63");
    }
    return chainId.longValueExact();
  }

  private SignedTransaction decodeEip1559(Bytes raw, TransactionFields fields) {
    long chainId = fields.uint63(0, "chainId");
    long nonce = fields.uint63(1, "nonce");
    BigInteger maxPriorityFeePerGas = fields.uint256(2, "maxPriorityFeePerGas");
    BigInteger maxFeePerGas = fields.uint256(3, "maxFeePerGas");
    long gasLimit = fields.uint63(4, "gasLimit");
    var to = fields.recipient(5);
    BigInteger value = fields.uint256(6, "value");
    Bytes data = fields.bytes(7);
    var accessList = fields.accessList(8);
    BigInteger yParity = fields.uint(9, "yParity");
    if (yParity.compareTo(BigInteger.ONE) > 0) {
      throw new RejectedInput(INVALID_SIGNATURE, "yParity must be 0 or 1, got " + yParity);
    }
    if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
      throw new RejectedInput(
          PRIORITY_FEE_ABOVE_MAX_FEE, "maxPriorityFeePerGas exceeds maxFeePerGas");
    }
    requireGasCostFits(gasLimit, maxFeePerGas);
    UnsignedTransaction unsigned =
        UnsignedTransaction.eip1559(
            chainId,
            nonce,
            maxPriorityFeePerGas,
            maxFeePerGas,
            gasLimit,
            to,
            value,
            data,
            accessList);
    return signed(raw, unsigned, fields.uint(10, "r"), fields.uint(11, "s"), yParity);
  }

  /** The most a sender could be charged, gasLimit × fee, must itself be a 256-bit amount. */
  private static void requireGasCostFits(long gasLimit, BigInteger feePerGas) {
    if (BigInteger.valueOf(gasLimit).multiply(feePerGas).bitLength()
        > UnsignedTransaction.UINT256_BITS) {
      throw new RejectedInput(FIELD_OUT_OF_RANGE, "gasLimit × fee per gas exceeds 256 bits");
    }
  }

  private SignedTransaction signed(
      Bytes raw, UnsignedTransaction unsigned, BigInteger r, BigInteger s, BigInteger recoveryId) {
    Signature signature = signature(r, s, recoveryId.intValueExact());
    Address sender =
        recovery
            .recoverAddress(signingHash(unsigned), signature)
            .orElseThrow(
                () -> new RejectedInput(UNRECOVERABLE_SENDER, "no public key matches signature"));
    return SignedTransaction.of(unsigned, signature, sender, Keccak.hash(raw), raw);
  }

  /** The one place that judges r and s, high s included (EIP-2, as every fork since Homestead). */
  private static Signature signature(BigInteger r, BigInteger s, int recoveryId) {
    if (r.signum() == 0 || r.compareTo(Signature.CURVE_ORDER) >= 0) {
      throw new RejectedInput(INVALID_SIGNATURE, "r must be in [1, n-1]");
    }
    if (s.signum() == 0 || s.compareTo(Signature.CURVE_ORDER) >= 0) {
      throw new RejectedInput(INVALID_SIGNATURE, "s must be in [1, n-1]");
    }
    if (s.compareTo(Signature.HALF_CURVE_ORDER) > 0) {
      throw new RejectedInput(HIGH_S, "s must be at most n/2 (EIP-2)");
    }
    return new Signature(r, s, recoveryId);
  }
}
