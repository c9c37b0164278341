package io.fiscus.app;

import io.fiscus.rpc.eth.NodeIdentity;
import picocli.CommandLine;

/** The version, from the jar manifest when packaged, else the development version. */
public final class FiscusVersion implements CommandLine.IVersionProvider {
  public static String version() {
    String fromJar = FiscusVersion.class.getPackage().getImplementationVersion();
    return fromJar != null ? fromJar : "0.1.0-SNAPSHOT";
  }

  @Override
  public String[] getVersion() {
    return new String[] {NodeIdentity.clientVersion(version())};
  }
}
