// @ts-check
/**
 * B1–B4: the core client against the sandbox Panel over loopback (the sandbox runs in a
 * process of its own). Each function returns result rows for the table; figures are medians
 * of `rounds` alternating runs, so a noisy neighbour hurts both sides alike.
 */
const path = require('node:path');
const { REPO, median, timed, gc, fmt, requireFrom } = require('./lib');

const core = () => require(path.join(REPO, 'packages', 'core', 'dist', 'index.js'));
const coreNode = () => require(path.join(REPO, 'packages', 'core', 'dist', 'node', 'index.js'));

/** Same pool settings for both sides of B1: core's runtime defaults. */
const POOL = { connections: 8, keepAliveTimeout: 4_000 };

/**
 * B1: N sequential status calls, core client vs a raw undici request with the same body,
 * headers and pool settings (the raw side reads the body and JSON.parses it).
 */
async function b1({ sandbox, orderId, calls = 5000, rounds = 3, warmup = 300 }) {
  const { Agent } = requireFrom('packages/core', 'undici');
  const { encodeForm } = core();
  const client = coreNode().createPanelClient({ apiUrl: sandbox.apiUrl, apiKey: sandbox.key, rateLimit: false, connections: POOL.connections });
  const agent = new Agent({ ...POOL, connectTimeout: 10_000 });
  const url = new URL(sandbox.apiUrl);
  const body = encodeForm({ key: sandbox.key, action: 'status', order: orderId });
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'user-agent': 'panel-integrations-core/0.1' };
  const raw = async () => {
    const res = await agent.request({ origin: url.origin, path: url.pathname, method: 'POST', headers, body });
    const json = JSON.parse(await res.body.text());
    if (res.statusCode !== 200 || typeof json.status !== 'string') throw new Error(`raw status call: HTTP ${res.statusCode}`);
  };
  const viaCore = async () => {
    await client.status(orderId);
  };
  const loop = async (fn, n) => {
    for (let i = 0; i < n; i++) await fn();
  };
  await loop(raw, warmup);
  await loop(viaCore, warmup);
  const coreRps = [];
  const rawRps = [];
  for (let r = 0; r < rounds; r++) {
    gc();
    rawRps.push((calls / (await timed(() => loop(raw, calls))).ms) * 1000);
    gc();
    coreRps.push((calls / (await timed(() => loop(viaCore, calls))).ms) * 1000);
  }
  await client.close();
  await agent.close();
  const c = median(coreRps);
  const w = median(rawRps);
  return {
    figures: { calls, rounds, core_rps: c, raw_rps: w, ratio: c / w, core_rps_runs: coreRps, raw_rps_runs: rawRps },
    rows: [
      {
        id: 'B1',
        what: `${fmt(calls)} sequential status calls: core client vs raw undici (same body, pool)`,
        result: `core ${fmt(c)} req/s, raw ${fmt(w)} req/s`,
        ratio: `${(c / w).toFixed(2)}× throughput`,
        goal: '≥ 0.85×',
        met: c / w >= 0.85,
      },
    ],
  };
}

/** B2: statuses of N ids, core's batched `statuses` vs a loop of single `status` calls. */
async function b2({ sandbox, ids, rounds = 3 }) {
  const client = coreNode().createPanelClient({ apiUrl: sandbox.apiUrl, apiKey: sandbox.key, rateLimit: false });
  const batchedMs = [];
  const loopMs = [];
  let batchedRequests = 0;
  let loopRequests = 0;
  for (let r = 0; r < rounds; r++) {
    let since = await sandbox.seq();
    const b = await timed(() => client.statuses(ids));
    batchedMs.push(b.ms);
    if (b.value.length !== ids.length || b.value.some((/** @type {any} */ x) => x.error !== null)) throw new Error('B2: batched statuses incomplete');
    batchedRequests = (await sandbox.requests({ since })).count;
    since = await sandbox.seq();
    const l = await timed(async () => {
      for (const id of ids) await client.status(id);
    });
    loopMs.push(l.ms);
    loopRequests = (await sandbox.requests({ since })).count;
  }
  await client.close();
  const bm = median(batchedMs);
  const lm = median(loopMs);
  return {
    figures: { ids: ids.length, rounds, batched_ms: bm, loop_ms: lm, batched_requests: batchedRequests, loop_requests: loopRequests, wall_ratio: lm / bm, batched_ms_runs: batchedMs, loop_ms_runs: loopMs },
    rows: [
      {
        id: 'B2',
        what: `statuses of ${fmt(ids.length)} ids: core batched vs per-id loop`,
        result: `batched ${fmt(batchedRequests)} requests in ${fmt(bm)} ms; loop ${fmt(loopRequests)} requests in ${fmt(lm)} ms`,
        ratio: `${fmt(loopRequests / batchedRequests)}× fewer requests, ${(lm / bm).toFixed(1)}× faster`,
        goal: `≤ ${fmt(Math.ceil(ids.length / 100))} requests; ≥ 10× faster`,
        met: batchedRequests <= Math.ceil(ids.length / 100) && lm / bm >= 10,
      },
    ],
  };
}

/**
 * B3: a catalog reply of N services: core's interpret + parse/normalise vs JSON.parse alone.
 * Time per parse (median), and the heap the result keeps (after a full GC).
 */
async function b3({ sandbox, rounds = 7 }) {
  const { Agent } = requireFrom('packages/core', 'undici');
  const { encodeForm, interpretResponse, parseServices } = core();
  const agent = new Agent(POOL);
  const url = new URL(sandbox.apiUrl);
  const res = await agent.request({ origin: url.origin, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encodeForm({ key: sandbox.key, action: 'services' }) });
  const body = await res.body.text();
  await agent.close();
  const reply = { status: 200, headers: { 'content-type': 'application/json' }, body };
  const viaCore = () => parseServices(interpretResponse('services', reply));
  const plain = () => JSON.parse(body);
  const count = viaCore().length;
  viaCore();
  plain();
  const coreMs = [];
  const parseMs = [];
  for (let r = 0; r < rounds; r++) {
    gc();
    parseMs.push((await timed(async () => plain())).ms);
    gc();
    coreMs.push((await timed(async () => viaCore())).ms);
  }
  /** Heap kept by the result of fn (MiB), measured after full GCs. */
  const retained = (fn) => {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const keep = fn();
    gc();
    gc();
    const after = process.memoryUsage().heapUsed;
    if (!keep) throw new Error('unreachable');
    return (after - before) / 1024 / 1024;
  };
  const heapCore = median([retained(viaCore), retained(viaCore), retained(viaCore)]);
  const heapParse = median([retained(plain), retained(plain), retained(plain)]);
  const cm = median(coreMs);
  const pm = median(parseMs);
  return {
    figures: { services: count, body_bytes: Buffer.byteLength(body), rounds, core_ms: cm, json_parse_ms: pm, time_ratio: cm / pm, core_heap_mib: heapCore, json_parse_heap_mib: heapParse, heap_ratio: heapCore / heapParse, core_ms_runs: coreMs, json_parse_ms_runs: parseMs },
    rows: [
      {
        id: 'B3',
        what: `parse + normalise a ${fmt(count)}-service catalog (${fmt(Buffer.byteLength(body) / 1024 / 1024, 1)} MiB) vs JSON.parse`,
        result: `core ${fmt(cm, 1)} ms, ${fmt(heapCore, 1)} MiB kept; JSON.parse ${fmt(pm, 1)} ms, ${fmt(heapParse, 1)} MiB`,
        ratio: `${(cm / pm).toFixed(2)}× time, ${(heapCore / heapParse).toFixed(2)}× heap`,
        goal: '≤ 4× time; ≤ 2× heap',
        met: cm / pm <= 4 && heapCore / heapParse <= 2,
      },
    ],
  };
}

/**
 * B4: three times the limit's worth of calls, fired at once, with the sandbox enforcing the
 * limit. Core's client-side limiter (set to the Panel's limit) vs no client limiter (only
 * retries on 429, honouring Retry-After). "Share of the allowed rate used": the least time
 * the calls can take under a sliding window, (ceil(N / limit) − 1) × window, over the time
 * they took.
 */
async function b4({ startLimited, limit = 100, windowMs = 2000, rounds = 3 }) {
  const calls = 3 * limit;
  const ideal = (Math.ceil(calls / limit) - 1) * windowMs;
  const variants = [
    { name: 'core limiter', rateLimit: { limit, windowMs }, retry: { maxRetries: 5, budgetMs: 60_000 } },
    { name: 'no client limiter (429 + Retry-After)', rateLimit: false, retry: { maxRetries: 10, budgetMs: 60_000 } },
  ];
  /** @type {Record<string, { ms: number[], r429: number[], failed: number[] }>} */
  const out = {};
  const sandbox = await startLimited({ limit, windowMs });
  try {
    for (let r = 0; r < rounds; r++) {
      for (const v of variants) {
        await new Promise((res) => setTimeout(res, windowMs + 200)); // a clean window each time
        const client = coreNode().createPanelClient({ apiUrl: sandbox.apiUrl, apiKey: sandbox.key, rateLimit: v.rateLimit, retry: v.retry });
        const since = await sandbox.seq();
        const t = await timed(() => Promise.allSettled(Array.from({ length: calls }, () => client.balance())));
        const log = await sandbox.requests({ since });
        await client.close();
        const o = (out[v.name] ??= { ms: [], r429: [], failed: [] });
        o.ms.push(t.ms);
        o.r429.push(log.byStatus['429'] ?? 0);
        o.failed.push(t.value.filter((x) => x.status === 'rejected').length);
      }
    }
  } finally {
    await sandbox.stop();
  }
  const figures = { limit, window_ms: windowMs, calls, rounds, ideal_ms: ideal, variants: /** @type {Record<string, unknown>} */ ({}) };
  const rows = variants.map((v, i) => {
    const o = out[v.name];
    const ms = median(o.ms);
    const r429 = median(o.r429);
    const failed = median(o.failed);
    const share = ideal / ms;
    figures.variants[v.name] = { ms, rate_429: r429, failed, share, ms_runs: o.ms, r429_runs: o.r429 };
    return {
      id: i === 0 ? 'B4' : 'B4′',
      what: `${fmt(calls)} calls at once, Panel limit ${limit}/${windowMs / 1000} s: ${v.name}`,
      result: `${fmt(r429)} × 429, ${failed} failed, ${fmt(ms)} ms (least possible ${fmt(ideal)} ms)`,
      ratio: `${(share * 100).toFixed(0)}% of allowed rate`,
      goal: i === 0 ? '0 × 429; ≥ 90%' : '(baseline)',
      met: i === 0 ? r429 === 0 && failed === 0 && share >= 0.9 : null,
    };
  });
  return { figures, rows };
}

module.exports = { b1, b2, b3, b4 };
