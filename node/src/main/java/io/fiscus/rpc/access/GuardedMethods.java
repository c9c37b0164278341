package io.fiscus.rpc.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.chain.ChainReader;
import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.auth.Caller;
import io.fiscus.state.StateView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Puts every method of the node behind the visibility rules (ADR 0020). Each method has a {@link
 * Guard} in {@link MethodGuards}; a method without one is refused to everyone, so a new method
 * cannot leak by being forgotten. Anonymous calls (only the no-auth methods reach here) are served
 * only by public methods. Installed only when {@code --rpc-authentication-enabled} is on.
 */
public final class GuardedMethods {
  static final ObjectMapper JSON = JsonRpcDispatcher.newMapper();

  private final ChainReader chain;
  private final AccessLog accessLog;
  private final LongSupplier clockSeconds;

  /**
   * @param accessLog where recorded looks go, before their answer is returned
   * @param clockSeconds the time a look is recorded at (Unix seconds)
   */
  public GuardedMethods(ChainReader chain, AccessLog accessLog, LongSupplier clockSeconds) {
    this.chain = chain;
    this.accessLog = accessLog;
    this.clockSeconds = clockSeconds;
  }

  /** Every method of {@code methods} behind its guard, by the same names. */
  public Map<String, RpcMethod> guard(Map<String, RpcMethod> methods) {
    Map<String, RpcMethod> guarded = new LinkedHashMap<>();
    methods.forEach((name, method) -> guarded.put(name, guard(name, method)));
    return Map.copyOf(guarded);
  }

  /** {@code method} behind the guard {@link MethodGuards} gives {@code name}. */
  public RpcMethod guard(String name, RpcMethod method) {
    Optional<Guard> guard = MethodGuards.of(name);
    return params -> serve(name, guard, method, params);
  }

  private Object serve(String name, Optional<Guard> guard, RpcMethod method, RpcParams params) {
    if (guard.isEmpty()) {
      throw RpcException.forbidden(name + " is not classified by the visibility rules");
    }
    Optional<Caller> caller = params.caller();
    if (caller.isEmpty()) {
      if (guard.get() == Guard.PUBLIC) {
        return method.call(params);
      }
      throw RpcException.forbidden(name + " needs an authenticated caller");
    }
    return guard.get().serve(visibility(caller.get(), name), params, method);
  }

  /** The rules for one call by {@code caller}, with its roles read from the head. */
  public Visibility visibility(Caller caller, String method) {
    StateView head = chain.latestState();
    return new Visibility(Viewer.of(caller, head), method, chain, head, accessLog, clockSeconds);
  }

  /** A method's answer as a JSON tree, for the filters. */
  static JsonNode tree(Object result) {
    return JSON.valueToTree(result);
  }
}
