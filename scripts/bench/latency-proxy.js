#!/usr/bin/env node
// @ts-check
/**
 * A far Panel on loopback: a TCP proxy in front of a local server that adds what an ocean
 * between n8n and the Panel costs, so benchmarks can be rerun anywhere.
 *
 *   - a round trip (`rttMs`): every chunk waits rttMs / 2 in each direction;
 *   - a TLS-like connection set-up: a new connection carries nothing for `setupRtts` round
 *     trips (default 2: the TCP handshake and a TLS 1.3 handshake), so a request on a new
 *     connection pays (setupRtts + 1) × rttMs and one on a kept-alive connection rttMs;
 *   - a bandwidth cap (`mbit`, default 50 Mbit/s), one link per direction shared by every
 *     connection: chunks queue for the link, as on a real access line.
 *
 * Settings can change between runs (`set`); connections and bytes are counted. HTTP is
 * passed through untouched (it is a TCP proxy), so keep-alive behaves as with a real server.
 *
 *   node scripts/bench/latency-proxy.js --target http://127.0.0.1:4000 --rtt 150 [--port 4701] [--mbit 50] [--setup-rtts 2]
 */
const net = require('node:net');

/**
 * @typedef {{ rttMs: number, setupRtts: number, mbit: number }} ProxySettings
 */

/** One direction of the link: chunks leave one after another at the capped rate. */
class Link {
  constructor() {
    this.freeAt = 0;
  }
  /** When a chunk of `bytes` handed over now has finished crossing (before the propagation delay). */
  depart(bytes, mbit, now) {
    const txMs = mbit > 0 ? (bytes * 8) / (mbit * 1000) : 0;
    this.freeAt = Math.max(this.freeAt, now) + txMs;
    return this.freeAt;
  }
}

/**
 * An ordered, delayed pipe into `dest`: items (Buffers, or null for end) are written at
 * their due time, in order, with one timer at a time.
 */
function delayedWriter(dest) {
  /** @type {Array<{ at: number, chunk: Buffer | null }>} */
  const queue = [];
  /** @type {NodeJS.Timeout | null} */
  let timer = null;
  const flush = () => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && queue[0].at <= now + 0.5) {
      const { chunk } = /** @type {{ at: number, chunk: Buffer | null }} */ (queue.shift());
      if (dest.destroyed) return;
      if (chunk === null) dest.end();
      else dest.write(chunk);
    }
    if (queue.length > 0) timer = setTimeout(flush, Math.max(0, queue[0].at - performance.now()));
  };
  return {
    push(/** @type {number} */ at, /** @type {Buffer | null} */ chunk) {
      queue.push({ at, chunk });
      if (!timer) timer = setTimeout(flush, Math.max(0, queue[0].at - performance.now()));
    },
    cancel() {
      if (timer) clearTimeout(timer);
      queue.length = 0;
    },
  };
}

/**
 * @param {{ target: string, port?: number, host?: string } & Partial<ProxySettings>} options
 *   target: the server's URL (http://127.0.0.1:4000/api/v2) — only its host and port are used
 */
async function startLatencyProxy(options) {
  const target = new URL(options.target);
  const targetPort = Number(target.port || 80);
  /** @type {ProxySettings} */
  const settings = { rttMs: options.rttMs ?? 0, setupRtts: options.setupRtts ?? 2, mbit: options.mbit ?? 50 };
  const stats = { connections: 0, bytesUp: 0, bytesDown: 0, /** socket errors by side and code */ errors: /** @type {Record<string, number>} */ ({}) };
  const up = new Link();
  const down = new Link();
  /** @type {Set<net.Socket>} */
  const sockets = new Set();

  const server = net.createServer((client) => {
    stats.connections++;
    const s = { ...settings };
    const oneWay = s.rttMs / 2;
    const upstream = net.connect({ host: target.hostname, port: targetPort });
    sockets.add(client);
    sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    // Nothing crosses before the handshakes are done.
    const readyAt = performance.now() + s.setupRtts * s.rttMs;
    const toServer = delayedWriter(upstream);
    const toClient = delayedWriter(client);
    client.on('data', (chunk) => {
      stats.bytesUp += chunk.length;
      const now = Math.max(performance.now(), readyAt);
      toServer.push(up.depart(chunk.length, s.mbit, now) + oneWay, chunk);
    });
    client.on('end', () => toServer.push(Math.max(performance.now(), readyAt, up.freeAt) + oneWay, null));
    upstream.on('data', (chunk) => {
      stats.bytesDown += chunk.length;
      toClient.push(down.depart(chunk.length, s.mbit, performance.now()) + oneWay, chunk);
    });
    upstream.on('end', () => toClient.push(Math.max(performance.now(), down.freeAt) + oneWay, null));
    const forget = () => {
      sockets.delete(client);
      sockets.delete(upstream);
    };
    // An error ends both sides at once; a clean end travels through the queues (FIN after the data).
    const close = () => {
      toServer.cancel();
      toClient.cancel();
      client.destroy();
      upstream.destroy();
      forget();
    };
    const failed = (/** @type {string} */ side) => (/** @type {any} */ err) => {
      const k = `${side}:${err?.code ?? 'error'}`;
      stats.errors[k] = (stats.errors[k] ?? 0) + 1;
      close();
    };
    client.on('error', failed('client'));
    upstream.on('error', failed('upstream'));
    client.on('close', forget);
    upstream.on('close', forget);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {net.AddressInfo} */ (server.address());
  const url = new URL(target.href);
  url.hostname = address.address;
  url.port = String(address.port);
  return {
    port: address.port,
    /** The target URL with the proxy's host and port (path and query kept). */
    url: url.href,
    settings: () => ({ ...settings }),
    /** Changes the settings for connections opened from now on. */
    set(/** @type {Partial<ProxySettings>} */ next) {
      Object.assign(settings, next);
    },
    stats: () => ({ ...stats, errors: { ...stats.errors } }),
    resetStats() {
      stats.connections = 0;
      stats.bytesUp = 0;
      stats.bytesDown = 0;
      stats.errors = {};
    },
    /** Drops every open connection (clients reconnect, paying the set-up again). */
    closeConnections() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    /** Closes the listener and every open connection. */
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

module.exports = { startLatencyProxy };

if (require.main === module) {
  const args = process.argv.slice(2);
  const arg = (/** @type {string} */ name, /** @type {string | undefined} */ fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const target = arg('target', undefined);
  if (!target) {
    process.stderr.write('usage: latency-proxy.js --target http://127.0.0.1:4000/api/v2 [--rtt 150] [--setup-rtts 2] [--mbit 50] [--port 0]\n');
    process.exit(2);
  }
  startLatencyProxy({
    target,
    port: Number(arg('port', '0')),
    rttMs: Number(arg('rtt', '150')),
    setupRtts: Number(arg('setup-rtts', '2')),
    mbit: Number(arg('mbit', '50')),
  }).then((p) => {
    process.stdout.write(`latency proxy: ${p.url} → ${target} (${JSON.stringify(p.settings())}); Ctrl-C stops it\n`);
    process.on('SIGINT', () => p.close().then(() => process.exit(0)));
  });
}
