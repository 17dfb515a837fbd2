#!/usr/bin/env bash
# Builds plaza-node (release) and starts a single-validator development chain with the embedded
# `dev` spec: Alice authors and finalizes, RPC on ws://127.0.0.1:9944, state in a temp directory.
# With npm on the machine it also builds the web app, which the node then serves at
# http://127.0.0.1:5101/app/. Extra arguments go to the node, e.g.
# `scripts/run-dev.sh --base-path /tmp/plaza-dev`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/setup.sh
# The whole workspace, as scripts/test.sh builds it: the same features, so that either command
# reuses what the other built instead of rebuilding the node with a different feature set.
cargo build --release --locked --workspace

web=()
if command -v npm >/dev/null; then
	if [[ ! -d web/node_modules ]] || [[ web/package-lock.json -nt web/node_modules ]]; then
		(cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
	fi
	(cd web && npm run build --silent >/dev/null)
	web=(--web-dir web/dist)
	echo "Plaza web app: http://127.0.0.1:5101/app/ (the node's RPC: ws://127.0.0.1:9944)" >&2
else
	echo "npm not found: no web app (the node's RPC: ws://127.0.0.1:9944)" >&2
fi
exec "$PLAZA_NODE" --dev "${web[@]}" "$@"
