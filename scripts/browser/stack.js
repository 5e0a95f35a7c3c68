/**
 * What the browser suite drives: the sandbox Panel, one real n8n 2.41.1 (scripts/n8n/harness.js)
 * with the packed n8n-nodes-panel, an owner account, four Panel credentials (good key, wrong
 * key, wrong URL, a host that is down) and one workflow holding the nodes the suite opens.
 * `node scripts/browser/stack.js` starts it by hand (ports from PANEL_BROWSER_N8N_PORT /
 * PANEL_BROWSER_SANDBOX_PORT) and holds it until Ctrl-C, for looking at the editor.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const harness = require(path.join(REPO, 'scripts', 'n8n', 'harness.js'));

const OWNER = { email: 'browser@panel.local', password: 'Panel-browser-2026' };
const WORKFLOW_ID = 'wfPanelBrowser01';
const WEBHOOK_ID = '6b1d2c4e-0f3a-4b5c-8d7e-9a0b1c2d3e4f';
const CREDENTIALS = {
	good: { id: 'panelBrowserGood', name: 'Panel (sandbox)' },
	wrongKey: { id: 'panelBrowserWKey', name: 'Panel (wrong key)' },
	wrongUrl: { id: 'panelBrowserWUrl', name: 'Panel (wrong URL)' },
	hostDown: { id: 'panelBrowserDown', name: 'Panel (host down)' },
};
const credRef = (c) => ({ panelApi: { id: c.id, name: c.name } });
/** The trigger's secret, as a user sets it up (a Panel Webhook API credential). */
const WEBHOOK_CREDENTIAL = { id: 'panelBrowserHook', name: 'Panel webhook (browser)' };

/** The workflow the suite opens: a manual start, the Panel node for each step, the trigger. */
function workflow() {
	const panel = (name, position, parameters) => ({
		id: `browser-${name.replace(/\W/g, '-').toLowerCase()}`,
		name,
		type: 'n8n-nodes-panel.panel',
		typeVersion: 1,
		position,
		parameters,
		credentials: credRef(CREDENTIALS.good),
	});
	const create = (extra) => ({
		resource: 'order',
		operation: 'create',
		orderType: 'Default',
		service: { __rl: true, mode: 'id', value: '1' },
		link: 'https://instagram.com/p/browser-suite',
		quantity: 100,
		...extra,
	});
	return {
		id: WORKFLOW_ID,
		name: 'Panel in the browser',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'browser-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			panel('Order form', [260, -200], { resource: 'order', operation: 'create', orderType: 'Default' }),
			panel('Dry run', [260, 0], create({ options: { dryRun: true } })),
			panel('Real order', [520, 0], create({})),
			panel('Order status', [780, 0], { resource: 'order', operation: 'getStatus', orderId: '' }),
			{
				id: 'browser-trigger',
				name: 'Panel Trigger',
				type: 'n8n-nodes-panel.panelTrigger',
				typeVersion: 1.1,
				position: [0, 300],
				webhookId: WEBHOOK_ID,
				parameters: {},
				credentials: { panelWebhookApi: WEBHOOK_CREDENTIAL },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Order form', type: 'main', index: 0 }, { node: 'Dry run', type: 'main', index: 0 }, { node: 'Real order', type: 'main', index: 0 }, { node: 'Order status', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * Builds and packs the node, starts the sandbox and n8n; `stop()` ends both and removes the
 * n8n home. `log` gets progress lines.
 */
async function startStack({ n8nPort, sandboxPort = 0, log = () => {} } = {}) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-browser-'));
	const stops = [];
	const stop = async () => {
		for (const fn of stops.reverse()) {
			try {
				await fn();
			} catch (err) {
				log(`while stopping: ${err.message}`);
			}
		}
		fs.rmSync(work, { recursive: true, force: true });
	};
	try {
		const pkg = path.join(REPO, 'packages', 'n8n-nodes-panel');
		// The tarball n8n installs is what would be published: build, then pnpm pack.
		execFileSync(process.execPath, [path.join(pkg, 'scripts', 'build.js'), '--no-typecheck'], { stdio: ['ignore', 'ignore', 'inherit'] });
		const { pack } = require(path.join(pkg, 'scripts', 'pack.js'));
		const tarball = pack(path.join(work, 'pack'));

		const { startSandbox } = require(path.join(REPO, 'packages', 'sandbox', 'dist', 'index.js'));
		const sb = await startSandbox({ port: sandboxPort, host: '127.0.0.1', clock: 'manual' });
		stops.push(() => sb.stop());
		log(`sandbox Panel on ${sb.apiUrl}`);

		const h = await harness.createN8nHome({ tarball, userFolder: path.join(work, 'home'), port: n8nPort, log });
		const bcrypt = require(path.join(h.n8nDir, 'node_modules', 'bcryptjs'));
		Object.assign(h.env, {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
			N8N_INSTANCE_OWNER_FIRST_NAME: 'Panel',
			N8N_INSTANCE_OWNER_LAST_NAME: 'Browser',
		});
		const downPort = await harness.freePort(); // nothing listens there: a host that is down
		const data = {
			good: { apiUrl: sb.apiUrl, apiKey: sb.key },
			wrongKey: { apiUrl: sb.apiUrl, apiKey: 'browser-wrong-key' },
			wrongUrl: { apiUrl: `${new URL(sb.apiUrl).origin}/no/such/api`, apiKey: sb.key },
			hostDown: { apiUrl: `http://127.0.0.1:${downPort}/api/v2`, apiKey: sb.key },
		};
		await h.importCredentials([
			...Object.entries(CREDENTIALS).map(([k, c]) => ({ id: c.id, name: c.name, type: 'panelApi', data: data[k] })),
			{ ...WEBHOOK_CREDENTIAL, type: 'panelWebhookApi', data: { token: 'browser-webhook-token-0123456789' } },
		]);
		await h.importWorkflow(workflow());
		const server = await h.start();
		stops.push(() => server.stop());
		return { sb, h, server, baseUrl: `http://localhost:${h.port}`, work, credentialData: data, stop };
	} catch (err) {
		await stop();
		throw err;
	}
}

module.exports = { startStack, OWNER, WORKFLOW_ID, WEBHOOK_ID, CREDENTIALS, REPO };

if (require.main === module) {
	(async () => {
		const stack = await startStack({
			n8nPort: Number(process.env.PANEL_BROWSER_N8N_PORT || 5770),
			sandboxPort: Number(process.env.PANEL_BROWSER_SANDBOX_PORT || 4600),
			log: (m) => process.stdout.write(`[stack] ${m}\n`),
		});
		process.stdout.write(`[stack] n8n ${stack.baseUrl}/workflow/${WORKFLOW_ID} (${OWNER.email} / ${OWNER.password}); Ctrl-C stops\n`);
		const bye = async () => {
			await stack.stop();
			process.exit(0);
		};
		process.on('SIGINT', bye);
		process.on('SIGTERM', bye);
	})().catch((err) => {
		process.stderr.write(`${err.stack}\n`);
		process.exit(1);
	});
}
