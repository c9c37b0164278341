# Sourced by the launchers: finds a JDK 21+ and exports JAVA_HOME and PATH for it.
# Order: $JAVA_HOME if it is 21+, then `java` on PATH if 21+, then the newest under /usr/lib/jvm.

java_major() { # $1 = path to a java binary; prints its feature version, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

is_jdk21() { # $1 = a JDK home; true when it has java and javac of version 21 or newer
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local major; major=$(java_major "$1/bin/java")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

find_jdk21() {
  if [ -n "${JAVA_HOME:-}" ] && is_jdk21 "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  if command -v java >/dev/null 2>&1; then
    local home; home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if is_jdk21 "$home"; then echo "$home"; return 0; fi
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/java" ] || continue
    major=$(java_major "$dir/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ] && is_jdk21 "$dir"; then
      best=$dir; best_major=$major
    fi
  done
  [ -n "$best" ] && echo "$best"
}

use_jdk21() {
  local home
  home=$(find_jdk21) || true
  if [ -z "$home" ]; then
    echo "error: no JDK 21+ found (looked at JAVA_HOME=${JAVA_HOME:-unset}, java on PATH, /usr/lib/jvm/*)" >&2
    exit 1
  fi
  export JAVA_HOME=$home
  export PATH="$JAVA_HOME/bin:$PATH"
}
