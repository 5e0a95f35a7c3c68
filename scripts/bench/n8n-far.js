// @ts-check
/**
 * The benchmarks of a far Panel, in one real n8n (`n8n start`), against the sandbox behind
 * the latency proxy (latency-proxy.js: round trip, TLS-like set-up, 50 Mbit/s):
 *
 * B5: 1,000 items → order status at 0, 50 and 150 ms round trip: the Panel node (id from an
 *     input field — the fast path — and from an `{{ $json.order }}` expression) vs n8n's HTTP
 *     Request node, one request per item, vs the same with Batching set to stay under the
 *     Panel's 1,000/min (16 every second). Node time from n8n's own run data.
 * B8: the service picker over a 20,000-service catalog (4 MB `services` reply) at 150 ms:
 *     10 keystrokes through n8n's REST endpoint the editor calls
 *     (/rest/dynamic-node-parameters/resource-locator-results, logged in via /rest/login).
 * B9: Order → Create × 100 items at 150 ms (adds concurrently, 20 in flight).
 *
 * Workflows start from a Webhook node (the run happens inside the n8n server, as in
 * production, where the catalog cache and connection pools live).
 */
const crypto = require('node:crypto');
const path = require('node:path');
const { median, fmt } = require('./lib');
const { startLatencyProxy } = require('./latency-proxy');
const wf = require('../main/workflows');

const OWNER = { email: 'bench@panel.local', password: 'Panel-bench-2026' };
const PANEL = 'n8n-nodes-panel.panel';
/** A second account (and credential) for B9, so its first run meets a cold catalog cache. */
const CRED2 = { id: 'panelBenchCred002', name: 'Panel sandbox (bench B9)' };
const BATCH = { batchSize: 16, batchInterval: 1000 };

const FLOW_ID = 'panelBenchFar0001';

const webhook = (name, hookPath, y) => ({
  id: wf.nodeId(name),
  name,
  type: 'n8n-nodes-base.webhook',
  typeVersion: 2,
  position: [0, y],
  webhookId: crypto.createHash('md5').update(hookPath).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
  parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'lastNode', options: {} },
});

/**
 * One workflow, one branch per variant (Webhook → items from code → the measured node): a
 * call to one branch's webhook runs only that branch, and one publish registers them all.
 */
function flow(branches) {
  const nodes = [];
  const connections = {};
  Object.entries(branches).forEach(([v, { jsCode, measured }], i) => {
    const y = i * 200;
    nodes.push(
      webhook(`Hook ${v}`, `bench-${v.toLowerCase()}`, y),
      { id: wf.nodeId(`Items ${v}`), name: `Items ${v}`, type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, y], parameters: { jsCode } },
      { ...measured, id: wf.nodeId(`Measured ${v}`), name: `Measured ${v}`, position: [400, y] },
    );
    Object.assign(connections, wf.chain([`Hook ${v}`, `Items ${v}`], [`Items ${v}`, `Measured ${v}`]));
  });
  return { id: FLOW_ID, name: 'bench: a far Panel (B5, B9)', active: true, settings: { executionOrder: 'v1' }, nodes, connections };
}

function httpStatus(url, key, options = {}) {
  return {
    type: 'n8n-nodes-base.httpRequest',
    typeVersion: 4.2,
    parameters: {
      method: 'POST',
      url,
      sendBody: true,
      contentType: 'form-urlencoded',
      specifyBody: 'keypair',
      bodyParameters: { parameters: [{ name: 'key', value: key }, { name: 'action', value: 'status' }, { name: 'order', value: '={{ $json.order }}' }] },
      options,
    },
  };
}

const VARIANTS = ['panelField', 'panelExpr', 'http', 'httpBatched'];

function workflow({ proxyUrl, key, ids, b9Service }) {
  const idsCode = `return ${JSON.stringify(ids)}.map((order) => ({ json: { order } }));`;
  const panel = (parameters, credentials = { panelApi: { id: wf.CREDENTIAL_ID, name: 'Panel sandbox (local)' } }) => ({ type: PANEL, typeVersion: 1, parameters, credentials });
  return flow({
    panelField: { jsCode: idsCode, measured: panel({ resource: 'order', operation: 'getStatus', orderIdSource: 'field', orderIdFieldName: 'order' }) },
    panelExpr: { jsCode: idsCode, measured: panel({ resource: 'order', operation: 'getStatus', orderId: '={{ $json.order }}' }) },
    http: { jsCode: idsCode, measured: httpStatus(proxyUrl, key) },
    httpBatched: { jsCode: idsCode, measured: httpStatus(proxyUrl, key, { batching: { batch: BATCH } }) },
    create: {
      jsCode: 'return Array.from({ length: 100 }, (_, i) => ({ json: { link: `https://example.com/b9/${Date.now()}/${i}` } }));',
      measured: panel(
        { resource: 'order', operation: 'create', orderType: 'Default', service: { __rl: true, mode: 'id', value: String(b9Service) }, link: '={{ $json.link }}', quantity: 100, options: {} },
        { panelApi: CRED2 },
      ),
    },
  });
}

/**
 * Calls a branch's webhook and returns the measured node's time and items, from the
 * execution n8n saved. Until n8n has registered the webhook (some seconds after it is
 * ready) the call answers 404: with `waitRegistered` it is retried.
 */
async function runHook(h, v, { waitRegistered = false } = {}) {
  const before = h.executions(FLOW_ID).length;
  let res;
  for (let i = 0; ; i++) {
    res = await fetch(`http://127.0.0.1:${h.port}/webhook/bench-${v.toLowerCase()}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await res.arrayBuffer();
    if (res.status !== 404 || !waitRegistered) break;
    if (i > 240) throw new Error(`the webhook of ${v} is not registered`);
    await new Promise((r) => setTimeout(r, 500));
  }
  for (let i = 0; i < 600; i++) {
    const rows = h.executions(FLOW_ID);
    const last = rows[rows.length - 1];
    if (rows.length > before && last.status !== 'running' && last.status !== 'new' && last.data) {
      const node = last.data.resultData?.runData?.[`Measured ${v}`]?.[0];
      if (!node) throw new Error(`${v}: no run data for the measured node (status ${last.status}, webhook ${res.status}; ran: ${Object.keys(last.data.resultData?.runData ?? {}).join(', ')}; ${JSON.stringify(last.data).slice(0, 300)})`);
      if (node.error) throw new Error(`${v}: ${node.error.message}`);
      return { ms: node.executionTime, items: node.data?.main?.[0]?.length ?? 0 };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${v}: no finished execution after the webhook answered ${res.status}`);
}

/** Logs in as the owner through n8n's REST API; returns a fetch for /rest with the session. */
async function restSession(h) {
  const browserId = crypto.randomUUID();
  const base = `http://127.0.0.1:${h.port}/rest`;
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'browser-id': browserId },
    body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
  });
  if (!login.ok) throw new Error(`REST login failed: ${login.status} ${(await login.text()).slice(0, 300)}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (/** @type {string} */ route, /** @type {unknown} */ body) => {
    const res = await fetch(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', 'browser-id': browserId, cookie }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${route}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text).data;
  };
}

/** The owner n8n creates from the environment (as the main job does), so /rest/login works. */
function ownerEnv(n8nDir) {
  const bcrypt = require(path.join(n8nDir, 'node_modules', 'bcryptjs'));
  return {
    N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
    N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
    N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
    N8N_INSTANCE_OWNER_FIRST_NAME: 'Panel',
    N8N_INSTANCE_OWNER_LAST_NAME: 'Bench',
  };
}

const KEYS = ['bench-far-key-0001', 'bench-far-key-0002'];
/** Sandbox options: the 20,000-service catalog, two rich accounts, no rate limit (see README). */
const SANDBOX_OPTIONS = (catalog) => ({
  catalog: { size: catalog },
  rateLimit: false,
  clock: 'manual',
  accounts: KEYS.map((key) => ({ key, balance: '100000000', currency: 'USD' })),
});

/**
 * Runs B5, B8, B9 (those in `only`) in the n8n home `h` (not started). `sandbox` must have
 * been started with SANDBOX_OPTIONS.
 */
async function farBenches({ h, n8nDir, sandbox, only, log, items = 1000, rounds = 3, latencies = [0, 50, 150], keystrokes = 10 }) {
  /** @type {Record<string, { figures: unknown, rows: any[] }>} */
  const results = {};
  const proxy = await startLatencyProxy({ target: sandbox.apiUrl, rttMs: 0 });
  const setRtt = (/** @type {number} */ rttMs) => {
    proxy.set({ rttMs });
    // Connections opened at another round trip would keep it: start each setting cold.
    proxy.closeConnections();
  };
  try {
    await h.importCredentials([
      ...wf.credentials({ apiUrl: proxy.url, apiKey: KEYS[0] }),
      { ...CRED2, type: 'panelApi', data: { apiUrl: proxy.url, apiKey: KEYS[1] } },
    ]);
    const ids = /** @type {string[]} */ (await sandbox.rpc('seed', items, 1));
    await h.importWorkflows([workflow({ proxyUrl: proxy.url, key: KEYS[0], ids, b9Service: 1 })]);
    await h.publishWorkflow(FLOW_ID);
    Object.assign(h.env, ownerEnv(n8nDir));
    const server = await h.start({ timeoutMs: 600_000 });
    try {
      // Warm-up: n8n registers the webhooks, loads nodes and compiles on first use; not measured.
      setRtt(0);
      for (const v of ['panelField', 'http']) await runHook(h, v, { waitRegistered: true });

      if (only.includes('B8')) {
        setRtt(150);
        log(`B8: ${keystrokes} keystrokes in the service picker, 20,000-service catalog, 150 ms round trip`);
        results.B8 = await b8(h, sandbox, proxy, keystrokes);
      }
      if (only.includes('B5')) {
        const perLatency = [];
        for (const rtt of latencies) {
          setRtt(rtt);
          log(`B5 @ ${rtt} ms: ${fmt(items)} items, Panel node vs HTTP Request node (per item) × ${rounds}, batched × 1`);
          /** @type {Record<string, number[]>} */
          const ms = { panelField: [], panelExpr: [], http: [], httpBatched: [] };
          /** @type {Record<string, { requests: number, connections: number }>} */
          const cost = {};
          for (let r = 0; r < rounds; r++) {
            for (const v of VARIANTS) {
              if (v === 'httpBatched' && r > 0) continue; // ~63 s a run whatever the latency: once
              const since = await sandbox.seq();
              const c0 = proxy.stats().connections;
              const run = await runHook(h, v).catch((err) => {
                throw new Error(`${err.message} (proxy: ${JSON.stringify(proxy.stats())})`);
              });
              if (run.items !== items) throw new Error(`B5 ${v}: ${run.items} items out, expected ${items}`);
              const reqs = await sandbox.requests({ since });
              cost[v] = { requests: reqs.count, connections: proxy.stats().connections - c0 };
              ms[v].push(run.ms);
              log(`B5 @ ${rtt} ms ${v}: ${reqs.count} requests, ${cost[v].connections} new connections, ${run.ms} ms`);
            }
          }
          const m = Object.fromEntries(VARIANTS.map((v) => [v, median(ms[v])]));
          perLatency.push({ rtt_ms: rtt, median_ms: m, runs_ms: ms, cost });
        }
        results.B5 = b5Rows(perLatency, items);
      }
      if (only.includes('B9')) {
        setRtt(150);
        log(`B9: Order → Create × 100 items at 150 ms × ${rounds} (first run: cold catalog cache)`);
        const runs = [];
        for (let r = 0; r < rounds; r++) {
          const since = await sandbox.seq();
          const c0 = proxy.stats().connections;
          const run = await runHook(h, 'create');
          const reqs = await sandbox.requests({ since });
          runs.push({ ms: run.ms, items: run.items, adds: reqs.byAction.add ?? 0, services: reqs.byAction.services ?? 0, connections: proxy.stats().connections - c0 });
          log(`B9 run ${r + 1}: ${run.items} orders, ${reqs.byAction.add ?? 0} adds, ${reqs.byAction.services ?? 0} catalog reads, ${runs[r].connections} new connections, ${run.ms} ms`);
        }
        results.B9 = b9Rows(runs);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await proxy.close();
  }
  return results;
}

function b5Rows(perLatency, items) {
  const rows = perLatency.map((p) => {
    const m = p.median_ms;
    const reqRatio = p.cost.http.requests / Math.max(1, p.cost.panelField.requests);
    const vsHttp = m.http / m.panelField;
    const vsBatched = m.httpBatched / m.panelField;
    const far = p.rtt_ms === 150;
    return {
      id: 'B5',
      what: `real n8n, ${fmt(items)} items → order status, ${p.rtt_ms} ms round trip: Panel node vs HTTP Request node per item vs HTTP Request batched (${BATCH.batchSize}/s, under 1,000/min)`,
      result:
        `Panel ${p.cost.panelField.requests} requests in ${fmt(m.panelField)} ms (id by expression: ${fmt(m.panelExpr)} ms); ` +
        `HTTP ${fmt(p.cost.http.requests)} requests in ${fmt(m.http)} ms; batched ${fmt(m.httpBatched)} ms`,
      ratio: `${fmt(reqRatio)}× fewer requests; ${vsHttp.toFixed(1)}× the per-item node; ${fmt(vsBatched)}× the batched one`,
      goal: far ? '100× fewer; ≥ 1.5× per-item; ≥ 30× batched' : '≤ 10 requests; faster than per-item',
      met: far ? reqRatio >= 100 && vsHttp >= 1.5 && vsBatched >= 30 : p.cost.panelField.requests <= Math.ceil(items / 100) && vsHttp > 1,
    };
  });
  return { figures: { items, latencies: perLatency }, rows };
}

function b9Rows(runs) {
  const warm = runs.slice(1);
  const ms = median((warm.length ? warm : runs).map((r) => r.ms));
  const cold = runs[0];
  return {
    figures: { runs, warm_median_ms: ms },
    rows: [
      {
        id: 'B9',
        what: 'real n8n, Order → Create × 100 items, 150 ms round trip (+ TLS-like set-up, 50 Mbit/s), 20,000-service catalog',
        result: `${fmt(cold.adds)} adds each sent once; ${fmt(ms)} ms with the catalog cached (first run, catalog read once: ${fmt(cold.ms)} ms); ${cold.connections} new connections`,
        ratio: `${fmt(ms / 100, 0)} ms per order`,
        goal: '≤ 5,000 ms, the first run (catalog read) too; each add once',
        met: ms <= 5000 && cold.ms <= 5000 && runs.every((r) => r.adds === 100 && r.items === 100),
      },
    ],
  };
}

async function b8(h, sandbox, proxy, keystrokes) {
  const rest = await restSession(h);
  const text = 'tiktok views premium'.slice(0, keystrokes);
  const since = await sandbox.seq();
  const down0 = proxy.stats().bytesDown;
  const times = [];
  let shown = 0;
  for (let k = 1; k <= keystrokes; k++) {
    const t0 = performance.now();
    const data = await rest('/dynamic-node-parameters/resource-locator-results', {
      nodeTypeAndVersion: { name: PANEL, version: 1 },
      path: 'parameters.service',
      methodName: 'searchServices',
      filter: text.slice(0, k),
      currentNodeParameters: { resource: 'order', operation: 'create', orderType: 'Default', service: { __rl: true, mode: 'list', value: '' } },
      credentials: { panelApi: { id: wf.CREDENTIAL_ID, name: 'Panel sandbox (local)' } },
    });
    times.push(performance.now() - t0);
    shown = data.results.length;
  }
  const reqs = await sandbox.requests({ since, action: 'services' });
  const after = median(times.slice(1));
  const mib = (proxy.stats().bytesDown - down0) / 1024 / 1024;
  return {
    figures: { keystrokes, text, panel_requests: reqs.count, first_ms: times[0], median_after_first_ms: after, times_ms: times, mib_down: mib, last_results: shown },
    rows: [
      {
        id: 'B8',
        what: `real n8n service picker, 20,000-service catalog, ${keystrokes} keystrokes through /rest/dynamic-node-parameters/resource-locator-results, 150 ms round trip`,
        result: `${reqs.count} Panel request${reqs.count === 1 ? '' : 's'} (${fmt(mib, 1)} MiB); first keystroke ${fmt(times[0])} ms, then median ${fmt(after, 1)} ms`,
        ratio: `${fmt(reqs.count / keystrokes, 1)} requests per keystroke`,
        goal: '1 request',
        met: reqs.count === 1,
      },
    ],
  };
}

module.exports = { farBenches, SANDBOX_OPTIONS, workflow, b5Rows, b9Rows };
