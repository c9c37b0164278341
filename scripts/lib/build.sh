# Sourced by the launchers: builds the node and the client SDK (quietly) when their jars are
# missing or older than the sources. Needs use_jdk21 first.

FISCUS_NODE_JAR=node/target/fiscus-node-0.1.0-SNAPSHOT.jar
FISCUS_CLIENT_JAR=client-sdk/target/fiscus-client-sdk-0.1.0-SNAPSHOT.jar
# Touched after each successful build. A stamp rather than the jars' own times: Maven leaves a jar
# untouched when only test sources changed, which would make every later run look stale.
FISCUS_BUILD_STAMP=client-sdk/target/launchers.stamp

ensure_built() {
  local stale=""
  if [ ! -f "$FISCUS_BUILD_STAMP" ] || [ ! -f "$FISCUS_NODE_JAR" ] || [ ! -d node/target/lib ] \
      || [ ! -f "$FISCUS_CLIENT_JAR" ] || [ ! -d client-sdk/target/lib ]; then
    stale=yes
  elif [ -n "$(find contracts/src genesis/src node/src client-sdk/src pom.xml contracts/pom.xml \
      genesis/pom.xml node/pom.xml client-sdk/pom.xml -newer "$FISCUS_BUILD_STAMP" -type f -print \
      -quit 2>/dev/null)" ]; then
    stale=yes
  fi
  [ -z "$stale" ] && return 0
  echo "Building Fiscus (first run or sources changed; a minute or two)..." >&2
  local log; log=$(mktemp -t fiscus-build.XXXXXX)
  # maven.test.skip: the launchers need no test classes, and not compiling them (through Error
  # Prone) saves a third of the build's CPU time.
  if ! mvn -B -q -ntp -Dmaven.test.skip=true -Dspotless.check.skip=true -pl node,client-sdk -am \
      package >"$log" 2>&1; then
    echo "error: the build failed; its output is in $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  rm -f "$log"
  touch "$FISCUS_BUILD_STAMP"
}

fiscus_classpath() {
  echo "$FISCUS_NODE_JAR:node/target/lib/*"
}

fiscus_client_classpath() {
  echo "$FISCUS_CLIENT_JAR:client-sdk/target/lib/*"
}
