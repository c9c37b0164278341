# Sourced by the launchers: builds the node (quietly) when its jar is missing or older than the
# sources. Needs use_jdk21 first.

FISCUS_NODE_JAR=node/target/fiscus-node-0.1.0-SNAPSHOT.jar

ensure_built() {
  local stale=""
  if [ ! -f "$FISCUS_NODE_JAR" ] || [ ! -d node/target/lib ]; then
    stale=yes
  elif [ -n "$(find contracts/src genesis/src node/src pom.xml contracts/pom.xml genesis/pom.xml node/pom.xml \
      -newer "$FISCUS_NODE_JAR" -type f -print -quit 2>/dev/null)" ]; then
    stale=yes
  fi
  [ -z "$stale" ] && return 0
  echo "Building Fiscus (first run or sources changed; about a minute)..." >&2
  local log; log=$(mktemp -t fiscus-build.XXXXXX)
  if ! mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -pl node -am package >"$log" 2>&1; then
    echo "error: the build failed; its output is in $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  rm -f "$log"
}

fiscus_classpath() {
  echo "$FISCUS_NODE_JAR:node/target/lib/*"
}
