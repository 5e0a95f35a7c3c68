/**
 * The example workflows and credential the main job imports: well-formed for n8n (every
 * connection names a node, ids fixed), wired to the sandbox credential, and using only
 * parameters the built Panel node declares (so a renamed parameter breaks this test, not
 * the demo).
 */
const path = require('node:path');
const wf = require('../workflows');

const flows = wf.workflows({ token: 'tok en/+' });

test('three workflows with fixed 16-character ids, only the trigger active', () => {
  expect(flows.map((w) => w.id)).toEqual([wf.IDS.order, wf.IDS.trigger, wf.IDS.batch]);
  for (const w of flows) expect(w.id).toMatch(/^[A-Za-z0-9]{16}$/);
  expect(flows.map((w) => w.active)).toEqual([false, true, false]);
  // Same input, same definition: the main job re-imports only when something changed.
  expect(JSON.stringify(wf.workflows({ token: 'tok en/+' }))).toBe(JSON.stringify(flows));
});

test('every connection goes between nodes of the same workflow; node names and ids are unique', () => {
  for (const w of flows) {
    const names = new Set(w.nodes.map((n) => n.name));
    expect(names.size).toBe(w.nodes.length);
    expect(new Set(w.nodes.map((n) => n.id)).size).toBe(w.nodes.length);
    for (const [from, { main }] of Object.entries(w.connections)) {
      expect(names.has(from)).toBe(true);
      for (const link of main.flat()) expect(names.has(link.node)).toBe(true);
    }
    // Every node but the first is reached from somewhere.
    const reached = new Set(Object.values(w.connections).flatMap((c) => c.main.flat().map((l) => l.node)));
    for (const n of w.nodes.slice(1)) expect(reached.has(n.name)).toBe(true);
  }
});

test('Panel nodes use the sandbox credential the main job imports', () => {
  const [cred] = wf.credentials({ apiUrl: 'http://127.0.0.1:4000/api/v2', apiKey: 'sandbox-demo-key' });
  expect(cred).toEqual({ id: wf.CREDENTIAL_ID, name: expect.any(String), type: 'panelApi', data: { apiUrl: 'http://127.0.0.1:4000/api/v2', apiKey: 'sandbox-demo-key' } });
  const panelNodes = flows.flatMap((w) => w.nodes).filter((n) => n.type === 'n8n-nodes-panel.panel');
  expect(panelNodes.length).toBe(4);
  for (const n of panelNodes) expect(n.credentials.panelApi).toEqual({ id: cred.id, name: cred.name });
});

test('the trigger URL is the production webhook path of the trigger node, token encoded', () => {
  const trigger = flows[1].nodes.find((n) => n.type === 'n8n-nodes-panel.panelTrigger');
  expect(trigger.webhookId).toBe(wf.TRIGGER_WEBHOOK_ID);
  // The token lives in the trigger's credential, never in the workflow.
  expect(JSON.stringify(flows)).not.toContain('tok en/+');
  const hookCred = wf.credentials({ apiUrl: 'http://x', apiKey: 'k', token: 'tok en/+' }).find((c) => c.type === 'panelWebhookApi');
  expect(trigger.credentials.panelWebhookApi).toEqual({ id: hookCred.id, name: hookCred.name });
  expect(hookCred.data).toEqual({ token: 'tok en/+' });
  expect(wf.triggerUrl('http://127.0.0.1:5678', 'tok en/+')).toBe(`http://127.0.0.1:5678/webhook/${wf.TRIGGER_WEBHOOK_ID}/panel?token=tok%20en%2F%2B`);
});

test('the batch example asks for BATCH_SIZE orders, one item each', () => {
  const code = flows[2].nodes.find((n) => n.type === 'n8n-nodes-base.code').parameters.jsCode;
  // eslint-disable-next-line no-new-func
  const items = new Function(code)();
  expect(items).toHaveLength(wf.BATCH_SIZE);
  expect(items[0]).toEqual({ json: { order: '1' } });
  expect(items[wf.BATCH_SIZE - 1]).toEqual({ json: { order: String(wf.BATCH_SIZE) } });
});

test('every parameter of the examples exists on the built node (resource, operation, fields)', () => {
  const dist = path.join(__dirname, '..', '..', '..', 'packages', 'n8n-nodes-panel', 'dist');
  const { Panel } = require(path.join(dist, 'nodes', 'Panel', 'Panel.node.js'));
  const { PanelTrigger } = require(path.join(dist, 'nodes', 'PanelTrigger', 'PanelTrigger.node.js'));
  const described = {
    'n8n-nodes-panel.panel': new Panel().description.properties,
    'n8n-nodes-panel.panelTrigger': new PanelTrigger().description.properties,
  };
  // As n8n does: a parameter the workflow leaves out has its default (e.g. orderIdSource).
  const valueOf = (props, params, k) => (k in params ? params[k] : props.find((p) => p.name === k)?.default);
  for (const node of flows.flatMap((w) => w.nodes)) {
    const props = described[node.type];
    if (!props) continue;
    const shown = (prop, params) =>
      Object.entries(prop.displayOptions?.show ?? {}).every(([k, values]) => values.includes(valueOf(props, params, k)));
    for (const [name, value] of Object.entries(node.parameters)) {
      const prop = props.find((p) => p.name === name && shown(p, node.parameters));
      expect({ node: node.name, name, declared: Boolean(prop) }).toEqual({ node: node.name, name, declared: true });
      if (prop.type === 'options' && typeof value === 'string' && !value.startsWith('=')) {
        expect(prop.options.map((o) => o.value)).toContain(value);
      }
      if (prop.type === 'collection') {
        for (const key of Object.keys(value)) expect(prop.options.map((o) => o.name)).toContain(key);
      }
    }
  }
});

test('queue mode: the manual examples also start from a published webhook wired to their first step', () => {
  const queued = wf.workflows({ token: 'tok en/+', queue: true });
  expect(queued.map((w) => w.active)).toEqual([true, true, true]);
  expect(wf.published(true).sort()).toEqual(queued.map((w) => w.id).sort());
  expect(wf.published()).toEqual([wf.IDS.trigger]);
  for (const [w, path] of [[queued[0], wf.QUEUE_PATHS.order], [queued[2], wf.QUEUE_PATHS.batch]]) {
    const hook = w.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
    expect(hook.parameters).toMatchObject({ httpMethod: 'POST', path, responseMode: 'lastNode' });
    const manual = w.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
    expect(w.connections[hook.name]).toEqual(w.connections[manual.name]);
    // Everything else is the single-mode example, unchanged.
    const single = flows.find((f) => f.id === w.id);
    expect(w.nodes.filter((n) => n !== hook)).toEqual(single.nodes);
  }
});
