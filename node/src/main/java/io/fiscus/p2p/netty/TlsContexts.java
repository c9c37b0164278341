package io.fiscus.p2p.netty;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import javax.net.ssl.SSLException;

/**
 * TLS 1.3 on the JDK engine, both sides presenting their certificate. Any certificate is accepted
 * at the TLS layer on purpose: TLS gives confidentiality and a per-session certificate pair, and
 * the signed hello, which covers both certificates' hashes, decides who the peer is.
 */
record TlsContexts(SslContext server, SslContext client) {
  private static final String TLS_1_3 = "TLSv1.3";

  static TlsContexts of(TlsIdentity identity) {
    try {
      SslContext server =
          SslContextBuilder.forServer(identity.key(), identity.certificate())
              .sslProvider(SslProvider.JDK)
              .protocols(TLS_1_3)
              .clientAuth(ClientAuth.REQUIRE)
              .trustManager(InsecureTrustManagerFactory.INSTANCE)
              .build();
      SslContext client =
          SslContextBuilder.forClient()
              .sslProvider(SslProvider.JDK)
              .protocols(TLS_1_3)
              .keyManager(identity.key(), identity.certificate())
              .trustManager(InsecureTrustManagerFactory.INSTANCE)
              // Peers are named by node key, not host name: there is no name to check.
              .endpointIdentificationAlgorithm(null)
              .build();
      return new TlsContexts(server, client);
    } catch (SSLException e) {
      throw new IllegalStateException("the JDK cannot set up TLS 1.3: " + e.getMessage(), e);
    }
  }
}
