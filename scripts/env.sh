# Sourced by the scripts: where cargo builds. A target directory outside the checkout survives
# fresh clones, so repeated runs (and CI on the same machine) reuse the build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/plaza-target}"
export PLAZA_NODE="$CARGO_TARGET_DIR/release/plaza-node"
# With the target directory outside the checkout, the runtime's WASM builder needs to be told where
# the workspace (and its Cargo.lock) is.
export WASM_BUILD_WORKSPACE_HINT="${WASM_BUILD_WORKSPACE_HINT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
# frame-benchmarking-cli carries a test runtime whose WASM is only used by `benchmark storage`
# when it validates a parachain's proof of validity, which Plaza (a solo chain) never asks for:
# building it again for WASM would add minutes to every clean build.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
# litep2p (sc-network's WebRTC transport) asks for OpenSSL with the `vendored` feature, which
# compiles OpenSSL from source: about 3.5 minutes of a clean build on this machine's 2 cores.
# Linking the system's libssl (libssl-dev, installed by scripts/setup.sh) gives the same library,
# kept up to date by the distribution's security updates.
export OPENSSL_NO_VENDOR=1
