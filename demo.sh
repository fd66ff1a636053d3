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
#
#   ./demo.sh login                  # the sign-in sample instead: sign up, then sign in with
#   ./demo.sh login --server.port=9090   a magic link, or a password and a TOTP code
#
# The sign-in sample runs on the embedded fake, which e-mails nothing: its mailbox page
# (/mailbox) shows the magic links it would have sent, for you to click.
set -euo pipefail
cd "$(dirname "$0")"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

sample=lagrello-sample-webflux
sample_args=(--sample.demo=true)
if [[ "${1:-}" == "login" ]]; then
	shift
	sample=lagrello-sample-login
	sample_args=()
fi

echo "Building the ${sample#lagrello-} sample (the first build downloads dependencies and takes a while)..."
# Maven's output is shown only when the build fails: the demo's own output stays readable.
if ! build_output=$(./mvnw -q -B -Dmaven.test.skip=true -pl "samples/$sample" -am package 2>&1); then
	echo "$build_output" >&2
	exit 1
fi

if [[ "$sample" == "lagrello-sample-login" ]]; then
	port=8080
	for arg in "$@"; do
		[[ "$arg" == --server.port=* ]] && port=${arg#--server.port=}
	done
	cat <<-MESSAGE

		The sign-in sample, on an embedded fake Lagrello (Ctrl+C stops it). Once it has started:
		  1. Sign up:           http://localhost:$port/signup
		  2. Magic link:        http://localhost:$port/login, "Request a One-Time Token" with your user name;
		                        the fake e-mails nothing: click the link in its mailbox,
		                        http://localhost:$port/mailbox
		  3. Password and TOTP: http://localhost:$port/account (signed in) turns TOTP on: scan the QR code
		                        with an authenticator app, then open http://localhost:$port/secure:
		                        your password, then a code from the app.

	MESSAGE
fi

jars=(samples/"$sample"/target/"$sample"-*.jar)
exec "$java" -jar "${jars[0]}" ${sample_args[@]+"${sample_args[@]}"} "$@"
