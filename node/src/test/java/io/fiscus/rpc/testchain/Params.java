package io.fiscus.rpc.testchain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.rpc.RpcParams;
import java.io.UncheckedIOException;

/** Builds RPC params from JSON text, the way requests arrive. */
public final class Params {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Params() {}

  /** {@code json} is the params array, e.g. {@code ["0xab", "latest"]}. */
  public static RpcParams of(String json) {
    return new RpcParams(parse(json));
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code result} (a method's answer) as JSON text, as the server would write it. */
  public static String write(Object result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
