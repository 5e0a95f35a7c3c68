// @ts-check
/**
 * The sandbox Panel in a process of its own, so the client being measured and the server
 * answering it do not share one event loop. Started with `fork`; the options arrive as the
 * first message; it answers { ready: { apiUrl, key } } and then small requests over IPC:
 *   { id, call: 'requests', args: [{ since?, action? }] } → a summary of the request log
 *   { id, call: 'seq' } → the last log sequence number
 *   { id, call: 'seed', args: [count, service] } → order ids
 *   { id, call: 'setWebhook', args: [target] } / 'advance' / 'deliveries' / 'webhooksIdle' / 'stop'
 */
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const { startSandbox } = require(path.join(REPO, 'packages', 'sandbox', 'dist', 'index.js'));

/** @type {any} */
let sb;

/** The log is large (tens of thousands of entries): send counts, not entries. */
function summarise(entries) {
  /** @type {Record<string, number>} */
  const byStatus = {};
  /** @type {Record<string, number>} */
  const byAction = {};
  for (const e of entries) {
    byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
    byAction[e.action ?? '?'] = (byAction[e.action ?? '?'] ?? 0) + 1;
  }
  return { count: entries.length, byStatus, byAction };
}

const CALLS = {
  requests: (filter) => summarise(sb.requests(filter)),
  seq: () => {
    const all = sb.requests();
    return all.length ? all[all.length - 1].seq : 0;
  },
  seed: (count, service, fields = {}) => {
    const ids = [];
    for (let i = 0; i < count; i++) ids.push(String(sb.seedOrder({ key: sb.key, service, link: `https://example.com/bench/${i}`, quantity: 1000, ...fields }).order));
    return ids;
  },
  setWebhook: (target) => sb.setWebhook(sb.key, target),
  advance: async (ms) => {
    await sb.advance(ms);
    return sb.now();
  },
  deliveries: () =>
    sb.deliveries().map((/** @type {any} */ d) => ({ id: d.id, orderId: d.orderId, status: d.status, state: d.state, attempts: d.attempts.length })),
  webhooksIdle: () => sb.webhooksIdle(),
  clearRequests: () => sb.clearRequests(),
  stop: async () => {
    await sb.stop();
    setImmediate(() => process.exit(0));
  },
};

process.on('message', async (/** @type {any} */ msg) => {
  if (!sb) {
    try {
      sb = await startSandbox({ port: 0, host: '127.0.0.1', requestLogLimit: 1_000_000, ...msg.options });
      process.send?.({ ready: { apiUrl: sb.apiUrl, key: sb.key } });
    } catch (err) {
      process.send?.({ failed: String(/** @type {Error} */ (err).stack ?? err) });
    }
    return;
  }
  const { id, call, args = [] } = msg;
  try {
    const fn = /** @type {any} */ (CALLS)[call];
    if (!fn) throw new Error(`unknown call ${call}`);
    process.send?.({ id, result: await fn(...args) });
  } catch (err) {
    process.send?.({ id, error: String(/** @type {Error} */ (err).message ?? err) });
  }
});
// The parent went away: so do we (no orphan servers).
process.on('disconnect', () => process.exit(0));
