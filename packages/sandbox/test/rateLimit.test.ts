import { Agent, request } from 'node:http';
/** The rate limit: N requests per window per IP, then 429 with Retry-After. */
import { sandbox } from './helpers';

it('answers 429 with Retry-After past the limit, and lets requests through again after the window', async () => {
  const { sb, api } = await sandbox({ rateLimit: { limit: 5, windowMs: 400 } });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await api('balance')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await api('balance');
    expect(limited.json).toEqual({ error: 'Too many requests: rate limit exceeded' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(sb.requests().filter((e) => e.status === 429).map((e) => e.action)).toEqual(['balance', 'balance', 'balance']);
    await new Promise((r) => setTimeout(r, 450));
    expect((await api('balance')).status).toBe(200);
  } finally {
    await sb.stop();
  }
});

/** Many small POSTs over a few keep-alive sockets (fetch would open a socket per request). */
async function burst(url: string, n: number, concurrency = 8): Promise<Array<{ status: number; retryAfter: string | undefined }>> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const body = 'key=sandbox-demo-key&action=balance';
  const one = () => new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
  const out: Array<{ status: number; retryAfter: string | undefined }> = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) { next++; out.push(await one()); }
  }));
  agent.destroy();
  return out;
}

it('defaults to 1000 per minute and can be turned off', async () => {
  const { sb } = await sandbox();
  const { sb: open } = await sandbox({ rateLimit: false });
  try {
    const limited = await burst(sb.apiUrl, 1001);
    expect(limited.filter((r) => r.status === 200)).toHaveLength(1000);
    const last = limited.find((r) => r.status === 429)!;
    expect(Number(last.retryAfter)).toBeGreaterThan(50);
    expect(Number(last.retryAfter)).toBeLessThanOrEqual(60);
    const free = await burst(open.apiUrl, 1001);
    expect(free.every((r) => r.status === 200)).toBe(true);
  } finally {
    await sb.stop();
    await open.stop();
  }
}, 20_000);
