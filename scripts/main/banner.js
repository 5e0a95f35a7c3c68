// @ts-check
/** What the main job prints once everything is up: where things are and what to try. */

/**
 * @param {{ n8nUrl: string, ownerEmail: string, ownerPassword: string, apiUrl: string, apiKey: string,
 *   adminUrl: string | undefined, hookUrl: string, home: string, logFile: string | undefined, batchSize: number, speed: number,
 *   processes?: string[], queuePaths?: string[] }} o
 */
function banner(o) {
  const queue = (o.processes ?? []).length > 0;
  const lines = [
    '',
    '──────────────────────────────────────────────────────────────────────────────',
    ' Panel integrations: the sandbox Panel and n8n are running',
    '──────────────────────────────────────────────────────────────────────────────',
    ` n8n editor      ${o.n8nUrl}`,
    `                 log in as ${o.ownerEmail} / ${o.ownerPassword} (local demo owner)`,
    ` Sandbox API     ${o.apiUrl}`,
    `                 API key ${o.apiKey} (a demo key; balance in USD; clock ×${o.speed})`,
    ` Sandbox admin   ${o.adminUrl ?? '(off)'}  (GET …/orders, …/deliveries, …/requests)`,
    ` Webhook         the sandbox posts every status change to`,
    `                 ${o.hookUrl}`,
    ...(queue
      ? [
          '',
          ' n8n queue mode  which process serves what:',
          ...(o.processes ?? []).map((l) => `   ${l}`),
          '                 Start the examples from outside the editor too (a worker runs them):',
          ...(o.queuePaths ?? []).map((u) => `   curl -X POST ${u}`),
        ]
      : []),
    '',
    ' What to do next',
    '  1. Open the n8n editor and log in. Under Overview you find three workflows:',
    '     • "place an order and read its status": open it, click Execute workflow;',
    '       it estimates, places an order on the sandbox, waits, reads its status.',
    '     • "order status webhooks" (published): its Executions tab fills as the',
    '       sandbox reports status changes. Place another order (step 1 again) and watch.',
    `     • "status of ${o.batchSize} orders in a batch": ${o.batchSize} items, one status each,`,
    `       fetched by the Panel node in ${Math.ceil(o.batchSize / 100)} requests (see the admin …/requests log).`,
    '  2. Add a Panel node to a workflow of your own: the "Panel sandbox (local)"',
    '     credential is ready. Try a dry run, another order type, Get Many Statuses.',
    `  3. Look at the sandbox: curl -X POST ${o.apiUrl} -d key=${o.apiKey} -d action=balance`,
    '',
    queue
      ? ` State: ${o.home} (webhook secret); queue mode's n8n, Redis and Postgres are fresh on each start.`
      : ` State: ${o.home} (n8n home, webhook secret). n8n log: ${o.logFile}`,
    ' Ctrl-C stops n8n and the sandbox.',
    '──────────────────────────────────────────────────────────────────────────────',
    '',
  ];
  return `${lines.join('\n')}\n`;
}

module.exports = { banner };
