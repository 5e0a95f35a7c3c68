// @ts-check
/**
 * The one builder of n8n workflow JSON (as `n8n import:workflow` takes it) for everything that
 * runs the Panel node in real n8n: tests, benchmarks, the queue-mode suite and the main job's
 * examples (scripts/main/workflows.js builds its examples from these parts).
 *
 *   workflow(id, name, [start, panel('Get Status', {...})], [['Start', 'Get Status']])
 *
 * Node ids derive from node names (stable: a re-import updates in place); positions are laid
 * out from the order of the nodes unless given. The start of a workflow is a parameter:
 * `manualStart()` for `n8n execute`, `webhookStart()` for queue mode (executions that reach
 * workers must start from a webhook or the REST API). Credentials are a parameter of `panel`.
 */
const PACKAGE = 'n8n-nodes-panel';
const PANEL = `${PACKAGE}.panel`;
const PANEL_TRIGGER = `${PACKAGE}.panelTrigger`;
/** The credential tests and benchmarks import (id: any 16+ characters n8n accepts). */
const CREDENTIAL = { id: 'panelSandboxCred1', name: 'Panel (sandbox)' };
/** A second credential with a key the Panel refuses: errors must not echo it. */
const WRONG_KEY_CREDENTIAL = { id: 'panelWrongKeyCrd', name: 'Panel (wrong key)' };

/** The Panel Trigger's secrets (a Panel Webhook API credential). */
const WEBHOOK_CREDENTIAL = { id: 'panelHookSecret1', name: 'Panel webhook secret' };

/**
 * Plaintext credentials for `importCredentials`: the sandbox one (or `credential`), plus the
 * wrong-key one when `wrongKey` is given, and the trigger's webhook secret when `webhookToken`
 * or `hmacSecret` is.
 * @param {{ apiUrl: string, apiKey: string, wrongKey?: string, webhookToken?: string, hmacSecret?: string, credential?: { id: string, name: string } }} o
 */
function credentials({ apiUrl, apiKey, wrongKey, webhookToken, hmacSecret, credential = CREDENTIAL }) {
	/** @type {Array<{ id: string, name: string, type: string, data: Record<string, string> }>} */
	const list = [{ id: credential.id, name: credential.name, type: 'panelApi', data: { apiUrl, apiKey } }];
	if (webhookToken || hmacSecret) list.push({ ...WEBHOOK_CREDENTIAL, type: 'panelWebhookApi', data: { token: webhookToken ?? '', hmacSecret: hmacSecret ?? '' } });
	if (wrongKey) list.push({ id: WRONG_KEY_CREDENTIAL.id, name: WRONG_KEY_CREDENTIAL.name, type: 'panelApi', data: { apiUrl, apiKey: wrongKey } });
	return list;
}

/** A stable node id derived from the name (n8n wants one; any unique string will do). */
function nodeId(name) {
	let h = 0;
	for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
	const hex = h.toString(16).padStart(8, '0');
	return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}

/**
 * Any node. `extra` may set typeVersion, position, credentials, webhookId, onError, ….
 * @param {string} name @param {string} type @param {Record<string, unknown>} parameters @param {Record<string, unknown>} [extra]
 * @returns {any}
 */
function node(name, type, parameters, extra = {}) {
	return { id: nodeId(name), name, type, typeVersion: 1, parameters, ...extra };
}

/**
 * A Panel node; `credential` picks the imported credential (default: the tests' sandbox one).
 * @param {string} name @param {Record<string, unknown>} parameters
 * @param {Record<string, unknown> & { credential?: { id: string, name: string } }} [extra]
 */
function panel(name, parameters, { credential = CREDENTIAL, ...extra } = {}) {
	return node(name, PANEL, parameters, { credentials: { panelApi: { id: credential.id, name: credential.name } }, ...extra });
}

/** A resource locator value by id (what the Service picker stores in "By ID" mode). */
const locator = (/** @type {string | number} */ id) => ({ __rl: true, mode: 'id', value: String(id) });

/** The start `n8n execute` runs (not queue mode: `n8n execute` runs in-process). */
const manualStart = (name = 'Start') => node(name, 'n8n-nodes-base.manualTrigger', {});

/**
 * A Webhook start: in queue mode its executions go through Redis to the workers. With
 * `responseMode: 'lastNode'` the caller gets the last node's items (`responseData`:
 * 'allEntries' or 'firstEntryJson') once the run ends.
 * @param {string} name @param {{ path: string, webhookId: string, method?: string, responseMode?: string, responseData?: string }} o
 */
function webhookStart(name, { path, webhookId, method = 'POST', responseMode = 'lastNode', responseData = 'allEntries' }) {
	const parameters = { httpMethod: method, path, responseMode, options: {} };
	if (responseMode === 'lastNode') Object.assign(parameters, { responseData });
	return node(name, 'n8n-nodes-base.webhook', parameters, { typeVersion: 2, webhookId });
}

const noOp = (/** @type {string} */ name) => node(name, 'n8n-nodes-base.noOp', {});
const wait = (/** @type {string} */ name, /** @type {number} */ seconds, /** @type {string} */ webhookId) =>
	node(name, 'n8n-nodes-base.wait', { amount: seconds, unit: 'seconds' }, { typeVersion: 1.1, webhookId });
/** A Wait until an instant (ISO text or an expression giving one); under 65 s it waits in memory. */
const waitUntil = (/** @type {string} */ name, /** @type {string} */ dateTime, /** @type {string} */ webhookId) =>
	node(name, 'n8n-nodes-base.wait', { resume: 'specificTime', dateTime }, { typeVersion: 1.1, webhookId });
const onErrorOutput = { onError: 'continueErrorOutput' };

/**
 * Connections from edges: [from, to] or [from, to, output], output 1 being a node's error
 * output (with onError: continueErrorOutput).
 * @param {Array<[string, string] | [string, string, number]>} edges
 */
function connections(edges) {
	/** @type {Record<string, { main: Array<Array<{ node: string, type: 'main', index: number }>> }>} */
	const out = {};
	for (const [from, to, output = 0] of edges) {
		const c = (out[from] ??= { main: [] });
		while (c.main.length <= output) c.main.push([]);
		c.main[output].push({ node: to, type: 'main', index: 0 });
	}
	return out;
}

/** Edges of a straight line of nodes: a → b → c. */
const line = (/** @type {string[]} */ ...names) => names.slice(1).map((to, i) => /** @type {[string, string]} */ ([names[i], to]));

/**
 * A workflow from nodes and edges. Nodes without a position are laid out six to a row.
 * @param {string} id @param {string} name @param {any[]} nodes
 * @param {Array<[string, string] | [string, string, number]>} edges @param {Record<string, unknown>} [extra] e.g. { active: true }
 */
function workflow(id, name, nodes, edges, extra = {}) {
	const laidOut = nodes.map((n, i) => (n.position ? n : { ...n, position: [(i % 6) * 220, Math.floor(i / 6) * 160] }));
	return { id, name, active: false, nodes: laidOut, connections: connections(edges), settings: { executionOrder: 'v1' }, ...extra };
}

/** One order per creatable type: [type, service id in the sandbox's default catalog, fields]. */
const ORDERS = [
	['Default', 1, { link: 'https://instagram.com/p/n8n-default', quantity: 100, additionalFields: { runs: 2, interval: 15 } }],
	['SEO', 4, { link: 'https://example.com/landing', keywords: 'smm panel, n8n automation', quantity: 200 }],
	['Custom Comments', 5, { link: 'https://instagram.com/p/n8n-comments', comments: 'Great post!\nLove it\n\nSo good' }],
	['Custom Comments Package', 6, { username: 'n8n_channel', min: 2, max: 5, delay: 0, additionalFields: { posts: 3 } }],
	['Poll', 7, { link: 'https://t.me/n8n_poll/7', quantity: 50, answer_number: 2 }],
	['Invites from Groups', 9, { link: 'https://t.me/n8n_group', groups: 'group_one\ngroup_two', quantity: 150 }],
	['Package', 10, { link: 'https://tiktok.com/@n8n' }],
];

/**
 * Every operation of the Panel node in one run. `ids` are orders prepared in the Panel:
 * { toCancel, completed, statuses: [...], wrongKey? }.
 */
function allOperations(ids) {
	const nodes = [manualStart()];
	/** @type {Array<[string, string, number]>} */
	const edges = [];
	const add = (n, from = 'Start', output = 0) => {
		nodes.push(n);
		edges.push([from, n.name, output]);
		return n;
	};
	add(panel('Balance', { resource: 'account', operation: 'getBalance' }));
	add(panel('Services', { resource: 'service', operation: 'getMany', returnAll: true }));
	add(panel('Services Filtered', {
		resource: 'service', operation: 'getMany', returnAll: false, limit: 5,
		filters: { category: 'Telegram', type: 'Poll', name: 'poll' },
	}));
	add(panel('Service', { resource: 'service', operation: 'get', service: locator(7) }));
	for (const [type, service, fields] of ORDERS) {
		add(panel(`Create ${type}`, { resource: 'order', operation: 'create', orderType: type, service: locator(/** @type {number} */ (service)), ...(/** @type {object} */ (fields)) }));
	}
	add(panel('Order Status', { resource: 'order', operation: 'getStatus', orderId: '={{ $json.order }}' }), 'Create Default');
	add(panel('Dry Run', {
		resource: 'order', operation: 'create', orderType: 'Poll', service: locator(7),
		link: 'https://t.me/n8n_poll/8', quantity: 1000, answer_number: 1, options: { dryRun: true },
	}));
	add(panel('Create Subscriptions', { resource: 'order', operation: 'create', orderType: 'Subscriptions', service: locator(8) }, onErrorOutput));
	add(noOp('Subscriptions Refused'), 'Create Subscriptions', 1);
	add(noOp('Subscriptions Placed'), 'Create Subscriptions', 0);
	add(panel('Wrong Type', {
		resource: 'order', operation: 'create', orderType: 'Poll', service: locator(1), link: 'https://x.test/p', quantity: 100, answer_number: 1,
	}, onErrorOutput));
	add(noOp('Wrong Type Refused'), 'Wrong Type', 1);
	add(panel('Quantity Too Low', {
		resource: 'order', operation: 'create', orderType: 'Default', service: locator(1), link: 'https://x.test/p', quantity: 1,
	}, onErrorOutput));
	add(noOp('Quantity Refused'), 'Quantity Too Low', 1);
	add(panel('Unknown Order', { resource: 'order', operation: 'getStatus', orderId: '999999' }, onErrorOutput));
	add(noOp('Unknown Order Error'), 'Unknown Order', 1);
	add(panel('Many Statuses', { resource: 'order', operation: 'getManyStatuses', orderIds: `${ids.statuses.join(', ')}, 999999` }));
	add(panel('Cancel', { resource: 'order', operation: 'cancel', orderIds: String(ids.toCancel) }));
	add(panel('Refill', { resource: 'order', operation: 'refill', orderId: String(ids.completed) }));
	add(panel('Refill Status', { resource: 'refill', operation: 'getStatus', refillId: '={{ $json.refill }}' }), 'Refill');
	if (ids.wrongKey) {
		add(panel('Wrong Key', { resource: 'account', operation: 'getBalance' }, { ...onErrorOutput, credential: WRONG_KEY_CREDENTIAL }));
		add(noOp('Wrong Key Error'), 'Wrong Key', 1);
	}
	return workflow('wfPanelAllOps01', 'Panel: every operation', nodes, edges);
}

/**
 * The everyday example: place an order (Default type), optionally wait, then read its status.
 * `start` defaults to a Manual Trigger named 'Start'; pass `webhookStart(…)` for queue mode.
 */
function placeAndTrack({
	service = 1,
	link = 'https://instagram.com/p/example',
	quantity = /** @type {number | string} */ (100),
	id = 'wfPanelPlaceTrk1',
	name = 'Panel: place an order and read its status',
	start = manualStart(),
	waitSeconds = 0,
	credential = CREDENTIAL,
} = {}) {
	const nodes = [start, panel('Place Order', { resource: 'order', operation: 'create', orderType: 'Default', service: locator(service), link, quantity }, { credential })];
	if (waitSeconds > 0) nodes.push(wait('Wait', waitSeconds, nodeId(`${id} wait`)));
	nodes.push(panel('Order Status', { resource: 'order', operation: 'getStatus', orderId: '={{ $json.order }}' }, { credential }));
	return workflow(id, name, nodes, line(...nodes.map((n) => n.name)));
}

/**
 * N order ids as N items (Set → Split Out), then Order → Get Status on each item (the node
 * batches them). `waitUntil` (an expression giving an instant) holds the run after its start,
 * so runs started apart can send their requests together.
 */
function manyStatuses(
	/** @type {Array<number | string>} */ orderIds,
	{ id = 'wfPanelStatuses1', name = 'Panel: statuses of many items', start = manualStart(), credential = CREDENTIAL, waitUntil: until = '' } = {},
) {
	const nodes = [
		start,
		...(until ? [waitUntil('Wait Until', until, nodeId(`${id} wait`))] : []),
		node('Order IDs', 'n8n-nodes-base.set', { mode: 'raw', jsonOutput: JSON.stringify({ ids: orderIds }) }, { typeVersion: 3.4 }),
		node('One Item per Order', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'ids', options: {} }),
		panel('Get Status', { resource: 'order', operation: 'getStatus', orderId: '={{ $json.ids }}' }, { credential }),
	];
	return workflow(id, name, nodes, line(...nodes.map((n) => n.name)));
}

/**
 * The trigger: order status webhooks with a secret, final states only, duplicates dropped.
 * `typeVersion`: 1.1 is what the editor adds; 1 is what older workflows hold.
 */
function trigger({ webhookId, options = {}, id = 'wfPanelTrigger01', name = 'Panel: order status webhook', typeVersion = 1.1 }) {
	const nodes = [
		node('Panel Trigger', PANEL_TRIGGER, { options: { onlyFinal: true, dropDuplicates: true, ...options } }, { typeVersion, webhookId, credentials: { panelWebhookApi: WEBHOOK_CREDENTIAL } }),
		noOp('Received'),
	];
	return workflow(id, name, nodes, [['Panel Trigger', 'Received']]);
}

module.exports = {
	PANEL,
	PANEL_TRIGGER,
	CREDENTIAL,
	WRONG_KEY_CREDENTIAL,
	WEBHOOK_CREDENTIAL,
	ORDERS,
	credentials,
	nodeId,
	node,
	panel,
	locator,
	manualStart,
	webhookStart,
	noOp,
	wait,
	waitUntil,
	onErrorOutput,
	connections,
	line,
	workflow,
	allOperations,
	placeAndTrack,
	manyStatuses,
	trigger,
};
