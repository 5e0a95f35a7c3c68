/**
 * Workflows that exercise n8n-nodes-panel inside real n8n (tests, benchmarks, main job).
 * Plain workflow JSON as n8n's import:workflow takes it.
 */
const PANEL = 'n8n-nodes-panel.panel';
const PANEL_TRIGGER = 'n8n-nodes-panel.panelTrigger';
const CREDENTIAL = { id: 'panelSandboxCred1', name: 'Panel (sandbox)' };
/** A second credential with a key the Panel refuses: errors must not echo it. */
const WRONG_KEY_CREDENTIAL = { id: 'panelWrongKeyCrd', name: 'Panel (wrong key)' };

const WEBHOOK_CREDENTIAL = { id: 'panelHookSecret1', name: 'Panel webhook secret' };

function credentials({ apiUrl, apiKey, wrongKey, webhookToken, hmacSecret }) {
	const list = [{ id: CREDENTIAL.id, name: CREDENTIAL.name, type: 'panelApi', data: { apiUrl, apiKey } }];
	if (webhookToken || hmacSecret) list.push({ ...WEBHOOK_CREDENTIAL, type: 'panelWebhookApi', data: { token: webhookToken ?? '', hmacSecret: hmacSecret ?? '' } });
	if (wrongKey) list.push({ id: WRONG_KEY_CREDENTIAL.id, name: WRONG_KEY_CREDENTIAL.name, type: 'panelApi', data: { apiUrl, apiKey: wrongKey } });
	return list;
}

let seq = 0;
function node(name, type, parameters, extra = {}) {
	seq += 1;
	return { id: `node-${seq}`, name, type, typeVersion: 1, position: [(seq % 6) * 220, Math.floor(seq / 6) * 160], parameters, ...extra };
}
function panel(name, parameters, extra = {}) {
	return node(name, PANEL, parameters, { credentials: { panelApi: CREDENTIAL }, ...extra });
}
const locator = (id) => ({ __rl: true, mode: 'id', value: String(id) });

/**
 * A workflow from a list of nodes and edges: edges are [from, to] or [from, to, output],
 * output 1 being a node's error output (with onError: continueErrorOutput).
 */
function workflow(id, name, nodes, edges, extra = {}) {
	const connections = {};
	for (const [from, to, output = 0] of edges) {
		const c = (connections[from] ??= { main: [] });
		while (c.main.length <= output) c.main.push([]);
		c.main[output].push({ node: to, type: 'main', index: 0 });
	}
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, ...extra };
}

const start = () => node('Start', 'n8n-nodes-base.manualTrigger', {});
const noOp = (name) => node(name, 'n8n-nodes-base.noOp', {});
const onErrorOutput = { onError: 'continueErrorOutput' };

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
 * { toCancel, completed, statuses: [...] }.
 */
function allOperations(ids) {
	const nodes = [start()];
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
		add(panel(`Create ${type}`, { resource: 'order', operation: 'create', orderType: type, service: locator(service), ...fields }));
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
		add(panel('Wrong Key', { resource: 'account', operation: 'getBalance' }, { ...onErrorOutput, credentials: { panelApi: WRONG_KEY_CREDENTIAL } }));
		add(noOp('Wrong Key Error'), 'Wrong Key', 1);
	}
	return workflow('wfPanelAllOps01', 'Panel: every operation', nodes, edges);
}

/** The everyday example: place an order (Default type), then read its status. */
function placeAndTrack({ service = 1, link = 'https://instagram.com/p/example', quantity = 100, id = 'wfPanelPlaceTrk1', name = 'Panel: place an order and read its status' } = {}) {
	const nodes = [
		start(),
		panel('Place Order', { resource: 'order', operation: 'create', orderType: 'Default', service: locator(service), link, quantity }),
		panel('Order Status', { resource: 'order', operation: 'getStatus', orderId: '={{ $json.order }}' }),
	];
	return workflow(id, name, nodes, [
		['Start', 'Place Order'],
		['Place Order', 'Order Status'],
	]);
}

/** N order ids as N items (Set → Split Out), then Order → Get Status on each item. */
function manyStatuses(orderIds, { id = 'wfPanelStatuses1', name = 'Panel: statuses of many items' } = {}) {
	const nodes = [
		start(),
		node('Order IDs', 'n8n-nodes-base.set', { mode: 'raw', jsonOutput: JSON.stringify({ ids: orderIds }) }, { typeVersion: 3.4 }),
		node('One Item per Order', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'ids', options: {} }),
		panel('Get Status', { resource: 'order', operation: 'getStatus', orderId: '={{ $json.ids }}' }),
	];
	return workflow(id, name, nodes, [
		['Start', 'Order IDs'],
		['Order IDs', 'One Item per Order'],
		['One Item per Order', 'Get Status'],
	]);
}

/** The trigger: order status webhooks with a secret, final states only, duplicates dropped. */
function trigger({ webhookId, options = {}, id = 'wfPanelTrigger01', name = 'Panel: order status webhook' }) {
	const nodes = [
		node('Panel Trigger', PANEL_TRIGGER, { options: { onlyFinal: true, dropDuplicates: true, ...options } }, { webhookId, credentials: { panelWebhookApi: WEBHOOK_CREDENTIAL } }),
		noOp('Received'),
	];
	return workflow(id, name, nodes, [['Panel Trigger', 'Received']]);
}

module.exports = { CREDENTIAL, WRONG_KEY_CREDENTIAL, WEBHOOK_CREDENTIAL, ORDERS, credentials, allOperations, placeAndTrack, manyStatuses, trigger, workflow, panel, node };
