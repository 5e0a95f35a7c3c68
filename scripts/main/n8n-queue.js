// @ts-check
/**
 * The main job on n8n's queue mode (PANEL_N8N_MODE=queue): scripts/n8n/queue.js starts Redis,
 * Postgres, n8n main on `mainPort`, the workers and one webhook processor on `webhookPort`,
 * each with the packed node; the owner account, the credential and the examples go in before
 * n8n starts. Everything is fresh on each start (a temporary folder, removed on stop).
 */
const path = require('node:path');
// By path: queue.js is plain, untyped JS.
const { startQueueMode } = require(path.join(__dirname, '..', 'n8n', 'queue.js'));
const { ownerEnv } = require('./n8n-single');

/**
 * @param {{ tarball: string, n8nDir: string, mainPort: number, webhookPort: number, workers: number,
 *   owner: { email: string, password: string }, credentials: any[], workflows: any[], publish: string[], log: (s: string) => void }} o
 */
async function startQueueDemo({ tarball, n8nDir, mainPort, webhookPort, workers, owner, credentials, workflows, publish, log }) {
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`PANEL_N8N_WORKERS must be a whole number ≥ 1 (got ${workers})`);
  log(`starting n8n in queue mode: Redis, Postgres, main on ${mainPort}, ${workers} worker(s), a webhook processor on ${webhookPort} (first run installs Redis and Postgres)`);
  const q = await startQueueMode({
    tarball,
    n8nDir,
    workers,
    webhooks: 1,
    mainPort,
    webhookPorts: [webhookPort],
    credentials,
    workflows,
    publish,
    env: ownerEnv(n8nDir, owner),
    log: (s) => log(`queue: ${s}`),
  });
  for (const line of q.describe()) log(line);
  return q;
}

module.exports = { startQueueDemo };
