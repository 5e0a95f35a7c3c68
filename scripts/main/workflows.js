// @ts-check
/**
 * What the main job imports into n8n, as data: the sandbox credential and the three example
 * workflows. Ids are fixed so a re-import updates in place instead of adding copies.
 * Node types are the installed package's (`n8n-nodes-panel.<name>`) and n8n's own.
 */

const PACKAGE = 'n8n-nodes-panel';
const CREDENTIAL_ID = 'panelSandboxCred01';
const CREDENTIAL_NAME = 'Panel sandbox (local)';

/** Fixed ids: n8n accepts any 16-character id on import. */
const IDS = {
  order: 'panelDemoOrder01',
  trigger: 'panelDemoHooks01',
  batch: 'panelDemoBatch01',
};

/** The trigger's webhook id (a UUID n8n puts in the production URL). */
const TRIGGER_WEBHOOK_ID = '5f0c2a4e-7b1d-4c8e-9a3f-2d6b8e1c4a70';
const TRIGGER_PATH = 'panel';

/** How many orders the batch example asks about (the main job places at least this many). */
const BATCH_SIZE = 200;

const WEBHOOK_CREDENTIAL = { id: 'panelDemoHookCrd', name: 'Panel webhook (local)' };

/** The API credential, and the trigger's webhook secret when a token is given. @param {{ apiUrl: string, apiKey: string, token?: string }} o */
function credentials({ apiUrl, apiKey, token }) {
  const list = [{ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'panelApi', data: { apiUrl, apiKey } }];
  if (token) list.push({ ...WEBHOOK_CREDENTIAL, type: 'panelWebhookApi', data: { token } });
  return list;
}

const panelCredentials = { panelApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };

/** @param {string} name @param {[number, number]} position @param {Record<string, unknown>} parameters */
function panelNode(name, position, parameters) {
  return { id: nodeId(name), name, type: `${PACKAGE}.panel`, typeVersion: 1, position, parameters, credentials: panelCredentials };
}

/** Stable node ids derived from the name (n8n wants one; any unique string will do). */
function nodeId(name) {
  let h = 0;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}

/** @param {string} name @param {[number, number]} position */
function manualTrigger(name, position) {
  return { id: nodeId(name), name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position, parameters: {} };
}

/** @param {...[string, string]} links  main-output connections, in order */
function chain(...links) {
  /** @type {Record<string, { main: Array<Array<{ node: string, type: 'main', index: number }>> }>} */
  const out = {};
  for (const [from, to] of links) {
    out[from] ??= { main: [[]] };
    out[from].main[0].push({ node: to, type: 'main', index: 0 });
  }
  return out;
}

/** Place a Default order (Instagram Likes in the sandbox's catalog), wait, read its status. */
function orderWorkflow() {
  return {
    id: IDS.order,
    name: 'Panel example: place an order and read its status',
    active: false,
    settings: { executionOrder: 'v1' },
    nodes: [
      manualTrigger('When clicking "Execute workflow"', [0, 0]),
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
      {
        id: nodeId('Wait 3 seconds'),
        name: 'Wait 3 seconds',
        type: 'n8n-nodes-base.wait',
        typeVersion: 1.1,
        position: [660, 0],
        parameters: { amount: 3, unit: 'seconds' },
        webhookId: '0b7c51f2-93a8-4d6e-8c1a-7e5d2f9b3a61',
      },
      panelNode('Read its status', [880, 0], {
        resource: 'order',
        operation: 'getStatus',
        orderId: "={{ $('Place the order').item.json.order }}",
      }),
    ],
    connections: chain(
      ['When clicking "Execute workflow"', 'Estimate the order (dry run)'],
      ['Estimate the order (dry run)', 'Place the order'],
      ['Place the order', 'Wait 3 seconds'],
      ['Wait 3 seconds', 'Read its status'],
    ),
  };
}

/**
 * The Panel Trigger, published, receiving the sandbox's webhooks; each update goes on to a
 * node that sorts final states from progress (what a user would wire to Slack or a sheet).
 */
function triggerWorkflow() {
  return {
    id: IDS.trigger,
    name: 'Panel example: order status webhooks',
    active: true,
    settings: { executionOrder: 'v1' },
    nodes: [
      {
        id: nodeId('Panel Trigger'),
        name: 'Panel Trigger',
        type: `${PACKAGE}.panelTrigger`,
        typeVersion: 1,
        position: [0, 0],
        webhookId: TRIGGER_WEBHOOK_ID,
        parameters: { options: { dropDuplicates: true } },
        credentials: { panelWebhookApi: WEBHOOK_CREDENTIAL },
      },
      {
        id: nodeId('Final state?'),
        name: 'Final state?',
        type: 'n8n-nodes-base.if',
        typeVersion: 2.2,
        position: [220, 0],
        parameters: {
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
      },
    ],
    connections: chain(['Panel Trigger', 'Final state?']),
  };
}

/** Many items, one status each: the node batches them (≤ 100 ids a request). */
function batchWorkflow() {
  return {
    id: IDS.batch,
    name: `Panel example: status of ${BATCH_SIZE} orders in a batch`,
    active: false,
    settings: { executionOrder: 'v1' },
    nodes: [
      manualTrigger('When clicking "Execute workflow"', [0, 0]),
      {
        id: nodeId('Order ids (one item each)'),
        name: 'Order ids (one item each)',
        type: 'n8n-nodes-base.code',
        typeVersion: 2,
        position: [220, 0],
        parameters: {
          jsCode: `// One item per order, as a sheet or a database query would give them.\nreturn Array.from({ length: ${BATCH_SIZE} }, (_, i) => ({ json: { order: String(i + 1) } }));`,
        },
      },
      panelNode('Status of each order', [440, 0], {
        resource: 'order',
        operation: 'getStatus',
        orderId: '={{ $json.order }}',
      }),
    ],
    connections: chain(
      ['When clicking "Execute workflow"', 'Order ids (one item each)'],
      ['Order ids (one item each)', 'Status of each order'],
    ),
  };
}

/** The trigger's token lives in its credential (see credentials). */
function workflows() {
  return [orderWorkflow(), triggerWorkflow(), batchWorkflow()];
}

/**
 * The trigger's production URL (what the sandbox's webhook points at).
 * @param {string} n8nUrl e.g. http://127.0.0.1:5678  @param {string} token
 */
function triggerUrl(n8nUrl, token) {
  return `${n8nUrl}/webhook/${TRIGGER_WEBHOOK_ID}/${TRIGGER_PATH}?token=${encodeURIComponent(token)}`;
}

module.exports = { IDS, BATCH_SIZE, CREDENTIAL_ID, TRIGGER_WEBHOOK_ID, credentials, workflows, triggerUrl, nodeId, chain, panelNode, manualTrigger };
