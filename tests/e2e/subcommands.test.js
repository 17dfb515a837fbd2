// The standard Substrate subcommands on the real binary: key, chain specs, and a chain's blocks
// exported, purged, imported, checked and reverted.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';

import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';

import { finalizedNumber, NODE_BIN, startNode, tempDir, waitFor } from '../lib/node.js';

const run = promisify(execFile);
const plazaNode = async (...args) => (await run(NODE_BIN, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;

const base = tempDir('subcommands');
after(() => base.cleanup());

test('key generates and inspects keys, printing Plaza addresses', async () => {
  await cryptoWaitReady();
  const generated = JSON.parse(await plazaNode('key', 'generate', '--scheme', 'sr25519', '--output-type', 'json'));
  assert.equal(generated.ss58Address, encodeAddress(generated.publicKey, 61));
  const inspected = JSON.parse(await plazaNode('key', 'inspect', '--output-type', 'json', generated.secretPhrase));
  assert.equal(inspected.ss58Address, generated.ss58Address);
  const alice = JSON.parse(await plazaNode('key', 'inspect', '--output-type', 'json', '//Alice'));
  assert.equal(alice.ss58Address, encodeAddress(alice.publicKey, 61));
});

test('export-chain-spec and build-spec write both specs with token properties', async () => {
  for (const chain of ['dev', 'local']) {
    const spec = JSON.parse(await plazaNode('export-chain-spec', '--chain', chain));
    assert.deepEqual(spec.properties, { ss58Format: 61, tokenDecimals: 12, tokenSymbol: 'PLZ' });
    assert.ok(spec.genesis.runtimeGenesis.code.startsWith('0x'));
  }
  const plain = JSON.parse(await plazaNode('build-spec', '--chain', 'local'));
  assert.equal(plain.genesis.runtimeGenesis.patch.aura.authorities.length, 3);
  const raw = JSON.parse(await plazaNode('build-spec', '--chain', 'local', '--raw'));
  assert.ok(Object.keys(raw.genesis.raw.top).length > 10);
});

test('export-blocks, purge-chain, import-blocks, check-block and revert', async () => {
  const chain = path.join(base.dir, 'chain');
  const node = await startNode({ name: 'blocks', args: ['--dev'], basePath: chain });
  await waitFor('finalized block #3', async () => (await finalizedNumber(node)) >= 3, 60_000);
  const hash3 = await node.rpc('chain_getBlockHash', [3]);
  await node.stop();

  const dbArgs = ['--dev', '--base-path', chain];
  const exported = path.join(base.dir, 'blocks.bin');
  await plazaNode('export-blocks', ...dbArgs, '--binary', '--from', '1', '--to', '3', exported);
  assert.ok(readFileSync(exported).length > 0);

  await plazaNode('purge-chain', ...dbArgs, '-y');
  await plazaNode('import-blocks', ...dbArgs, '--binary', exported);
  const info = await run(NODE_BIN, ['check-block', ...dbArgs, hash3]);
  assert.match(info.stderr + info.stdout, /Completed in/);

  await plazaNode('revert', ...dbArgs, '1');
  const restarted = await startNode({ name: 'reverted', args: ['--dev'], basePath: chain });
  try {
    const best = parseInt((await restarted.rpc('chain_getHeader')).number, 16);
    assert.ok(best >= 2, `imported blocks are there after the revert (best #${best})`);
  } finally {
    await restarted.stop();
  }
});
