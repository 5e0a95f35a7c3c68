/**
 * The key cannot leak, not even in part. An echoing Panel puts the key at every offset of a
 * reply, in every spelling (raw, trimmed, percent-encoded in either case, form-encoded, JSON
 * escapes), in every kind of reply that ends up in an error; no run of 8 or more of the key's
 * characters may survive in any error's message, toString(), JSON, stack, cause chain or
 * util.inspect, even after decoding what is shown.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { PanelClient } from '../src/client';
import { PanelError } from '../src/errors';
import { encodeForm } from '../src/form';
import type { TransportResponse } from '../src/runtime';
import { fakeRuntime, raw, type Step } from './helpers/fake-runtime';

const RUN = 8;

/** Characters a key may hold: letters, digits and the punctuation that encoders treat differently. */
const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=!*()% &';
/** Filler from characters no key uses, so nothing but the key can form a run of its characters. */
const FILL_CHARS = '<>{}[]:;,|#@$^`?\'"';

const hex = (b: number) => b.toString(16).padStart(2, '0');
const bytes = (s: string) => [...new TextEncoder().encode(s)];

type Encoding = (key: string) => string;
const ENCODINGS: Record<string, Encoding> = {
  raw: (k) => k,
  uri: (k) => encodeURIComponent(k),
  uriLower: (k) => encodeURIComponent(k).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  everyByteUpper: (k) => bytes(k).map((b) => `%${hex(b).toUpperCase()}`).join(''),
  everyByteLower: (k) => bytes(k).map((b) => `%${hex(b)}`).join(''),
  form: (k) => encodeForm({ k }).slice(2),
  jsonEscaped: (k) => [...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
};

/** Every kind of reply whose text ends up in an error, with the echoed key inside. */
type Scenario = (echo: string) => Step;
const SCENARIOS: Record<string, Scenario> = {
  htmlTitle: (e) => raw(`<html><head><title>${e} error</title></head><body>${e}</body></html>`, 200, { 'content-type': 'text/html' }),
  html502: (e) => raw(`<html><head><title>Bad gateway ${e}</title></head></html>`, 502),
  notJson: (e) => raw(`oops ${e} trailing text that is not json at all`, 200),
  errorIn200: (e) => raw(`{"error":"${e} is not valid"}`, 200),
  errorIn400: (e) => raw(`{"error":"bad key ${e}"}`, 400),
  errorIn500: (e) => raw(`{"error":"failed for ${e}"}`, 500),
  plain503: (e) => raw(`Service down ${e}`, 503),
  tooMany: (e) => raw(`{"error":"Too many requests for ${e}"}`, 200, { 'retry-after': '1' }),
  redirect: (e) => raw('', 302, { location: `https://panel.test/login?next=${e}` }),
  wrongShape: (e) => raw(`{"unexpected":"${e}","status":{"nested":"${e}"}}`, 200),
  truncated: (e) => raw(`{"status":"${e}`, 200),
  transport: (e) => ({ throw: Object.assign(new Error(`socket closed while sending key=${e}`), { code: 'ECONNRESET', cause: new Error(`inner ${e}`) }) }),
  header: (e) => ({ status: 429, headers: { 'x-echo': e, 'retry-after': '1' }, body: '' }),
};

/** What a reader could see of an error, decoded the ways a reader might decode it. */
function shown(err: PanelError): string[] {
  const texts: string[] = [err.message, String(err), JSON.stringify(err), String(err.stack), inspect(err, { depth: 10, showHidden: true })];
  let cause: unknown = (err as { cause?: unknown }).cause;
  for (let i = 0; i < 6 && cause !== undefined && cause !== null; i++) {
    texts.push(cause instanceof Error ? `${cause.message}\n${String(cause.stack)}` : String(cause));
    cause = (cause as { cause?: unknown }).cause;
  }
  return texts.flatMap((t) => [t, decodeLoosely(t)]);
}

function decodeLoosely(t: string): string {
  return t
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\+/g, ' ')
    .replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
}

/** The longest piece of `key` (≥ RUN chars) found in `text`, or null. */
function leakedRun(text: string, key: string): string | null {
  for (let i = 0; i + RUN <= key.length; i++) if (text.includes(key.slice(i, i + RUN))) return key.slice(i, i + RUN);
  return null;
}

async function errorsFor(secret: string, reply: Step): Promise<PanelError[]> {
  const out: PanelError[] = [];
  for (const run of [(c: PanelClient) => c.status('1'), (c: PanelClient) => c.add({ service: 1, link: 'x', quantity: 10 })]) {
    const rt = fakeRuntime([], reply);
    const c = new PanelClient({ apiUrl: 'https://panel.test/api/v2', runtime: rt, secrets: [secret], retry: false, rateLimit: false });
    const e = await run(c).then(
      () => null,
      (x: unknown) => x,
    );
    if (!(e instanceof PanelError)) throw new Error(`expected a PanelError, got ${String(e)}`);
    out.push(e);
  }
  return out;
}

function expectNoLeak(errs: PanelError[], key: string, where: string): void {
  for (const err of errs) {
    for (const text of shown(err)) {
      const run = leakedRun(text, key);
      if (run !== null) throw new Error(`${where}: "${run}" of the key survived in ${err.name}: ${text.slice(0, 400)}`);
    }
  }
}

describe('the key never leaks, not even in part', () => {
  const KEY = 'k3Y-abcDEF_0123456789.xyzQRS~tuvw';

  // Every offset across the cuts (excerpts 120, titles 100, messages 200/300 characters);
  // the encodings take turns, and the property below mixes them all at random.
  const encodings = Object.entries(ENCODINGS);
  it.each(Object.keys(SCENARIOS))('%s: the key at every offset 0..330, encodings in turn', async (name) => {
    const scenario = SCENARIOS[name] as Scenario;
    for (let offset = 0; offset <= 330; offset += 1) {
      const [encName, encode] = encodings[offset % encodings.length] as [string, Encoding];
      const echoed = encode(KEY);
      {
        const filler = FILL_CHARS.repeat(30).slice(0, offset);
        // The key is configured with whitespace around it, as pasted; the Panel echoes it trimmed.
        const errs = await errorsFor(`  ${KEY}\n`, scenario(`${filler}${echoed}`));
        expectNoLeak(errs, KEY, `${name}/${encName}/offset ${offset}`);
      }
    }
  });

  it('holds for random keys, offsets, encodings and replies (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 12, maxLength: 48 }).filter((k) => k.trim().length >= 12),
        fc.nat({ max: 400 }),
        fc.constantFrom(...Object.keys(ENCODINGS)),
        fc.constantFrom(...Object.keys(SCENARIOS)),
        fc.constantFrom('', ' ', '\n', '\t '),
        async (key, offset, encName, scenarioName, pad) => {
          const configured = `${pad}${key}${pad}`;
          const echoed = (ENCODINGS[encName] as Encoding)(key.trim());
          const filler = FILL_CHARS.repeat(30).slice(0, offset);
          const errs = await errorsFor(configured, (SCENARIOS[scenarioName] as Scenario)(`${filler}${echoed}`));
          expectNoLeak(errs, key.trim(), `${scenarioName}/${encName}/offset ${offset}`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('still shows the rest of the reply (scrubbing removes the key, not the message)', async () => {
    const [err] = await errorsFor(KEY, SCENARIOS.errorIn400!(`${KEY}`) as TransportResponse);
    expect(err!.message).toContain('bad key [redacted]');
  });
});
