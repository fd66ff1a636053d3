#!/usr/bin/env bash
# The Lagrello starter in one command: builds the WebFlux sample and what it needs
# (tests skipped, quietly), then runs it against an embedded fake Lagrello API with its
# start-up demo: tokens created, listed page after page with listAll, one deleted, and
# /actuator/health UP. The application keeps serving until Ctrl+C.
#
#   ./demo.sh                        # needs only JDK 17+ (the Maven wrapper fetches Maven)
#   ./demo.sh --server.port=9090     # Spring Boot arguments are passed on
#
# With LAGRELLO_BASE_URL and LAGRELLO_ACCESS_TOKEN set, the sample talks to that API
# instead, and the demo steps are skipped so as not to touch a real tenant.
set -euo pipefail
cd "$(dirname "$0")"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "Building the WebFlux sample (the first build downloads dependencies and takes a while)..."
# Maven's output is shown only when the build fails: the demo's own output stays readable.
if ! build_output=$(./mvnw -q -B -Dmaven.test.skip=true -pl samples/lagrello-sample-webflux -am package 2>&1); then
	echo "$build_output" >&2
	exit 1
fi

jars=(samples/lagrello-sample-webflux/target/lagrello-sample-webflux-*.jar)
exec "$java" -jar "${jars[0]}" --sample.demo=true "$@"
