// @ts-check
/** Orders the main job places in the sandbox: the batch example's and the live ones. */

/** Varied services and outcomes, so a batch shows every state: [service id, fields, link suffix]. */
const PLAN = /** @type {Array<[string, Record<string, number>, string?]>} */ ([
  ['2', { quantity: 500 }],
  ['1', { quantity: 2000 }],
  ['3', { quantity: 2000 }],
  ['11', { quantity: 100000 }],
  ['12', { quantity: 100 }],
  ['2', { quantity: 800 }, '#partial'],
  ['12', { quantity: 50 }, '#cancel'],
  ['1', { quantity: 300 }, '#fail'],
]);

/**
 * Places `count` orders through the core client, cycling through PLAN; returns their ids.
 * @param {any} client @param {any[]} services @param {number} count @param {string} tag
 */
async function placeOrders(client, services, count, tag) {
  const byId = new Map(services.map((s) => [s.service, s]));
  const ids = [];
  for (let i = 0; i < count; i++) {
    const [id, input, outcome = ''] = PLAN[i % PLAN.length];
    const service = byId.get(id);
    if (!service) throw new Error(`the sandbox catalog has no service ${id}`);
    const placed = await client.addOrder(service, { link: `https://example.com/${tag}/${i + 1}${outcome}`, ...input });
    ids.push(placed.order);
  }
  return ids;
}

/**
 * Tops the sandbox up to `batchSize` orders (a kept sandbox already has them); says what it did.
 * @param {any} sb @param {any} client @param {number} batchSize @param {(s: string) => void} log
 */
async function seedBatch(sb, client, batchSize, log) {
  const services = await client.services();
  const existing = sb.orders().length;
  const seeded = existing >= batchSize ? [] : await placeOrders(client, services, batchSize - existing, 'batch');
  const balance = await client.balance();
  if (seeded.length > 0) log(`placed ${seeded.length} orders for the batch example (ids ${seeded[0]}–${seeded[seeded.length - 1]}); balance now ${balance.balance} ${balance.currency}`);
  else log(`the sandbox already holds ${existing} orders (the batch example asks for ids 1–${batchSize}); balance ${balance.balance} ${balance.currency}`);
  return services;
}

module.exports = { PLAN, placeOrders, seedBatch };
