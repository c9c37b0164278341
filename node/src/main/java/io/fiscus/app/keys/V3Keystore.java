package io.fiscus.app.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The Ethereum "Web3 Secret Storage" (version 3) keystore, as geth and Web3j write it: the key
 * encrypted with AES-128-CTR under the first half of a key derived from the password (scrypt;
 * PBKDF2-HMAC-SHA256 is read too), and a MAC, keccak256(second half ‖ ciphertext), that tells a
 * wrong password from a right one. The password is taken as UTF-8 bytes, as Web3j does.
 */
public final class V3Keystore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final int DERIVED_KEY_BYTES = 32;
  private static final int PBKDF2_ITERATIONS_MAX = 10_000_000;

  private V3Keystore() {}

  /** The keystore JSON of {@code key} under {@code password}, with a fresh salt, IV and id. */
  public static String encrypt(
      PrivateKey key, String password, ScryptParameters cost, SecureRandom random) {
    byte[] salt = randomBytes(random, 32);
    byte[] iv = randomBytes(random, 16);
    byte[] derived = scrypt(password, salt, cost);
    byte[] ciphertext = aesCtr(derived, iv, key.toBytes().toArray());
    ObjectNode kdfParams = JSON.createObjectNode();
    kdfParams.put("dklen", DERIVED_KEY_BYTES);
    kdfParams.put("n", cost.n());
    kdfParams.put("p", cost.p());
    kdfParams.put("r", cost.r());
    kdfParams.put("salt", HEX.formatHex(salt));
    ObjectNode crypto = JSON.createObjectNode();
    crypto.put("cipher", "aes-128-ctr");
    crypto.put("ciphertext", HEX.formatHex(ciphertext));
    crypto.putObject("cipherparams").put("iv", HEX.formatHex(iv));
    crypto.put("kdf", "scrypt");
    crypto.set("kdfparams", kdfParams);
    crypto.put("mac", HEX.formatHex(mac(derived, ciphertext)));
    ObjectNode root = JSON.createObjectNode();
    root.put("address", Secp256k1.address(key).toHex().substring(2));
    root.set("crypto", crypto);
    root.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
    root.put("version", 3);
    return root.toString();
  }

  /**
   * The key in keystore {@code json}.
   *
   * @throws KeystoreException WRONG_PASSWORD when the MAC does not match, MALFORMED when the JSON
   *     is not a version 3 keystore with a cipher and KDF this node reads
   */
  public static PrivateKey decrypt(String json, String password) {
    JsonNode crypto;
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || root.path("version").asInt() != 3) {
        throw malformed("not a version 3 keystore");
      }
      // geth writes "crypto"; some older tools wrote "Crypto".
      crypto = root.has("crypto") ? root.get("crypto") : root.path("Crypto");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new KeystoreException(KeystoreException.Kind.MALFORMED, "not JSON", e);
    }
    if (!"aes-128-ctr".equals(crypto.path("cipher").asText())) {
      throw malformed("cipher " + crypto.path("cipher").asText() + " (only aes-128-ctr is read)");
    }
    byte[] ciphertext = hex(crypto, "ciphertext");
    byte[] iv = hex(crypto.path("cipherparams"), "iv");
    if (ciphertext.length != 32 || iv.length != 16) {
      throw malformed("expected a 32-byte ciphertext and a 16-byte IV");
    }
    byte[] derived = derive(crypto, password);
    if (!MessageDigest.isEqual(mac(derived, ciphertext), hex(crypto, "mac"))) {
      throw new KeystoreException(
          KeystoreException.Kind.WRONG_PASSWORD, "wrong password (the keystore's MAC differs)");
    }
    byte[] plain = aesCtr(derived, iv, ciphertext);
    try {
      return PrivateKey.fromHex(HEX.formatHex(plain));
    } catch (IllegalArgumentException e) {
      throw malformed("the decrypted key is not a valid secp256k1 private key");
    } finally {
      Arrays.fill(plain, (byte) 0);
      Arrays.fill(derived, (byte) 0);
    }
  }

  private static byte[] derive(JsonNode crypto, String password) {
    JsonNode params = crypto.path("kdfparams");
    if (params.path("dklen").asInt() != DERIVED_KEY_BYTES) {
      throw malformed("kdfparams.dklen must be 32");
    }
    byte[] salt = hex(params, "salt");
    String kdf = crypto.path("kdf").asText().toLowerCase(Locale.ROOT);
    return switch (kdf) {
      case "scrypt" -> scrypt(password, salt, scryptCost(params));
      case "pbkdf2" -> pbkdf2(password, salt, params);
      default -> throw malformed("kdf " + kdf + " (only scrypt and pbkdf2 are read)");
    };
  }

  private static ScryptParameters scryptCost(JsonNode params) {
    try {
      return new ScryptParameters(
          params.path("n").asInt(), params.path("r").asInt(), params.path("p").asInt());
    } catch (IllegalArgumentException e) {
      throw malformed("kdfparams: " + e.getMessage());
    }
  }

  private static byte[] scrypt(String password, byte[] salt, ScryptParameters cost) {
    return SCrypt.generate(
        password.getBytes(StandardCharsets.UTF_8),
        salt,
        cost.n(),
        cost.r(),
        cost.p(),
        DERIVED_KEY_BYTES);
  }

  private static byte[] pbkdf2(String password, byte[] salt, JsonNode params) {
    int iterations = params.path("c").asInt();
    if (!"hmac-sha256".equals(params.path("prf").asText())
        || iterations < 1
        || iterations > PBKDF2_ITERATIONS_MAX) {
      throw malformed("pbkdf2 needs prf hmac-sha256 and 1..10^7 iterations");
    }
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
    generator.init(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
    return ((KeyParameter) generator.generateDerivedParameters(DERIVED_KEY_BYTES * 8)).getKey();
  }

  private static byte[] aesCtr(byte[] derived, byte[] iv, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(Arrays.copyOfRange(derived, 0, 16), "AES"),
          new IvParameterSpec(iv));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128-CTR is part of every JDK", e);
    }
  }

  private static byte[] mac(byte[] derived, byte[] ciphertext) {
    byte[] input = new byte[16 + ciphertext.length];
    System.arraycopy(derived, 16, input, 0, 16);
    System.arraycopy(ciphertext, 0, input, 16, ciphertext.length);
    return Keccak.hash(Bytes.wrap(input)).bytes().toArray();
  }

  private static byte[] hex(JsonNode parent, String field) {
    String text = parent.path(field).asText("");
    try {
      return HEX.parseHex(text.startsWith("0x") ? text.substring(2) : text);
    } catch (IllegalArgumentException e) {
      throw malformed(field + " is not hex");
    }
  }

  private static byte[] randomBytes(SecureRandom random, int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static KeystoreException malformed(String detail) {
    return new KeystoreException(KeystoreException.Kind.MALFORMED, detail);
  }
}
