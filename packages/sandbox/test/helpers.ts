/** Test helpers: talk to the sandbox over real HTTP with Node's fetch (not core's client). */
import { startSandbox, type Sandbox, type SandboxOptions } from '../src';

export const KEY = 'sandbox-demo-key';

export interface Reply { status: number; headers: Headers; text: string; json: any }

export async function post(url: string, form: Record<string, string | number>, init: { headers?: Record<string, string> } = {}): Promise<Reply> {
  const body = new URLSearchParams(Object.entries(form).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...init.headers }, body });
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}

/** A sandbox plus `api(action, params)` with the default key. */
export async function sandbox(opts: SandboxOptions = {}) {
  const sb: Sandbox = await startSandbox({ port: 0, admin: true, clock: 'manual', ...opts });
  const api = (action: string, params: Record<string, string | number> = {}, key = KEY) => post(sb.apiUrl, { key, action, ...params });
  return { sb, api };
}

export async function admin(sb: Sandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.adminUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() as any };
}

export const MIN = 60_000;
