package io.fiscus.crypto;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9IntegerConverter;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Curve;

/** Pure-Java secp256k1 on Bouncy Castle: portable, and the reference the native path must match. */
public final class BouncyCastleSecp256k1 implements SignatureRecovery, Signer {
  static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters CURVE =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

  @Override
  public Optional<Bytes> recoverPublicKey(Hash messageHash, Signature signature) {
    BigInteger n = CURVE.getN();
    BigInteger r = signature.r();
    // Fiscus only accepts recovery ids 0 and 1, so x = r (the x = r + n case is never used).
    BigInteger prime = SecP256K1Curve.q;
    if (r.compareTo(prime) >= 0) {
      return Optional.empty();
    }
    ECPoint point = decompress(r, (signature.recoveryId() & 1) == 1);
    if (point == null || !point.multiply(n).isInfinity()) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, messageHash.bytes().unsafeArray());
    BigInteger rInverse = r.modInverse(n);
    BigInteger u1 = e.negate().mod(n).multiply(rInverse).mod(n);
    BigInteger u2 = signature.s().multiply(rInverse).mod(n);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, point, u2).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    byte[] encoded = q.getEncoded(false);
    return Optional.of(Bytes.wrap(Arrays.copyOfRange(encoded, 1, 65)));
  }

  @Override
  public Signature sign(Hash messageHash, PrivateKey key) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(key.value(), CURVE));
    BigInteger[] rs = signer.generateSignature(messageHash.bytes().toArray());
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    if (s.compareTo(Signature.HALF_CURVE_ORDER) > 0) {
      s = CURVE.getN().subtract(s);
    }
    Bytes publicKey = publicKey(key);
    for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
      Signature candidate = new Signature(r, s, recoveryId);
      if (recoverPublicKey(messageHash, candidate).filter(publicKey::equals).isPresent()) {
        return candidate;
      }
    }
    throw new IllegalStateException("no recovery id reproduces the signing key");
  }

  @Override
  public Bytes publicKey(PrivateKey key) {
    ECPoint point = new FixedPointCombMultiplier().multiply(CURVE.getG(), key.value()).normalize();
    byte[] encoded = point.getEncoded(false);
    return Bytes.wrap(Arrays.copyOfRange(encoded, 1, 65));
  }

  @Override
  public String name() {
    return "bouncycastle";
  }

  private static ECPoint decompress(BigInteger x, boolean yOdd) {
    X9IntegerConverter converter = new X9IntegerConverter();
    byte[] compressed = converter.integerToBytes(x, 1 + converter.getByteLength(CURVE.getCurve()));
    compressed[0] = (byte) (yOdd ? 0x03 : 0x02);
    try {
      return CURVE.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
  }
}
