#!/usr/bin/env node
/** panel-sandbox: run the sandbox Panel from a shell. See the package README for the flags. */
import { parseArgs } from 'node:util';
import { resolveDialect, type DialectOption } from './dialect';
import { startSandbox, type SandboxOptions } from './sandbox';

const HELP = `panel-sandbox — a local Panel (API v2) for trying, testing and benchmarking

  --port N            port (default 4000; 0 = any free port)
  --host H            bind address (default 127.0.0.1)
  --speed X           simulated clock speed (default 1 = real time; 60 = a minute per second)
  --manual            manual clock (advance it with POST /_sandbox/advance; needs --admin)
  --admin             enable the admin interface under /_sandbox
  --webhook URL       webhook URL of the account
  --webhook-token T   shared secret sent as ?token= (or the x-panel-token header with --token-in header)
  --token-in WHERE    query (default) or header
  --hmac-secret S     sign deliveries: x-panel-signature: sha256=HMAC(S, "<timestamp>.<body>")
  --catalog-size N    generated catalog of N services instead of the default one
  --state FILE        persist state to FILE (SQLite) so it survives a restart
  --key K             API key of the account (default sandbox-demo-key)
  --balance B         starting balance (default 1000.00)
  --currency C        currency (default USD)
  --dialect D         how the API answers: spec (default), perfectpanel, or knobs as JSON
  --rate-limit N      requests per minute per IP (default 1000; 0 = off)
  -h, --help          this text
`;

function fail(message: string): never {
  process.stderr.write(`panel-sandbox: ${message}\n\n${HELP}`);
  process.exit(2);
}

function bad(message: string): never {
  throw new Error(message);
}

/** Flags → startSandbox options (null for --help); throws with a message naming a bad flag. */
export function optionsFromArgs(argv: string[]): SandboxOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, speed: { type: 'string' }, manual: { type: 'boolean' },
      admin: { type: 'boolean' }, webhook: { type: 'string' }, 'webhook-token': { type: 'string' }, 'token-in': { type: 'string' },
      'hmac-secret': { type: 'string' }, 'catalog-size': { type: 'string' }, state: { type: 'string' }, key: { type: 'string' },
      balance: { type: 'string' }, currency: { type: 'string' }, 'rate-limit': { type: 'string' }, dialect: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return null;
  const int = (name: string, v: string | undefined, dflt: number) => {
    if (v === undefined) return dflt;
    if (!/^\d+$/.test(v)) bad(`--${name} must be a whole number`);
    return Number(v);
  };
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!(speed > 0)) bad('--speed must be a positive number');
  if (values['token-in'] && values['token-in'] !== 'query' && values['token-in'] !== 'header') bad('--token-in must be query or header');
  if (values.balance !== undefined && !/^\d+(\.\d+)?$/.test(values.balance)) bad('--balance must be a decimal amount like 1000.00');
  if (values.manual && !values.admin) bad('--manual needs --admin: the clock is advanced with POST /_sandbox/advance');
  const rateLimit = int('rate-limit', values['rate-limit'], 1000);
  const opts: SandboxOptions = {
    port: int('port', values.port, 4000),
    host: values.host ?? '127.0.0.1',
    admin: Boolean(values.admin),
    clock: values.manual ? 'manual' : { speed },
    accounts: [{ key: values.key ?? 'sandbox-demo-key', balance: values.balance ?? '1000.00', currency: values.currency ?? 'USD' }],
    rateLimit: rateLimit === 0 ? false : { limit: rateLimit, windowMs: 60_000 },
  };
  if (values['catalog-size'] !== undefined) opts.catalog = { size: int('catalog-size', values['catalog-size'], 0) };
  if (values.state) opts.stateFile = values.state;
  if (values.dialect !== undefined) {
    // A profile name, or knobs as JSON: --dialect '{"base":"perfectpanel","cancelForm":"order"}'.
    const d = values.dialect.trim();
    let option: DialectOption;
    try {
      option = d.startsWith('{') ? (JSON.parse(d) as DialectOption) : (d as DialectOption);
      resolveDialect(option);
    } catch (e) {
      return bad(`--dialect: ${e instanceof Error ? e.message : String(e)}`);
    }
    opts.dialect = option;
  }
  if (values.webhook) {
    opts.webhook = { url: values.webhook };
    if (values['webhook-token']) opts.webhook.token = values['webhook-token'];
    if (values['token-in']) opts.webhook.tokenIn = values['token-in'] as 'query' | 'header';
    if (values['hmac-secret']) opts.webhook.hmacSecret = values['hmac-secret'];
  }
  return opts;
}

/** node:sqlite still warns that it is experimental: keep the demo's output clean of that one. */
function quietSqliteWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    if (w.name === 'ExperimentalWarning' && /SQLite/.test(w.message)) return;
    process.stderr.write(`${w.name}: ${w.message}\n`);
  });
}

async function main(): Promise<void> {
  quietSqliteWarning();
  let opts: SandboxOptions | null;
  try {
    opts = optionsFromArgs(process.argv.slice(2));
  } catch (err) {
    fail((err as Error).message);
  }
  if (!opts) {
    process.stdout.write(HELP);
    return;
  }
  const sb = await startSandbox(opts);
  const lines = [
    `Panel sandbox listening`,
    `  API URL:  ${sb.apiUrl}`,
    `  API key:  ${sb.key}`,
    `  clock:    ${opts.clock === 'manual' ? 'manual' : `speed ×${(opts.clock as { speed: number }).speed}`}`,
  ];
  if (sb.adminUrl) lines.push(`  admin:    ${sb.adminUrl}/state`);
  if (opts.stateFile) lines.push(`  state:    ${opts.stateFile}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  const shutdown = () => { void sb.stop().then(() => process.exit(0)); };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`panel-sandbox: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
