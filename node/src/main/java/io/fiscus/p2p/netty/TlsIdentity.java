package io.fiscus.p2p.netty;

import io.fiscus.crypto.Keccak;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * The node's TLS key and self-signed certificate (EC P-256, which the JDK's TLS 1.3 supports
 * everywhere), created on first start in the data directory as {@code p2p-tls.key} (PKCS#8 PEM,
 * mode 600) and {@code p2p-tls.crt} (PEM) and reused afterwards. The certificate proves nothing
 * about the node: identity comes from the hello, which signs the certificate's hash.
 */
record TlsIdentity(PrivateKey key, X509Certificate certificate) {
  static final String KEY_FILE = "p2p-tls.key";
  static final String CERTIFICATE_FILE = "p2p-tls.crt";

  /** Keccak of the certificate's DER encoding, as the hello binds it. */
  Hash certificateHash() {
    return hashOf(certificate);
  }

  static Hash hashOf(java.security.cert.Certificate certificate) {
    try {
      return Keccak.hash(Bytes.wrap(certificate.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a certificate the TLS stack accepted does not encode", e);
    }
  }

  static TlsIdentity loadOrCreate(Path dataDirectory) {
    Path keyFile = dataDirectory.resolve(KEY_FILE);
    Path certificateFile = dataDirectory.resolve(CERTIFICATE_FILE);
    try {
      if (Files.exists(keyFile) && Files.exists(certificateFile)) {
        return load(keyFile, certificateFile);
      }
      Files.createDirectories(dataDirectory);
      TlsIdentity created = generate();
      writeSecret(keyFile, pem(new JcaPKCS8Generator(created.key, null)));
      Files.writeString(certificateFile, pem(created.certificate));
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the p2p TLS identity in " + dataDirectory, e);
    }
  }

  private static TlsIdentity load(Path keyFile, Path certificateFile) throws IOException {
    try (PEMParser keys = new PEMParser(new StringReader(Files.readString(keyFile)));
        PEMParser certificates =
            new PEMParser(new StringReader(Files.readString(certificateFile)))) {
      if (!(keys.readObject() instanceof PrivateKeyInfo keyInfo)) {
        throw new IOException(keyFile + " does not hold a PKCS#8 private key");
      }
      if (!(certificates.readObject() instanceof X509CertificateHolder holder)) {
        throw new IOException(certificateFile + " does not hold a certificate");
      }
      return new TlsIdentity(
          new JcaPEMKeyConverter().getPrivateKey(keyInfo),
          new JcaX509CertificateConverter().getCertificate(holder));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the p2p TLS identity: " + e.getMessage(), e);
    }
  }

  private static TlsIdentity generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X500Name name = new X500Name("CN=fiscus-node");
      Instant now = Instant.now();
      X509CertificateHolder holder =
          new JcaX509v3CertificateBuilder(
                  name,
                  new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(365L * 100))),
                  name,
                  pair.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      return new TlsIdentity(
          pair.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("the JDK cannot make an EC P-256 certificate", e);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      if (object instanceof PemObjectGenerator generator) {
        writer.writeObject(generator);
      } else {
        writer.writeObject(object);
      }
    }
    return out.toString();
  }

  /** Writes through a temporary file created owner-only, so the key is never world-readable. */
  private static void writeSecret(Path file, String content) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temporary);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another process is writing " + file, e);
    }
    Files.writeString(temporary, content);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
