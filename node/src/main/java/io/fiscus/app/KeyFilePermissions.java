package io.fiscus.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule for secret files (node key, keystore password, TLS key): only their owner may read them.
 * A file group or others can read is refused at start with the fix; on a file system without POSIX
 * permissions the check is skipped with a warning.
 */
final class KeyFilePermissions {
  private static final Logger LOG = LoggerFactory.getLogger(KeyFilePermissions.class);
  private static final Set<PosixFilePermission> OTHERS_AND_GROUP =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private KeyFilePermissions() {}

  /**
   * Refuses {@code file} (exit code 1) if group or others have any access to it.
   *
   * @param what what the file is, for the message ("node key file")
   */
  static void requireOwnerOnly(Path file, String what) {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      LOG.warn("Cannot check who may read {} {}: no POSIX permissions here", what, file);
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      LOG.warn("Cannot check who may read {} {}: no POSIX permissions here", what, file);
      return;
    } catch (IOException e) {
      throw new CliException(1, what + " " + file + ": cannot read its permissions: " + e);
    }
    if (permissions.stream().anyMatch(OTHERS_AND_GROUP::contains)) {
      throw new CliException(
          1,
          what
              + " "
              + file
              + " has mode "
              + octal(permissions)
              + " ("
              + PosixFilePermissions.toString(permissions)
              + "): others than its owner may use it; run: chmod 600 "
              + file);
    }
  }

  /** The permissions as the three octal digits {@code ls} and {@code chmod} use, e.g. 644. */
  static String octal(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return String.format("%03o", mode);
  }
}
