/**
 * n8n in queue mode, on one host, for tests, benchmarks and the main job: Redis and Postgres
 * it starts itself, then an n8n main, N workers and M webhook processors, each with its own
 * n8n home holding the packed n8n-nodes-panel (every process needs the package: a webhook
 * processor without it answers "Unrecognized node type"). Built on harness.js.
 *
 *   const { startQueueMode } = require('./scripts/n8n/queue');
 *   const q = await startQueueMode({
 *     tarball,                    // the packed n8n-nodes-panel (required)
 *     workers: 2,                 // `n8n worker` processes (default 2)
 *     webhooks: 1,                // `n8n webhook` processors (default 1)
 *     concurrency: 10,            // jobs a worker runs at once (default 10)
 *     credentials: [...],         // plaintext, as harness importCredentials takes them (or (pg) => [...])
 *     workflows: [...],           // workflow JSON, imported before n8n starts
 *     publish: ['wfId', ...],     // workflows published (active) before n8n starts (what
 *                                 //   `n8n publish:workflow` does, in one SQL update)
 *     prepare: async (cli) => {}, // anything else to run with the n8n CLI before start
 *     env: {},                    // extra env for every n8n process
 *     mainPort, webhookPorts: [], // fixed ports (default: free ones)
 *     guardPid: process.pid,      // every process dies with this pid, even after a SIGKILL
 *                                 //   (scripts/main/guard.js); null: no guard
 *     log: (line) => {},
 *   });
 *   q.main      → { baseUrl, port, home, output() }           `n8n start` (editor, REST API)
 *   q.workers   → [{ name, healthUrl, port, home, output() }]  `n8n worker`
 *   q.webhooks  → [{ baseUrl, port, home, output() }]          `n8n webhook` (production webhooks)
 *   q.webhookUrl(path)   → production webhook URL on the first webhook processor
 *   q.redis     → { port }, q.postgres → { port, database, user, version }
 *   q.cli(args)          → an n8n CLI command against the shared database (main's home)
 *   await q.executions(workflowId) → [{ id, status, mode, finished, data }] from Postgres
 *   await q.query(sql, params) → a query on n8n's Postgres database
 *   q.workerOf(executionId) → name of the worker whose log shows it ran that execution
 *   q.describe()         → lines saying which process serves what (for the main job)
 *   await q.stop()       → stops every process it started (process groups), removes its files
 *
 * Production webhooks go to the webhook processors (main runs with
 * N8N_DISABLE_PRODUCTION_MAIN_PROCESS); every execution they start is a job in Redis that a
 * worker runs. `n8n execute` does not use the queue: start queue runs through a webhook.
 * Postgres refuses to run as root; as root it runs as `nobody` from a copy of its binaries
 * under the temp dir (the cache under /root is not readable by `nobody`).
 */
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createN8nHome, ensureN8n, freePort } = require('./harness');

/** Paths of redis-server and of Postgres' bin directory (installing them when missing). */
function ensureQueueServices({ quiet = false } = {}) {
	const out = execFileSync('bash', [path.join(__dirname, 'ensure-queue-services.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'],
	});
	const found = Object.fromEntries(
		out
			.trim()
			.split('\n')
			.map((l) => l.split('='))
			.filter((kv) => kv.length === 2),
	);
	if (!found.redis || !found.postgres) throw new Error(`ensure-queue-services.sh printed no paths:\n${out}`);
	return { redisServer: found.redis, postgresBin: found.postgres };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const GUARD = path.join(__dirname, '..', 'main', 'guard.js');

/**
 * Puts a command under guard.js watching `guardPid` (the process group is then the guard's;
 * it passes SIGTERM/SIGINT on and ends the group when `guardPid` is gone). `ids` makes the
 * guard run the command as another user.
 */
function guarded(guardPid, ids = {}) {
	if (!guardPid) return { wrap: undefined, spawnOpts: ids };
	const env = ids.uid !== undefined ? { ...process.env, PANEL_GUARD_UID: String(ids.uid), PANEL_GUARD_GID: String(ids.gid) } : process.env;
	return { wrap: (cmd, args) => [process.execPath, [GUARD, String(guardPid), cmd, ...args]], spawnOpts: { env } };
}

/** A service process in its own process group, with its output kept for error messages. */
function startProcess(cmd, args, opts = {}, wrap) {
	const wrapped = Boolean(wrap);
	const [c, a] = wrap ? wrap(cmd, args) : [cmd, args];
	const child = spawn(c, a, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...opts });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const alive = () => child.exitCode === null && child.signalCode === null;
	const signal = (sig) => {
		try {
			process.kill(-child.pid, sig);
		} catch {
			// already gone
		}
	};
	// Under a guard, the first signal goes to the guard alone (it passes it on once).
	const first = (sig) => (wrapped ? child.kill(sig) : signal(sig));
	return {
		child,
		alive,
		output: () => output,
		/** `signal` first (Postgres: SIGINT = fast shutdown), SIGKILL to the group after `graceMs`. */
		async stop(sig = 'SIGTERM', graceMs = 15_000) {
			if (alive()) first(sig);
			const t = setTimeout(() => signal('SIGKILL'), graceMs);
			await exited;
			clearTimeout(t);
			signal('SIGKILL');
		},
	};
}

async function waitFor(what, check, proc, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check().catch(() => false)) return;
		if (proc && !proc.alive()) throw new Error(`${what} exited early:\n${proc.output().slice(-3000)}`);
		if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs} ms:\n${proc ? proc.output().slice(-3000) : ''}`);
		await sleep(200);
	}
}

async function startRedis({ redisServer, dir, log, guardPid }) {
	const port = await freePort();
	fs.mkdirSync(dir, { recursive: true });
	const g = guarded(guardPid);
	const proc = startProcess(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], g.spawnOpts, g.wrap);
	await waitFor('redis-server', async () => proc.output().includes('Ready to accept connections'), proc, 30_000);
	log(`redis on ${port}`);
	return { port, proc };
}

/** The uid/gid Postgres runs as, and a bin dir that user can read (copied once when root). */
function postgresRunAs(postgresBin, baseDir) {
	if (process.getuid?.() !== 0) return { bin: postgresBin, ids: {} };
	const nobody = { uid: 65534, gid: 65534 };
	const nativeDir = path.dirname(postgresBin);
	const version = path.basename(path.resolve(nativeDir, '..', '..', '..', '..'));
	const copy = path.join(os.tmpdir(), `panel-${version}-native`);
	if (!fs.existsSync(path.join(copy, '.complete'))) {
		const tmp = `${copy}.${process.pid}`;
		fs.rmSync(tmp, { recursive: true, force: true });
		execFileSync('cp', ['-a', nativeDir, tmp]);
		execFileSync('chmod', ['-R', 'a+rX', tmp]);
		fs.writeFileSync(path.join(tmp, '.complete'), '');
		try {
			fs.renameSync(tmp, copy);
		} catch {
			fs.rmSync(tmp, { recursive: true, force: true }); // another process won the race
		}
	}
	fs.chmodSync(baseDir, 0o755);
	return { bin: path.join(copy, 'bin'), ids: nobody };
}

async function startPostgres({ postgresBin, dir, baseDir, log, guardPid }) {
	const { bin, ids } = postgresRunAs(postgresBin, baseDir);
	const data = path.join(dir, 'data');
	fs.mkdirSync(dir, { recursive: true });
	if (ids.uid !== undefined) fs.chownSync(dir, ids.uid, ids.gid);
	const user = 'n8n';
	const password = crypto.randomBytes(12).toString('hex');
	const pwfile = path.join(dir, 'pw');
	fs.writeFileSync(pwfile, password, { mode: 0o600 });
	if (ids.uid !== undefined) fs.chownSync(pwfile, ids.uid, ids.gid);
	execFileSync(path.join(bin, 'initdb'), ['-D', data, '-U', user, '--pwfile', pwfile, '--auth=scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		...ids,
	});
	fs.rmSync(pwfile, { force: true });
	const port = await freePort();
	const g = guarded(guardPid, ids);
	const proc = startProcess(
		path.join(bin, 'postgres'),
		['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
		guardPid ? g.spawnOpts : ids,
		g.wrap,
	);
	await waitFor('postgres', async () => proc.output().includes('database system is ready to accept connections'), proc, 60_000);
	const version = execFileSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8', ...ids }).trim();
	log(`${version} on ${port}`);
	return { port, user, password, database: 'postgres', version, proc };
}

async function startQueueMode({
	tarball,
	workers = 2,
	webhooks = 1,
	concurrency = 10,
	credentials,
	workflows,
	publish = [],
	prepare,
	env: extraEnv = {},
	mainPort,
	webhookPorts: fixedWebhookPorts = [],
	guardPid = process.pid,
	n8nDir = ensureN8n(),
	baseDir,
	log = () => {},
	timeoutMs = 240_000,
} = {}) {
	if (!tarball) throw new Error('startQueueMode: `tarball` (the packed n8n-nodes-panel) is required');
	if (workers < 1) throw new Error('startQueueMode: `workers` must be at least 1');
	const { redisServer, postgresBin } = ensureQueueServices();
	const base = baseDir || fs.mkdtempSync(path.join(os.tmpdir(), 'panel-n8n-queue-'));
	fs.mkdirSync(base, { recursive: true });
	/** Everything started, stopped in reverse order. */
	const started = [];
	let stopped = false;
	async function stop({ keepFiles = false } = {}) {
		if (stopped) return;
		stopped = true;
		for (const s of started.reverse()) {
			try {
				await s.stop();
			} catch (err) {
				log(`while stopping ${s.name}: ${err.message}`);
			}
		}
		if (!keepFiles && !baseDir) fs.rmSync(base, { recursive: true, force: true });
	}

	try {
		const redis = await startRedis({ redisServer, dir: path.join(base, 'redis'), log, guardPid });
		started.push({ name: 'redis', stop: () => redis.proc.stop('SIGTERM') });
		const pg = await startPostgres({ postgresBin, dir: path.join(base, 'postgres'), baseDir: base, log, guardPid });
		// Postgres: SIGINT is its fast shutdown (a guard passes it on as it is).
		started.push({ name: 'postgres', stop: () => pg.proc.stop('SIGINT') });

		const webhookPorts = [];
		for (let i = 0; i < webhooks; i++) webhookPorts.push(fixedWebhookPorts[i] ?? (await freePort()));
		const shared = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pg.port),
			DB_POSTGRESDB_DATABASE: pg.database,
			DB_POSTGRESDB_USER: pg.user,
			DB_POSTGRESDB_PASSWORD: pg.password,
			// n8n's default pool (2 connections) starves a worker running `concurrency` executions
			// at once: on a busy host runs failed with "timeout exceeded when trying to connect".
			DB_POSTGRESDB_POOL_SIZE: String(Math.max(2, concurrency)),
			DB_POSTGRESDB_CONNECTION_TIMEOUT: '60000',
			N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'),
			WEBHOOK_URL: webhooks > 0 ? `http://localhost:${webhookPorts[0]}/` : undefined,
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: webhooks > 0 ? 'true' : 'false',
			...extraEnv,
		};
		for (const k of Object.keys(shared)) if (shared[k] === undefined) delete shared[k];

		const { Pool } = require(path.join(n8nDir, 'node_modules', 'pg'));
		const pool = new Pool({ host: '127.0.0.1', port: pg.port, user: pg.user, password: pg.password, database: pg.database, max: 2, idleTimeoutMillis: 1000 });
		// An idle client's connection ended by Postgres (a shutdown) is no failure of the caller.
		pool.on('error', (err) => log(`postgres pool: ${err.message}`));
		started.push({ name: 'postgres pool', stop: () => pool.end() });

		const home = (name, extra = {}, port) => createN8nHome({ tarball, n8nDir, userFolder: path.join(base, name), port, env: { ...shared, ...extra }, log });
		const mainHome = await home('main', {}, mainPort);
		// `credentials` may be a function of the Postgres it started (for credentials that use it).
		const creds = typeof credentials === 'function' ? credentials({ host: '127.0.0.1', port: pg.port, database: pg.database, user: pg.user, password: pg.password }) : credentials;
		if (creds?.length) await mainHome.importCredentials(creds);
		if (workflows?.length) await mainHome.importWorkflows(workflows);
		if (publish.length) {
			// `n8n publish:workflow` boots n8n (~6 s) per workflow to run this one update.
			const { rows } = await pool.query(
				`UPDATE workflow_entity w SET active = true, "activeVersionId" = w."versionId"
				 WHERE w.id = ANY($1) AND NOT w."isArchived"
				   AND EXISTS (SELECT 1 FROM workflow_history h WHERE h."workflowId" = w.id AND h."versionId" = w."versionId")
				 RETURNING w.id`,
				[publish.map(String)],
			);
			const missing = publish.filter((id) => !rows.some((r) => r.id === String(id)));
			if (missing.length) throw new Error(`startQueueMode: cannot publish ${missing.join(', ')} (not imported?)`);
			log(`published ${rows.length} workflow(s)`);
		}
		if (prepare) await prepare(mainHome.cli);

		const mainProc = await mainHome.spawn(['start'], { readyUrl: `http://127.0.0.1:${mainHome.port}/healthz/readiness`, timeoutMs, wrap: guarded(guardPid).wrap });
		started.push({ name: 'main', stop: mainProc.stop });
		const main = { name: 'main', port: mainHome.port, baseUrl: mainHome.baseUrl, home: mainHome.home, output: mainProc.output, pid: mainProc.pid };

		// Workers and webhook processors start together: each takes ~20 s of CPU to boot.
		const workerList = [];
		const webhookList = [];
		const boots = [];
		for (let i = 1; i <= workers; i++) {
			boots.push(
				(async () => {
					const healthPort = await freePort();
					const h = await home(`worker-${i}`, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
					const healthUrl = `http://127.0.0.1:${healthPort}/healthz/readiness`;
					const p = await h.spawn(['worker', `--concurrency=${concurrency}`], { readyUrl: healthUrl, timeoutMs, wrap: guarded(guardPid).wrap });
					started.push({ name: `worker-${i}`, stop: p.stop });
					workerList.push({ name: `worker-${i}`, port: healthPort, healthUrl, home: h.home, output: p.output, pid: p.pid });
				})(),
			);
		}
		for (let i = 1; i <= webhooks; i++) {
			boots.push(
				(async () => {
					const port = webhookPorts[i - 1];
					const h = await home(`webhook-${i}`, { N8N_PORT: String(port) });
					const p = await h.spawn(['webhook'], { readyUrl: `http://127.0.0.1:${port}/healthz/readiness`, timeoutMs, wrap: guarded(guardPid).wrap });
					started.push({ name: `webhook-${i}`, stop: p.stop });
					webhookList.push({ name: `webhook-${i}`, port, baseUrl: `http://localhost:${port}`, home: h.home, output: p.output, pid: p.pid });
				})(),
			);
		}
		const results = await Promise.allSettled(boots);
		const failed = results.find((r) => r.status === 'rejected');
		if (failed) throw failed.reason;
		workerList.sort((a, b) => a.name.localeCompare(b.name));
		webhookList.sort((a, b) => a.name.localeCompare(b.name));

		const q = {
			base,
			main,
			workers: workerList,
			webhooks: webhookList,
			redis: { port: redis.port },
			postgres: { port: pg.port, database: pg.database, user: pg.user, password: pg.password, version: pg.version },
			cli: mainHome.cli,
			webhookUrl: (p) => `${(webhookList[0] ?? main).baseUrl}/webhook/${p.replace(/^\//, '')}`,
			/** Run SQL on n8n's database (e.g. counting executions). */
			query: (sql, params) => pool.query(sql, params),
			async executions(workflowId) {
				const flatted = require(path.join(n8nDir, 'node_modules', 'flatted'));
				const { rows } = await pool.query(
					`SELECT e.id, e.status, e.mode, e.finished, d.data FROM execution_entity e
					 LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = $1 ORDER BY e.id`,
					[String(workflowId)],
				);
				return rows.map((r) => ({ id: String(r.id), status: r.status, mode: r.mode, finished: r.finished, data: r.data ? flatted.parse(r.data) : null }));
			},
			/** Which worker ran an execution, from the workers' own log lines ("… execution <id> …"). */
			workerOf(executionId) {
				const re = new RegExp(`[Ee]xecution (ID )?${executionId}\\b`);
				return workerList.find((w) => re.test(w.output()))?.name;
			},
			describe() {
				return [
					`n8n main        ${main.baseUrl}  editor, REST API, schedules (production webhooks: off)`,
					...webhookList.map((w) => `n8n ${w.name.padEnd(11)} ${w.baseUrl}  production webhooks (${w.baseUrl}/webhook/…)`),
					...workerList.map((w) => `n8n ${w.name.padEnd(11)} ${w.healthUrl}  runs executions from the queue (concurrency ${concurrency})`),
					`redis           127.0.0.1:${redis.port}  the execution queue (Bull)`,
					`postgres        127.0.0.1:${pg.port}  n8n's shared database (${pg.version})`,
				];
			},
			stop,
		};
		return q;
	} catch (err) {
		await stop({ keepFiles: false });
		throw err;
	}
}

module.exports = { startQueueMode, ensureQueueServices };
