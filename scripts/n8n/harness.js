/**
 * Real n8n, headless, for tests, benchmarks and the main job: a throw-away n8n home with
 * the packed n8n-nodes-panel installed as a community package, credentials and workflows
 * imported through n8n's own CLI, `n8n execute` runs, and `n8n start` for webhook triggers.
 * n8n itself comes from scripts/n8n/ensure-n8n.sh (cached outside the repo).
 *
 *   const h = await createN8nHome({ tarball });
 *   h.importCredentials([{ id, name, type: 'panelApi', data: { apiUrl, apiKey } }]);
 *   h.importWorkflow(workflowJson);
 *   const run = h.execute(workflowId);            // n8n's run data (resultData.runData …)
 *   const server = await h.start();               // n8n start on a free port
 *   h.executions(workflowId);                     // from n8n's sqlite database
 *   await server.stop();
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const NODE_VERSION = '24.9.0';
const PNPM_VERSION = '10.34.8';

function cacheDir() {
	return process.env.PANEL_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'panel-integrations');
}

/** The Node 24 binary n8n runs on (the toolchain scripts/toolchain.sh installs). */
function node24() {
	return path.join(cacheDir(), `toolchain-node${NODE_VERSION}-pnpm${PNPM_VERSION}`, 'node_modules', 'node', 'bin', 'node');
}

/** Installs n8n if needed (progress on stderr) and returns its directory. */
function ensureN8n({ quiet = false } = {}) {
	const out = execFileSync('bash', [path.join(__dirname, 'ensure-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'],
		maxBuffer: 16 * 1024 * 1024,
	});
	return out.trim().split('\n').pop();
}

async function freePort() {
	return await new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** The run JSON that `n8n execute --rawOutput` prints after its log lines. */
function parseRunOutput(stdout) {
	const start = stdout.indexOf('\n{');
	const text = stdout.startsWith('{') ? stdout : start >= 0 ? stdout.slice(start + 1) : '';
	const end = text.lastIndexOf('}');
	if (!text || end < 0) return null;
	try {
		return JSON.parse(text.slice(0, end + 1));
	} catch {
		return null;
	}
}

/** Unpacks a packed tarball where n8n looks for community packages. */
function installTarball(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', 'n8n-nodes-panel');
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const pkg = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
	const manifest = path.join(nodesDir, 'package.json');
	const deps = fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')).dependencies || {} : {};
	deps[pkg.name] = pkg.version;
	fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: deps }, null, 2));
	return target;
}

async function createN8nHome({ tarball, n8nDir = ensureN8n(), userFolder, port, brokerPort, env: extraEnv = {}, log = () => {} } = {}) {
	const home = userFolder || fs.mkdtempSync(path.join(os.tmpdir(), 'panel-n8n-home-'));
	if (tarball) installTarball(home, tarball);
	const n8nPort = port || (await freePort());
	const env = {
		...process.env,
		N8N_USER_FOLDER: home,
		N8N_PORT: String(n8nPort),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		WEBHOOK_URL: `http://localhost:${n8nPort}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort || (await freePort())),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		DB_SQLITE_POOL_SIZE: '1',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		NODE_OPTIONS: '',
		...extraEnv,
	};
	delete env.NODE_PATH;
	// Under jest NODE_ENV is 'test', which n8n reads as its own test mode (no node loading).
	env.NODE_ENV = 'production';
	for (const k of Object.keys(env)) if (k.startsWith('JEST_')) delete env[k];
	const bin = path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');

	// n8n starts children of its own (task runners): each n8n runs as a process group
	// leader, and a stop or timeout signals the whole group, so nothing is left behind.
	function killGroup(child, signal) {
		try {
			process.kill(-child.pid, signal);
		} catch {
			child.kill(signal);
		}
	}

	// Each n8n process starts a task broker. A port found free when the home was made may be
	// taken minutes later (any outgoing connection can get an ephemeral port), so unless the
	// caller fixed one, every process gets a port found free just before it starts.
	async function runEnv() {
		return brokerPort ? env : { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	}

	// Asynchronous on purpose: the Panel n8n talks to may live in this very process.
	async function cli(args, { timeoutMs = 300_000, allowFail = false } = {}) {
		const started = Date.now();
		const runEnvNow = await runEnv();
		const res = await new Promise((resolve, reject) => {
			const child = spawn(node24(), [bin, ...args], { env: runEnvNow, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
			const out = [];
			const err = [];
			child.stdout.on('data', (d) => out.push(d));
			child.stderr.on('data', (d) => err.push(d));
			const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
			child.on('error', reject);
			child.on('close', (status, signal) => {
				clearTimeout(timer);
				resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
			});
		});
		log(`n8n ${args.join(' ')} → exit ${res.status}${res.signal ? ` (${res.signal})` : ''} in ${Date.now() - started} ms`);
		if (!allowFail && res.status !== 0) {
			throw new Error(`n8n ${args.join(' ')} failed (${res.status ?? res.signal}):\n${res.stdout}\n${res.stderr}`);
		}
		return res;
	}

	function writeTemp(name, data) {
		const file = path.join(home, name);
		fs.writeFileSync(file, JSON.stringify(data));
		return file;
	}

	const h = {
		home,
		port: n8nPort,
		env,
		n8nDir,
		baseUrl: `http://localhost:${n8nPort}`,
		cli,
		/** Plaintext credentials in; n8n encrypts them on import; the file is removed at once. */
		async importCredentials(credentials) {
			const file = writeTemp('credentials.import.json', credentials);
			try {
				await cli(['import:credentials', `--input=${file}`]);
			} finally {
				fs.rmSync(file, { force: true });
			}
		},
		async importWorkflows(workflows) {
			const file = writeTemp('workflows.import.json', workflows);
			await cli(['import:workflow', `--input=${file}`]);
		},
		async importWorkflow(workflow) {
			const file = writeTemp(`workflow-${workflow.id}.json`, [workflow]);
			await cli(['import:workflow', `--input=${file}`]);
		},
		async publishWorkflow(id) {
			await cli(['publish:workflow', `--id=${id}`]);
		},
		async exportNodes() {
			const file = path.join(home, 'nodes.export.json');
			await cli(['export:nodes', `--output=${file}`]);
			return JSON.parse(fs.readFileSync(file, 'utf8'));
		},
		/** `n8n execute --rawOutput`: the run data. n8n 2.41.1 may crash while exiting after a good run, so the JSON decides. */
		async execute(id, opts) {
			const res = await cli(['execute', `--id=${id}`, '--rawOutput'], { allowFail: true, ...opts });
			const run = parseRunOutput(res.stdout);
			if (!run) throw new Error(`n8n execute --id=${id} printed no run data (exit ${res.status}):\n${res.stdout.slice(-4000)}\n${res.stderr.slice(-4000)}`);
			return { run, stdout: res.stdout, stderr: res.stderr, status: res.status };
		},
		/** `n8n start` in the background; resolves once it answers /healthz/readiness. */
		async start({ timeoutMs = 180_000 } = {}) {
			return await h.spawn(['start'], { readyUrl: `http://127.0.0.1:${n8nPort}/healthz/readiness`, timeoutMs });
		},
		/**
		 * Any long-running n8n command (`start`, `worker`, `webhook`) in its own process group;
		 * resolves once `readyUrl` answers 2xx. `stop()` signals the whole group. `wrap(cmd, args)`
		 * may put the command under another (e.g. scripts/main/guard.js).
		 */
		async spawn(args, { readyUrl, timeoutMs = 180_000, wrap }) {
			const [cmd, cmdArgs] = wrap ? wrap(node24(), [bin, ...args]) : [node24(), [bin, ...args]];
			const child = spawn(cmd, cmdArgs, { env: await runEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
			let output = '';
			child.stdout.on('data', (d) => (output += d));
			child.stderr.on('data', (d) => (output += d));
			const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
			const stop = async () => {
				// A wrapper (guard) passes the signal on itself: n8n takes a second SIGTERM as "exit now".
				if (child.exitCode === null && child.signalCode === null) {
					if (wrap) child.kill('SIGTERM');
					else killGroup(child, 'SIGTERM');
				}
				const t = setTimeout(() => child.exitCode === null && killGroup(child, 'SIGKILL'), 20_000);
				await exited;
				clearTimeout(t);
				// Task runners n8n started may outlive it for a moment: make sure the group is gone.
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// group already empty
				}
			};
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				if (child.exitCode !== null || child.signalCode !== null) {
					await stop();
					throw new Error(`n8n ${args.join(' ')} exited early:\n${output.slice(-4000)}`);
				}
				try {
					const r = await fetch(readyUrl);
					if (r.ok) break;
				} catch {
					// not listening yet
				}
				if (Date.now() > deadline) {
					await stop();
					throw new Error(`n8n ${args.join(' ')} not ready after ${timeoutMs} ms:\n${output.slice(-4000)}`);
				}
				await new Promise((r) => setTimeout(r, 500));
			}
			log(`n8n ${args[0]} ready (${readyUrl})`);
			return { child, pid: child.pid, output: () => output, stop };
		},
		/** Executions of a workflow, with their run data, straight from n8n's sqlite database. */
		executions(workflowId) {
			const { DatabaseSync } = require('node:sqlite');
			const flatted = require(path.join(n8nDir, 'node_modules', 'flatted'));
			const db = new DatabaseSync(path.join(home, '.n8n', 'database.sqlite'), { readOnly: true });
			try {
				const rows = db
					.prepare(
						`SELECT e.id, e.status, e.mode, e.finished, d.data FROM execution_entity e
						 LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id`,
					)
					.all(String(workflowId));
				return rows.map((r) => ({ id: r.id, status: r.status, mode: r.mode, data: r.data ? flatted.parse(r.data) : null }));
			} finally {
				db.close();
			}
		},
		/** A workflow's static data as n8n saved it (null when none). */
		staticData(workflowId) {
			const { DatabaseSync } = require('node:sqlite');
			const db = new DatabaseSync(path.join(home, '.n8n', 'database.sqlite'), { readOnly: true });
			try {
				const row = db.prepare('SELECT staticData FROM workflow_entity WHERE id = ?').get(String(workflowId));
				return row && row.staticData ? JSON.parse(row.staticData) : null;
			} finally {
				db.close();
			}
		},
		/** Every file of the n8n home (database included) as one buffer: for secret-leak checks. */
		allBytes() {
			const chunks = [];
			const walk = (dir) => {
				for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
					const p = path.join(dir, e.name);
					if (e.isDirectory()) {
						if (e.name !== 'node_modules') walk(p);
					} else chunks.push(fs.readFileSync(p));
				}
			};
			walk(path.join(home, '.n8n'));
			return Buffer.concat(chunks);
		},
		cleanup() {
			fs.rmSync(home, { recursive: true, force: true });
		},
	};
	return h;
}

/** Items of one node's output `index` (0 = main, 1 = error output) in a run. */
function nodeOutput(run, nodeName, index = 0) {
	const runs = run?.data?.resultData?.runData?.[nodeName] ?? run?.resultData?.runData?.[nodeName];
	if (!runs || runs.length === 0) return undefined;
	return (runs[0].data?.main?.[index] ?? []).map((i) => i);
}

function nodeError(run, nodeName) {
	const runs = run?.data?.resultData?.runData?.[nodeName] ?? run?.resultData?.runData?.[nodeName];
	return runs?.[0]?.error;
}

module.exports = { REPO, ensureN8n, createN8nHome, freePort, installTarball, parseRunOutput, nodeOutput, nodeError, node24 };
