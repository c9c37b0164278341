package io.fiscus.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

/**
 * Loads an account's signing key as Web3j {@link Credentials}. Nodes hold no user keys: every
 * transaction is signed here, in the client.
 */
public final class Keys {
  private Keys() {}

  /**
   * A new random key, e.g. for a customer a bank is about to register.
   *
   * @return fresh credentials
   * @throws FiscusException if the platform has no secure random source for it
   */
  public static Credentials generate() {
    try {
      return Credentials.create(org.web3j.crypto.Keys.createEcKeyPair());
    } catch (GeneralSecurityException e) {
      throw new FiscusException("cannot generate a key: " + e.getMessage(), e);
    }
  }

  /**
   * Credentials from a hex private key.
   *
   * @param privateKeyHex 32 bytes of hex, with or without {@code 0x}
   * @return the credentials
   * @throws IllegalArgumentException if the text is not a private key
   */
  public static Credentials fromPrivateKey(String privateKeyHex) {
    String key = privateKeyHex.strip();
    if (!WalletUtils.isValidPrivateKey(key)) {
      throw new IllegalArgumentException("not a 32-byte hex private key");
    }
    return Credentials.create(key);
  }

  /**
   * Credentials from a file holding a hex private key (one line; surrounding whitespace ignored).
   *
   * @param keyFile the file
   * @return the credentials
   * @throws FiscusException if the file cannot be read
   * @throws IllegalArgumentException if it does not hold a private key
   */
  public static Credentials fromPrivateKeyFile(Path keyFile) {
    try {
      return fromPrivateKey(Files.readString(keyFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new FiscusException("cannot read key file " + keyFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Credentials from an encrypted Ethereum keystore (V3 JSON) file.
   *
   * @param keystoreFile the keystore
   * @param password its password
   * @return the credentials
   * @throws FiscusException if the file cannot be read or the password is wrong
   */
  public static Credentials fromKeystore(Path keystoreFile, String password) {
    try {
      return WalletUtils.loadCredentials(password, keystoreFile.toFile());
    } catch (IOException e) {
      throw new FiscusException("cannot read keystore " + keystoreFile + ": " + e.getMessage(), e);
    } catch (CipherException e) {
      throw new FiscusException(
          "cannot decrypt keystore " + keystoreFile + " (wrong password?)", e);
    }
  }

  /**
   * Credentials from an encrypted keystore whose password is the first line of a file.
   *
   * @param keystoreFile the keystore
   * @param passwordFile the file holding the password
   * @return the credentials
   * @throws FiscusException if a file cannot be read or the password is wrong
   */
  public static Credentials fromKeystore(Path keystoreFile, Path passwordFile) {
    String password;
    try {
      password =
          Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    } catch (IOException e) {
      throw new FiscusException(
          "cannot read password file " + passwordFile + ": " + e.getMessage(), e);
    }
    return fromKeystore(keystoreFile, password);
  }
}
