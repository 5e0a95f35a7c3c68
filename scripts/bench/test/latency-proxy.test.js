/** The latency proxy of the benchmarks: round trip, connection set-up, bandwidth, pass-through. */
const http = require('node:http');
const { startLatencyProxy } = require('../latency-proxy');

let server;
let base;
const BIG = Buffer.alloc(1_000_000, 'x');

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.url.endsWith('/big')) return res.end(BIG);
      res.setHeader('content-type', 'text/plain');
      res.end(`${req.method} ${req.url} ${body}`);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}/api/v2`;
});
afterAll(async () => await new Promise((r) => server.close(r)));

/** n requests over one kept-alive connection; the ms each took. */
async function sequence(url, n, path = '') {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  let last = '';
  try {
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      last = await new Promise((resolve, reject) => {
        const req = http.request(`${url}${path}`, { method: 'POST', agent }, (res) => {
          const chunks = [];
          res.on('data', (d) => chunks.push(d));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        });
        req.on('error', reject);
        req.end(`n=${i}`);
      });
      times.push(performance.now() - t0);
    }
  } finally {
    agent.destroy();
  }
  return { times, last };
}

test('passes requests and replies through untouched; its URL keeps the target path', async () => {
  const proxy = await startLatencyProxy({ target: base, rttMs: 0, mbit: 0 });
  try {
    expect(proxy.url).toBe(`http://127.0.0.1:${proxy.port}/api/v2`);
    const { last } = await sequence(proxy.url, 2);
    expect(last.toString()).toBe('POST /api/v2 n=1');
    expect(proxy.stats()).toMatchObject({ connections: 1 });
  } finally {
    await proxy.close();
  }
});

test('a new connection pays the set-up round trips once; a kept-alive one pays one round trip', async () => {
  const proxy = await startLatencyProxy({ target: base, rttMs: 80, setupRtts: 2, mbit: 0 });
  try {
    const { times } = await sequence(proxy.url, 3);
    // First request: 2 set-up round trips + 1 for the request = 240 ms.
    expect(times[0]).toBeGreaterThanOrEqual(235);
    expect(times[0]).toBeLessThan(600);
    for (const t of times.slice(1)) {
      expect(t).toBeGreaterThanOrEqual(78);
      expect(t).toBeLessThan(200);
    }
    expect(proxy.stats().connections).toBe(1);
  } finally {
    await proxy.close();
  }
});

test('the bandwidth cap: 1 MB at 50 Mbit/s takes at least 160 ms, without the cap far less', async () => {
  const capped = await startLatencyProxy({ target: base, rttMs: 0, mbit: 50 });
  const free = await startLatencyProxy({ target: base, rttMs: 0, mbit: 0 });
  try {
    const slow = await sequence(capped.url, 1, '/big');
    expect(slow.last.length).toBe(BIG.length);
    expect(slow.times[0]).toBeGreaterThanOrEqual(158);
    expect(capped.stats().bytesDown).toBeGreaterThan(BIG.length);
    const fast = await sequence(free.url, 1, '/big');
    expect(fast.last.equals(BIG)).toBe(true);
    expect(fast.times[0]).toBeLessThan(slow.times[0]);
  } finally {
    await capped.close();
    await free.close();
  }
});

test('set() changes the round trip for new connections', async () => {
  const proxy = await startLatencyProxy({ target: base, rttMs: 0, setupRtts: 0, mbit: 0 });
  try {
    const before = await sequence(proxy.url, 1);
    proxy.set({ rttMs: 120 });
    expect(proxy.settings()).toMatchObject({ rttMs: 120, setupRtts: 0 });
    const after = await sequence(proxy.url, 1);
    expect(after.times[0]).toBeGreaterThanOrEqual(118);
    expect(before.times[0]).toBeLessThan(after.times[0]);
    expect(proxy.stats().connections).toBe(2);
  } finally {
    await proxy.close();
  }
});
