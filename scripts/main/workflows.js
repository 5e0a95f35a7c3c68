// @ts-check
/**
 * What the main job imports into n8n, as data: the sandbox credential and the three example
 * workflows, built with the one workflow builder (scripts/n8n/workflows.js). Ids are fixed so
 * a re-import updates in place instead of adding copies.
 */
const B = require('../n8n/workflows');

const CREDENTIAL_ID = 'panelSandboxCred01';
const CREDENTIAL = { id: CREDENTIAL_ID, name: 'Panel sandbox (local)' };

/** Fixed ids: n8n accepts any 16-character id on import. */
const IDS = {
  order: 'panelDemoOrder01',
  trigger: 'panelDemoHooks01',
  batch: 'panelDemoBatch01',
};

/** Production webhook paths that start the manual examples in queue mode (on the workers). */
const QUEUE_PATHS = { order: 'panel-demo-order', batch: 'panel-demo-batch' };

/**
 * In queue mode a Manual Trigger run does not go through the queue: the example also starts
 * from a webhook (published), beside its Manual Trigger, and answers with its last node's items.
 * @param {any[]} nodes @param {Array<[string, string]>} edges @param {string} path
 */
function withQueueStart(nodes, edges, path) {
  const start = { ...B.webhookStart('Start from a webhook (queue mode)', { path, webhookId: B.nodeId(`queue start ${path}`) }), position: [0, 200] };
  return { nodes: [...nodes, start], edges: [...edges, /** @type {[string, string]} */ ([start.name, edges[0][1]])] };
}

/** The trigger's webhook id (a UUID n8n puts in the production URL). */
const TRIGGER_WEBHOOK_ID = '5f0c2a4e-7b1d-4c8e-9a3f-2d6b8e1c4a70';
const TRIGGER_PATH = 'panel';

/** How many orders the batch example asks about (the main job places at least this many). */
const BATCH_SIZE = 200;

const WEBHOOK_CREDENTIAL = { id: 'panelDemoHookCrd', name: 'Panel webhook (local)' };

/** The API credential, and the trigger's webhook secret when a token is given. @param {{ apiUrl: string, apiKey: string, token?: string }} o */
function credentials({ apiUrl, apiKey, token }) {
  /** @type {Array<{ id: string, name: string, type: string, data: Record<string, string> }>} */
  const list = B.credentials({ apiUrl, apiKey, credential: CREDENTIAL });
  if (token) list.push({ ...WEBHOOK_CREDENTIAL, type: 'panelWebhookApi', data: { token } });
  return list;
}

/** A Panel node on the demo credential at a given position. @param {string} name @param {[number, number]} position @param {Record<string, unknown>} parameters */
function panelNode(name, position, parameters) {
  return B.panel(name, parameters, { credential: CREDENTIAL, position });
}

/** @param {string} name @param {[number, number]} position */
function manualTrigger(name, position) {
  return { ...B.manualStart(name), position };
}

/** Connections of main-output links, in order. @param {...[string, string]} links */
const chain = (...links) => B.connections(links);

const MANUAL = 'When clicking "Execute workflow"';

/** Place a Default order (Instagram Likes in the sandbox's catalog), wait, read its status. */
function orderWorkflow(queue = false) {
  const nodes = [
    manualTrigger(MANUAL, [0, 0]),
    panelNode('Estimate the order (dry run)', [220, 0], {
      resource: 'order',
      operation: 'create',
      orderType: 'Default',
      // 'list' mode shows the service's name in the editor (and skips the id mode's regex check,
      // which n8n runs under a 250 ms budget that a loaded machine can miss).
      service: { __rl: true, mode: 'list', value: '2', cachedResultName: 'Instagram Likes [Fast] (2)' },
      link: 'https://instagram.com/p/panel-demo',
      quantity: 500,
      options: { dryRun: true },
    }),
    panelNode('Place the order', [440, 0], {
      resource: 'order',
      operation: 'create',
      orderType: 'Default',
      service: { __rl: true, mode: 'id', value: '={{ $json.service }}' },
      link: 'https://instagram.com/p/panel-demo',
      quantity: '={{ $json.quantity }}',
    }),
    { ...B.wait('Wait 3 seconds', 3, '0b7c51f2-93a8-4d6e-8c1a-7e5d2f9b3a61'), position: [660, 0] },
    panelNode('Read its status', [880, 0], {
      resource: 'order',
      operation: 'getStatus',
      orderId: "={{ $('Place the order').item.json.order }}",
    }),
  ];
  const line = B.line(...nodes.map((n) => n.name));
  if (!queue) return B.workflow(IDS.order, 'Panel example: place an order and read its status', nodes, line);
  const q = withQueueStart(nodes, line, QUEUE_PATHS.order);
  return B.workflow(IDS.order, 'Panel example: place an order and read its status', q.nodes, q.edges, { active: true });
}

/**
 * The Panel Trigger, published, receiving the sandbox's webhooks; each update goes on to a
 * node that sorts final states from progress (what a user would wire to Slack or a sheet).
 * The token lives in its credential (see credentials).
 */
function triggerWorkflow() {
  const nodes = [
    B.node('Panel Trigger', B.PANEL_TRIGGER, { options: { dropDuplicates: true } }, { typeVersion: 1.1, webhookId: TRIGGER_WEBHOOK_ID, position: [0, 0], credentials: { panelWebhookApi: WEBHOOK_CREDENTIAL } }),
    B.node(
      'Final state?',
      'n8n-nodes-base.if',
      {
        conditions: {
          options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
          conditions: [
            {
              id: 'c0ffee00-0000-4000-8000-000000000001',
              leftValue: '={{ $json.final }}',
              rightValue: '',
              operator: { type: 'boolean', operation: 'true', singleValue: true },
            },
          ],
          combinator: 'and',
        },
        options: {},
      },
      { typeVersion: 2.2, position: [220, 0] },
    ),
  ];
  return B.workflow(IDS.trigger, 'Panel example: order status webhooks', nodes, [['Panel Trigger', 'Final state?']], { active: true });
}

/** Many items, one status each: the node batches them (≤ 100 ids a request). */
function batchWorkflow(queue = false) {
  const nodes = [
    manualTrigger(MANUAL, [0, 0]),
    B.node(
      'Order ids (one item each)',
      'n8n-nodes-base.code',
      { jsCode: `// One item per order, as a sheet or a database query would give them.\nreturn Array.from({ length: ${BATCH_SIZE} }, (_, i) => ({ json: { order: String(i + 1) } }));` },
      { typeVersion: 2, position: [220, 0] },
    ),
    panelNode('Status of each order', [440, 0], { resource: 'order', operation: 'getStatus', orderId: '={{ $json.order }}' }),
  ];
  const line = B.line(...nodes.map((n) => n.name));
  const name = `Panel example: status of ${BATCH_SIZE} orders in a batch`;
  if (!queue) return B.workflow(IDS.batch, name, nodes, line);
  const q = withQueueStart(nodes, line, QUEUE_PATHS.batch);
  return B.workflow(IDS.batch, name, q.nodes, q.edges, { active: true });
}

/**
 * The three examples; `queue: true` gives the manual ones a webhook start too (published).
 * @param {{ queue?: boolean }} [o]
 */
function workflows({ queue = false } = {}) {
  return [orderWorkflow(queue), triggerWorkflow(), batchWorkflow(queue)];
}

/** Workflows to publish: the trigger, and in queue mode the examples' webhook starts. */
const published = (queue = false) => (queue ? [IDS.trigger, IDS.order, IDS.batch] : [IDS.trigger]);

/**
 * The trigger's production URL (what the sandbox's webhook points at).
 * @param {string} n8nUrl e.g. http://127.0.0.1:5678  @param {string} token
 */
function triggerUrl(n8nUrl, token) {
  return `${n8nUrl}/webhook/${TRIGGER_WEBHOOK_ID}/${TRIGGER_PATH}?token=${encodeURIComponent(token)}`;
}

module.exports = { IDS, QUEUE_PATHS, published, BATCH_SIZE, CREDENTIAL_ID, CREDENTIAL, TRIGGER_WEBHOOK_ID, credentials, workflows, triggerUrl, nodeId: B.nodeId, chain, panelNode, manualTrigger };
