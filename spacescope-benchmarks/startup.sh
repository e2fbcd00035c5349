#!/usr/bin/env bash
# Start-up as users meet it (docs/PERFORMANCE.md, "Start-up"): fresh processes, measured side by
# side, pair after pair, on the JDK that `java` (or JAVA_HOME) names.
#
#   spacescope-benchmarks/startup.sh            # 7 pairs (PAIRS=n for more), builds first
#   SKIP_BUILD=1 spacescope-benchmarks/startup.sh
#
# Against a standalone fake (the testkit's) on loopback, one day of
# power/network_storage_capacity, each run a new JVM:
#   plain       PlainFirstCall: the JDK HttpClient + Jackson into the same model, no client
#   client      ClientFirstCall: SpaceScope.builder().build() and the first call (plain java, no
#               class-data archive), on the client's runtime class path only
#   cli-fetch   ./spacescope fetch of the same day, as the launcher runs it (its archive included)
#   endpoints   ./spacescope endpoints (no network)
#   version     java -version
# Wall and CPU (user + sys) come from /usr/bin/time; the medians and the ratios are printed last.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pairs="${PAIRS:-7}"
java="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then java="$JAVA_HOME/bin/java"; fi
work="$(mktemp -d "${TMPDIR:-/tmp}/spacescope-startup.XXXXXX")"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -B -pl spacescope-benchmarks,spacescope-cli -am package -DskipTests -Dinvoker.skip
  touch spacescope-cli/target/spacescope-cli.jar
fi
# The client's runtime class path, as a consumer's build gives it (no logging binding, no test
# libraries), plus the two mains.
./mvnw -q -B -o -pl spacescope-client-ergonomic dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="spacescope-benchmarks/target/classes:spacescope-client-ergonomic/target/classes:spacescope-client-generated/target/classes:$(cat "$work/cp.txt")"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18765)"
"$java" -jar spacescope-testkit/target/spacescope-testkit-standalone.jar --port "$port" >"$work/fake.log" 2>&1 &
fake=$!
trap 'kill $fake 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do grep -q "operations on" "$work/fake.log" 2>/dev/null && break; sleep 0.2; done
url="http://127.0.0.1:$port"
token="ghp_xJtTSVcNRJINLWMmfDangcIFCjqPUNZenoVe" # the API guide's public test token: the fake's default
day="2024-06-01"
./spacescope --version >/dev/null 2>&1 # the launcher's archive, prepared once, outside the measurement

measure() { # name, command...
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
    echo "$name failed:" >&2; cat "$work/err" >&2; exit 1; }
  awk -v n="$name" '{printf "%s %.3f %.3f\n", n, $1, $2 + $3}' "$work/t" >>"$work/results"
}
for i in $(seq 1 "$pairs"); do
  measure plain "$java" -cp "$cp" io.github.spacescopejava.benchmarks.startup.PlainFirstCall "$url" "$token" "$day"
  measure client "$java" -cp "$cp" io.github.spacescopejava.benchmarks.startup.ClientFirstCall "$url" "$token" "$day"
  SPACESCOPE_API_TOKEN="$token" measure cli-fetch ./spacescope --base-url "$url" fetch power/network_storage_capacity --from "$day" --to "$day" --format csv
  measure endpoints ./spacescope endpoints
  measure version "$java" -version
done

median() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' "$work/results" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "JDK: $("$java" -version 2>&1 | head -1); $pairs pairs; load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
printf "%-10s %9s %9s\n" run "wall s" "cpu s"
for n in plain client cli-fetch endpoints version; do printf "%-10s %9s %9s\n" "$n" "$(median $n 2)" "$(median $n 3)"; done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "client first call, CPU / plain:        $(ratio "$(median client 3)" "$(median plain 3)")  (target <= 1.5)"
echo "./spacescope fetch, wall / plain:       $(ratio "$(median cli-fetch 2)" "$(median plain 2)")  (target <= 1.25)"
echo "./spacescope endpoints, wall / version: $(ratio "$(median endpoints 2)" "$(median version 2)")  (target <= 3)"
