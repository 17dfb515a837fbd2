// The load generator's machinery, shared by the throughput and feed benchmarks: signing in
// worker threads (bench/sign-worker.mjs) and pipelined submission of pre-signed extrinsics.
import { Worker } from 'node:worker_threads';

/** Signing workers, each owning the load accounts `i` with `i % WORKERS == its index`. */
export class Signers {
  constructor(wsUrl, count) {
    this.workers = Array.from({ length: count }, () => new Worker(new URL('./sign-worker.mjs', import.meta.url), { workerData: { wsUrl } }));
    this.ready = Promise.all(this.workers.map((w) => new Promise((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    })));
  }

  request(worker, message) {
    return new Promise((resolve, reject) => {
      const onMessage = (reply) => {
        worker.off('error', reject);
        resolve(reply);
      };
      worker.once('message', onMessage);
      worker.once('error', reject);
      worker.postMessage(message);
    });
  }

  /** Derives the first `count` load accounts; returns their addresses by index. */
  async derive(count) {
    await this.ready;
    const replies = await Promise.all(this.workers.map((w, offset) =>
      this.request(w, { derive: { count, stride: this.workers.length, offset } })));
    const addresses = new Array(count);
    for (const { addresses: pairs } of replies) for (const [i, address] of pairs) addresses[i] = address;
    return addresses;
  }

  /** Signs `jobs` ({ kind, signer, nonce, args }); returns the hex extrinsics in job order. */
  async sign(jobs) {
    const shares = this.workers.map(() => []);
    jobs.forEach((job, at) => shares[job.signer % this.workers.length].push([at, job]));
    const replies = await Promise.all(this.workers.map((w, i) =>
      this.request(w, { id: i, jobs: shares[i].map(([, job]) => job) })));
    const signed = new Array(jobs.length);
    replies.forEach(({ signed: hexes }, i) => hexes.forEach((hex, k) => { signed[shares[i][k][0]] = hex; }));
    return signed;
  }

  async close() {
    await Promise.all(this.workers.map((w) => new Promise((resolve) => {
      w.once('exit', resolve);
      w.postMessage({ exit: true });
    })));
  }
}

/**
 * Submits pre-signed extrinsics over `providers` (WebSockets), `inFlight` requests in flight on
 * each; resolves with the submission rate and the rejections by message.
 */
export async function submitAll(providers, hexes, inFlight) {
  let next = 0;
  const rejected = {};
  const started = Date.now();
  await Promise.all(providers.flatMap((provider) => Array.from({ length: inFlight }, async () => {
    while (next < hexes.length) {
      const hex = hexes[next++];
      try {
        await provider.send('author_submitExtrinsic', [hex]);
      } catch (error) {
        const reason = String(error.message ?? error).slice(0, 120);
        rejected[reason] = (rejected[reason] ?? 0) + 1;
      }
    }
  })));
  const seconds = (Date.now() - started) / 1000;
  return { perSecond: hexes.length / seconds, rejected };
}
