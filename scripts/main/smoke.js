// @ts-check
/**
 * Smoke mode (PANEL_MAIN_SMOKE): the checks that make the main job its own test. Each example
 * runs once — with `n8n execute` on a single n8n, through its webhook start (so on a worker)
 * in queue mode — and after "ready" the trigger workflow must have run on a sandbox webhook.
 */
const wf = require('./workflows');
const { waitFor } = require('./lifecycle');

/** What each example must give: [workflow id, node whose output is checked, check, queue path]. */
const EXAMPLES = /** @type {const} */ ([
  [wf.IDS.order, 'Read its status', (/** @type {any[]} */ items) => items.length === 1 && /^\d+$/.test(String(items[0].order)), wf.QUEUE_PATHS.order],
  // A status that was read has no `error` field.
  [wf.IDS.batch, 'Status of each order', (/** @type {any[]} */ items) => items.length === wf.BATCH_SIZE && items.every((i) => !('error' in i)), wf.QUEUE_PATHS.batch],
]);

/** Runs each manual example with `n8n execute` (single n8n). @param {any} h @param {any} sb @param {(s: string) => void} log */
async function runExamplesWithExecute(h, sb, log) {
  for (const [id, node, check] of EXAMPLES) {
    const before = sb.requests().length;
    const { run } = await h.execute(id);
    const runs = run?.data?.resultData?.runData?.[node];
    const items = (runs?.[0]?.data?.main?.[0] ?? []).map((/** @type {any} */ i) => i.json);
    if (!check(items)) {
      const result = run?.data?.resultData ?? {};
      const errors = Object.entries(result.runData ?? {}).map(([n, r]) => `${n}: ${/** @type {any} */ (r)?.[0]?.error?.message ?? 'ok'}`);
      throw new Error(`example workflow ${id}: "${node}" gave ${items.length} items (${result.error?.message ?? 'no run error'}; ${errors.join('; ')}): ${JSON.stringify(items.slice(0, 2)).slice(0, 800)}`);
    }
    log(`smoke: example ${id} ran in n8n: "${node}" → ${items.length} item(s), ${sb.requests().length - before} Panel requests`);
  }
}

/** Starts each example through its webhook (queue mode: a worker runs it). @param {any} q @param {any} sb @param {(s: string) => void} log */
async function runExamplesThroughWebhooks(q, sb, log) {
  for (const [id, node, check, path] of EXAMPLES) {
    const before = sb.requests().length;
    const res = await fetch(q.webhookUrl(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const text = await res.text();
    const items = res.ok ? JSON.parse(text) : [];
    if (!res.ok || !check(items)) throw new Error(`example workflow ${id} through ${q.webhookUrl(path)}: HTTP ${res.status}, "${node}" gave ${items.length} items: ${text.slice(0, 800)}`);
    const [run] = (await q.executions(id)).slice(-1);
    log(`smoke: example ${id} ran in n8n on ${q.workerOf(run?.id) ?? 'a worker'}: "${node}" → ${items.length} item(s), ${sb.requests().length - before} Panel requests`);
  }
}

/**
 * Waits until the trigger workflow ran on a sandbox webhook, and checks it carried a sandbox order.
 * @param {(id: string) => Promise<any[]> | any[]} executions @param {any} sb @param {(s: string) => void} log @param {() => string | undefined} failFast
 */
async function awaitTriggerRun(executions, sb, log, failFast) {
  const rows = await waitFor(
    'the trigger workflow to execute on a sandbox webhook',
    async () => {
      const done = (await executions(wf.IDS.trigger)).filter((/** @type {any} */ e) => e.status === 'success' && e.mode === 'webhook');
      return done.length > 0 ? done : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 1000, failFast },
  );
  const first = rows[0].data?.resultData?.runData?.['Panel Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
  if (!first || !sb.orders().some((/** @type {any} */ o) => String(o.order) === String(first.order))) throw new Error(`trigger execution without a sandbox order's update: ${JSON.stringify(first)}`);
  log(`smoke: the trigger workflow executed on ${rows.length} webhook(s); first: order ${first.order} → ${first.status}`);
}

module.exports = { EXAMPLES, runExamplesWithExecute, runExamplesThroughWebhooks, awaitTriggerRun };
