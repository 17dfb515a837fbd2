// scripts/setup.sh installs every Debian package the build loads, checked by package name: on a
// machine that lacks libclang-dev (whatever look-alike libraries it has) it installs it, and it
// fails loudly if a package is still missing afterwards. `dpkg` and `apt-get` are replaced by
// stand-ins that keep a list of installed packages, so the test runs anywhere without root.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { NODE_BIN, tempDir } from '../lib/node.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const setup = path.join(root, 'scripts', 'setup.sh');
const dirs = [];
after(() => dirs.forEach((d) => d.cleanup()));

/** A PATH whose dpkg knows only `installed`, and whose apt-get installs what it is asked to (or nothing). */
function fakeDebian(installed, { aptInstalls = true } = {}) {
  const dir = tempDir('fake-debian');
  dirs.push(dir);
  const bin = path.join(dir.dir, 'bin');
  const state = path.join(dir.dir, 'installed');
  mkdirSync(bin);
  mkdirSync(state);
  installed.forEach((p) => writeFileSync(path.join(state, p), ''));
  const script = (name, body) => {
    writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  script('dpkg', `[[ "$1" == -s && -e "${state}/$2" ]]`);
  script('apt-get', [
    `echo "$*" >> "${dir.dir}/apt-get.log"`,
    aptInstalls
      ? `[[ " $* " == *" install "* ]] && for a in "$@"; do [[ "$a" == -* || "$a" == install ]] || touch "${state}/$a"; done`
      : '',
    'exit 0',
  ].join('\n'));
  script('sudo', 'exec "$@"');
  const log = () => (existsSync(path.join(dir.dir, 'apt-get.log')) ? readFileSync(path.join(dir.dir, 'apt-get.log'), 'utf8') : '');
  return { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, log };
}

const run = (env) => spawnSync('bash', [setup], { env, encoding: 'utf8' });

test('setup installs libclang-dev on a machine that lacks it', () => {
  const debian = fakeDebian(['clang', 'protobuf-compiler']);
  const result = run(debian.env);
  assert.equal(result.status, 0, result.stderr);
  assert.match(debian.log(), /install .*libclang-dev/);
  assert.doesNotMatch(debian.log(), /install .*\bclang\b(?!-)/, 'what is installed is left alone');
});

test('setup fails when a package it needs is still missing after installing', () => {
  const debian = fakeDebian(['clang'], { aptInstalls: false });
  const result = run(debian.env);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /libclang-dev is still not installed/);
});

test('on this machine every package setup promises is installed', () => {
  assert.equal(run(process.env).status, 0);
  // scripts/test.sh ran `setup.sh --tests` first: the browser tests' packages too.
  for (const p of ['clang', 'libclang-dev', 'protobuf-compiler', 'libssl-dev', 'pkg-config', 'chromium', 'fonts-dejavu-core']) {
    assert.match(execFileSync('dpkg', ['-s', p], { encoding: 'utf8' }), /Status: install ok installed/, p);
  }
});

test('the node links the system OpenSSL rather than a copy compiled into it', () => {
  // scripts/env.sh sets OPENSSL_NO_VENDOR: openssl-sys (litep2p's WebRTC) then takes Debian's
  // libssl3 through pkg-config instead of building OpenSSL from source in every clean build.
  const linked = execFileSync('ldd', [NODE_BIN], { encoding: 'utf8' });
  assert.match(linked, /libssl\.so\.3 => \/\S+/);
  assert.match(linked, /libcrypto\.so\.3 => \/\S+/);
});
