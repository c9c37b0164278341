package io.fiscus.p2p;

import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.Signer;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;

/**
 * Encodes, decodes and signs hellos. Wire form: RLP {@code [chainId, genesisHash, protocolVersion,
 * headNumber, headHash, listenPort, nodeKey(64), signature(65)]}. The signature is over {@link
 * #signingHash}.
 */
public final class HelloCodec {
  /** Separates hello signatures from every other use of the node key (blocks, QBFT messages). */
  static final Bytes DOMAIN_TAG =
      Bytes.wrap("fiscus/p2p/hello/v1".getBytes(StandardCharsets.UTF_8));

  private HelloCodec() {}

  public static Bytes encode(Hello hello) {
    return Bytes.wrap(
        Rlp.list(
            Rlp.uint(hello.chainId()),
            Rlp.string(hello.genesisHash().bytes()),
            Rlp.uint(hello.protocolVersion()),
            Rlp.uint(hello.head().number()),
            Rlp.string(hello.head().hash().bytes()),
            Rlp.uint(hello.listenPort()),
            Rlp.string(hello.nodeKey().publicKey()),
            Rlp.string(hello.signature().encode())));
  }

  /** Decodes strictly; throws {@link HelloFormatException} on anything malformed. */
  public static Hello decode(Bytes encoded) {
    try {
      RlpReader outer = RlpReader.of(encoded);
      RlpReader fields = outer.enterList();
      outer.requireEnd();
      long chainId = fields.readLong();
      Hash genesis = fields.readHash();
      int version = fields.readInt();
      long headNumber = fields.readLong();
      Hash headHash = fields.readHash();
      int listenPort = fields.readInt();
      PeerId nodeKey = new PeerId(Bytes.wrap(fields.readFixed(64, "node key")));
      Signature signature = Signature.decode(Bytes.wrap(fields.readFixed(65, "signature")));
      fields.requireEnd();
      return new Hello(
          chainId,
          genesis,
          version,
          new ChainHead(headNumber, headHash),
          listenPort,
          nodeKey,
          signature);
    } catch (RlpException | IllegalArgumentException e) {
      throw new HelloFormatException("malformed hello: " + e.getMessage());
    }
  }

  /**
   * The hash a hello's signature covers: keccak of the RLP list of the domain tag, every hello
   * field but the signature, and the session binding.
   */
  public static Hash signingHash(
      long chainId,
      Hash genesisHash,
      int protocolVersion,
      ChainHead head,
      int listenPort,
      PeerId nodeKey,
      SessionBinding binding) {
    return Keccak.hash(
        Bytes.wrap(
            Rlp.list(
                Rlp.string(DOMAIN_TAG),
                Rlp.uint(chainId),
                Rlp.string(genesisHash.bytes()),
                Rlp.uint(protocolVersion),
                Rlp.uint(head.number()),
                Rlp.string(head.hash().bytes()),
                Rlp.uint(listenPort),
                Rlp.string(nodeKey.publicKey()),
                Rlp.string(binding.signerCertificateHash().bytes()),
                Rlp.string(binding.receiverCertificateHash().bytes()),
                Rlp.string(binding.receiverChallenge()))));
  }

  /** The hash {@code hello}'s signature must cover on the session {@code binding}. */
  public static Hash signingHash(Hello hello, SessionBinding binding) {
    return signingHash(
        hello.chainId(),
        hello.genesisHash(),
        hello.protocolVersion(),
        hello.head(),
        hello.listenPort(),
        hello.nodeKey(),
        binding);
  }

  /** This node's hello for one session, signed with its node key. */
  public static Hello sign(
      long chainId,
      Hash genesisHash,
      ChainHead head,
      int listenPort,
      PrivateKey nodeKey,
      Signer signer,
      SessionBinding binding) {
    PeerId self = new PeerId(signer.publicKey(nodeKey));
    Hash hash =
        signingHash(chainId, genesisHash, Hello.PROTOCOL_VERSION, head, listenPort, self, binding);
    return new Hello(
        chainId,
        genesisHash,
        Hello.PROTOCOL_VERSION,
        head,
        listenPort,
        self,
        signer.sign(hash, nodeKey));
  }
}
