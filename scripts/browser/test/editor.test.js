/**
 * The n8n node as a user meets it: a real Chromium (Debian's `chromium`, puppeteer-core)
 * drives the editor of a real n8n 2.41.1 that runs the packed n8n-nodes-panel against the
 * sandbox Panel. One n8n start, one browser, one page for the whole file; the tests run in
 * order and each keeps screenshots of its steps in scripts/browser/artifacts/ (gitignored).
 * Expected values come from core (order-type table, order pricing, status parsing) and the
 * sandbox's catalog, never from this file.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startStack, OWNER, WORKFLOW_ID, WEBHOOK_ID, CREDENTIALS, REPO } = require('../stack');
const { launchChromium } = require('../chromium');
const { createEditor, until } = require('../editor');

const core = require(path.join(REPO, 'packages', 'core', 'dist', 'index.js'));
const coreNode = require(path.join(REPO, 'packages', 'core', 'dist', 'node', 'index.js'));

const ARTIFACTS = process.env.PANEL_BROWSER_ARTIFACTS || path.join(__dirname, '..', 'artifacts');
const log = (m) => process.stderr.write(`[browser] ${m}\n`);

/**
 * Console errors that are not the node's, each with why it is harmless here. Everything
 * else the console reports as an error fails the last test.
 */
const IGNORED_CONSOLE = [
	// The editor itself fetches the installed community package's npm page
	// (https://registry.npmjs.org/n8n-nodes-panel) to compare versions; without network it fails.
	{ pattern: /^Failed to load resource: .* @ https:\/\/registry\.npmjs\.org\/n8n-nodes-panel$/, why: 'npm registry lookup without network' },
	// The sign-in page first asks whether a session exists (GET /rest/login); before signing in the answer is 401.
	{ pattern: /status of 401 \(Unauthorized\) @ http:\/\/localhost:\d+\/rest\/login$/, why: 'session check before signing in' },
];

// beforeAll may install n8n on a machine's first run (~5–8 min, scripts/n8n/ensure-n8n.sh).
jest.setTimeout(15 * 60_000);

let stack;
let browser;
let page;
let ed;
let client;
const consoleErrors = [];

beforeAll(async () => {
	fs.rmSync(ARTIFACTS, { recursive: true, force: true });
	stack = await startStack({ log });
	client = coreNode.createPanelClient({ apiUrl: stack.sb.apiUrl, apiKey: stack.sb.key });
	browser = await launchChromium({ log });
	page = await browser.newPage();
	page.setDefaultTimeout(30_000);
	// Leaving a workflow with unsaved edits asks "leave the page?": yes.
	page.on('dialog', (d) => void d.accept());
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(`${m.text()} @ ${m.location()?.url ?? ''}`);
	});
	page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
	ed = createEditor(page, { baseUrl: stack.baseUrl, artifacts: ARTIFACTS });
	await ed.login(OWNER);
	await ed.openWorkflow(WORKFLOW_ID);
	await ed.shot('workflow');
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

describe('the node creator', () => {
	afterAll(async () => {
		await ed.closeNodeCreator();
	});

	it.each(['Panel', 'smm'])('finds the node and the trigger by "%s"', async (term) => {
		const results = await ed.searchNodes(term);
		await ed.shot(`node-creator-${term}`);
		expect(results).toContain('Panel');
		const { categories, actions } = await ed.openNodeCreatorItem('Panel');
		await ed.shot(`node-creator-${term}-opened`);
		// The Panel node's operations and the Panel Trigger, under one app entry.
		expect(actions).toEqual(expect.arrayContaining(['Create an order', 'Get the status of an order']));
		expect(categories.some((c) => /^Triggers \(1\)$/.test(c))).toBe(true);
		expect(categories.some((c) => /^Actions \(\d+\)$/.test(c))).toBe(true);
		await ed.closeNodeCreator();
	});
});

describe('the Create form, for each order type', () => {
	const COMMON = ['resource', 'operation', 'orderType', 'service'];
	let catalog;

	beforeAll(async () => {
		catalog = await client.services();
		await ed.openWorkflow(WORKFLOW_ID);
		await ed.openNode('Order form');
	});

	it.each(core.ORDER_TYPE_NAMES)('%s: exactly the type\'s fields, and the picker lists and searches that type\'s services', async (type) => {
		await ed.select('orderType', type);
		const shown = await ed.shownParameters();
		const fields = core.orderFields(type);
		const byLabel = new Map(fields.map((f) => [f.label, f.name]));
		// Optional fields sit in a collection ("Add Field"); the node's own Options are not order fields.
		const inCollections = [];
		for (const c of shown.collections.filter((c) => c !== 'options')) {
			for (const label of await ed.collectionOptions(c)) inCollections.push(byLabel.get(label) ?? `unknown field "${label}"`);
		}
		const topLevel = shown.names.filter((n) => !COMMON.includes(n));
		await ed.shot(`create-${type}-form`);
		expect([...topLevel, ...inCollections].sort()).toEqual(fields.map((f) => f.name).sort());
		// A required field is never hidden behind "Add Field".
		expect(topLevel).toEqual(expect.arrayContaining(fields.filter((f) => f.required).map((f) => f.name)));

		const ofType = catalog.filter((s) => s.type === type);
		const ids = (services) => services.map((s) => String(s.service)).sort();
		// A row names its service by id first ("1 · Instagram …" or "#1 Instagram …").
		const rowIds = (rows) => rows.map((r) => (/\d+/.exec(r.text) ?? ['?'])[0]).sort();
		expect(ofType.length).toBeGreaterThan(0);
		const rows = await ed.openPicker();
		await ed.shot(`create-${type}-picker`);
		expect(rowIds(rows)).toEqual(ids(ofType));
		// Rows show their whole text (rate and min–max), not cut off.
		expect(rows.filter((r) => r.cutOff).map((r) => r.text)).toEqual([]);

		const wanted = ofType[ofType.length - 1];
		const found = await ed.searchPicker(wanted.name);
		await ed.shot(`create-${type}-picker-search`);
		expect(rowIds(found)).toContain(String(wanted.service));
		expect(ids(ofType)).toEqual(expect.arrayContaining(rowIds(found)));
		await ed.closeDropdown();
	});

	it('does not keep a service of the old type when Order Type changes', async () => {
		const picked = () => page.$eval('[data-test-id="parameter-input-service"] [data-test-id="rlc-input-container"]', (c) => [...c.querySelectorAll('input')].map((i) => i.value).join(' ').trim());
		await ed.select('orderType', 'Default');
		const rows = await ed.openPicker();
		await ed.pickRow(rows[0].text);
		await until(async () => (await picked()) !== '', 'the picked service to show');
		await ed.shot('create-type-change-picked');
		await ed.select('orderType', 'SEO');
		await ed.shot('create-type-change');
		const value = await picked();
		const flagged = await page.$$eval('[data-test-id="parameter-item"]', (items) =>
			items.some((i) => i.querySelector('[data-test-id="parameter-input-service"]') && [...i.querySelectorAll('[data-test-id="parameter-issues"]')].some((e) => e.offsetParent !== null)),
		);
		// Either the stale service is cleared, or the form flags it before any run.
		expect({ value, flagged }).toEqual(value === '' ? { value: '', flagged } : { value, flagged: true });
	});
});

describe('Execute step', () => {
	let placed;

	it('on a dry run shows what would be sent and what it would cost', async () => {
		await ed.openNode('Dry run');
		const out = await ed.executeStep();
		await ed.shot('execute-dry-run');
		expect(out.error).toBeUndefined();
		const [item] = out.items;
		const service = (await client.services()).find((s) => s.service === '1');
		const prepared = await client.prepareOrder(service, { link: 'https://instagram.com/p/browser-suite', quantity: 100 });
		expect(item).toMatchObject({ dry_run: true, service: '1', quantity: 100, charge_estimate: prepared.charge });
		expect(stack.sb.orders()).toHaveLength(0);
	});

	it('on a real order shows the placed order', async () => {
		await ed.openNode('Real order');
		const out = await ed.executeStep();
		await ed.shot('execute-real-order');
		expect(out.error).toBeUndefined();
		const [item] = out.items;
		const orders = stack.sb.orders();
		expect(orders).toHaveLength(1);
		expect(String(item.order)).toBe(String(orders[0].order));
		expect(item).toMatchObject({ service: '1', quantity: 100 });
		placed = item.order;
	});

	it('Get Status shows the placed order\'s status', async () => {
		await ed.openNode('Order status');
		await ed.typeInto('orderId', String(placed));
		const out = await ed.executeStep();
		await ed.shot('execute-get-status');
		expect(out.error).toBeUndefined();
		const [item] = out.items;
		const status = await client.status(placed);
		expect(String(item.order)).toBe(String(placed));
		expect(item.status).toBe(status.status);
		expect(item.charge).toBe(status.charge);
		// No empty error field on a good status.
		expect(item).not.toHaveProperty('error');
	});
});

describe('the trigger\'s panel', () => {
	it('shows its test and production URLs and the setup text', async () => {
		const types = await ed.nodeTypes();
		const trigger = types.find((t) => t.name === 'n8n-nodes-panel.panelTrigger');
		const notice = trigger.properties.find((p) => p.type === 'notice');
		const webhookPath = trigger.webhooks[0].path;
		await ed.openNode('Panel Trigger');
		const [toggle] = await page.$$('xpath/.//*[@data-test-id="node-parameters"]//*[contains(@class, "headline")]');
		if (!(await page.$('[data-test-id="node-parameters"] .webhook-url'))) await toggle.click();
		const testUrl = await page.$eval('[data-test-id="node-parameters"] .webhook-url', (e) => e.textContent.trim());
		await ed.shot('trigger-test-url');
		await page.click('[data-test-id="node-parameters"] [data-test-id="radio-button-production"]');
		await until(async () => (await page.$eval('[data-test-id="node-parameters"] .webhook-url', (e) => e.textContent.trim())) !== testUrl, 'the production URL');
		const prodUrl = await page.$eval('[data-test-id="node-parameters"] .webhook-url', (e) => e.textContent.trim());
		await ed.shot('trigger-production-url');
		expect(testUrl).toBe(`${stack.baseUrl}/webhook-test/${WEBHOOK_ID}/${webhookPath}`);
		expect(prodUrl).toBe(`${stack.baseUrl}/webhook/${WEBHOOK_ID}/${webhookPath}`);
		const shown = await page.$eval('[data-test-id="ndv"]', (e) => e.innerText.replace(/\s+/g, ' '));
		expect(shown).toContain(notice.displayName.replace(/\s+/g, ' '));
		// The panel's own setup header (the trigger's triggerPanel), left of the parameters.
		expect(shown).toContain(trigger.triggerPanel.header);
		await ed.closeNdv();
	});
});

describe('the credential dialog\'s test', () => {
	it('says the connection works for a good key', async () => {
		const r = await ed.credentialTest(CREDENTIALS.good.id);
		await ed.shot('credential-good');
		expect(r.success).toBe(true);
		expect(r.text).toMatch(/tested successfully/i);
	});

	it('says the API key was refused for a wrong key', async () => {
		const r = await ed.credentialTest(CREDENTIALS.wrongKey.id);
		await ed.shot('credential-wrong-key');
		expect(r.success).toBe(false);
		expect(r.text).toMatch(/rejected the API key/);
	});

	it('says the API URL is wrong for a URL where no Panel answers', async () => {
		const r = await ed.credentialTest(CREDENTIALS.wrongUrl.id);
		await ed.shot('credential-wrong-url');
		expect(r.success).toBe(false);
		expect(r.text).toMatch(/API URL/);
	});

	it('says the host cannot be reached, in words, for a host that is down', async () => {
		const r = await ed.credentialTest(CREDENTIALS.hostDown.id);
		await ed.shot('credential-host-down');
		expect(r.success).toBe(false);
		// A sentence that says what happened and what to check, not a bare error code.
		expect(r.text).toMatch(/(could not|couldn't|cannot|can't|unable to) (connect|reach)|not reachable|no answer|nothing answers/i);
		expect(r.text).toMatch(/API URL/);
		expect(r.text.replace(/Couldn.t connect with these settings/i, '')).not.toMatch(/^\W*ECONNREFUSED\W*$|^\W*\bconnect ECONNREFUSED\b[\d.:\s]*$/);
	});
});

describe('"Custom API Call"', () => {
	// n8n adds it to the Resource list and to each Operation list of a node whose credential
	// has `authenticate`; where it is offered, choosing it must run without error.
	it('is absent from the Resource and every Operation list, or works end to end', async () => {
		const CUSTOM = 'Custom API Call';
		await ed.openWorkflow(WORKFLOW_ID);
		await ed.openNode('Order form');
		const resources = await ed.optionsOf('resource');
		await ed.closeDropdown();
		const offered = resources.includes(CUSTOM) ? [{ resource: CUSTOM }] : [];
		for (const resource of resources.filter((r) => r !== CUSTOM)) {
			await ed.select('resource', resource);
			const ops = await ed.optionsOf('operation');
			await ed.shot(`custom-api-call-${resource}-operations`);
			await ed.closeDropdown();
			if (ops.includes(CUSTOM)) offered.push({ resource, operation: CUSTOM });
		}
		const failures = [];
		for (const place of offered) {
			await ed.select('resource', place.resource);
			if (place.operation) await ed.select('operation', place.operation);
			const title = await page.$eval('[data-test-id="node-title-container"]', (e) => e.textContent.trim());
			const out = await ed.executeStep();
			await ed.shot(`custom-api-call-${place.resource}-executed`);
			if (/__CUSTOM_API_CALL__/.test(title) || out.error) failures.push({ ...place, title, error: out.error?.replace(/\s+/g, ' ').slice(0, 200) });
		}
		expect(failures).toEqual([]);
	});
});

describe('the browser console', () => {
	it('reported no error other than the documented harmless ones', () => {
		// Every console error, ignored or not, is kept beside the screenshots for a look.
		fs.writeFileSync(path.join(ARTIFACTS, 'console-errors.txt'), consoleErrors.map((e) => `${e}\n`).join(''));
		const unexpected = consoleErrors.filter((e) => !IGNORED_CONSOLE.some((i) => i.pattern.test(e)));
		expect(unexpected).toEqual([]);
	});
});
