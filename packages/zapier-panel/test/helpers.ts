/** Shared test setup: a sandbox Panel on loopback and Zapier's own app tester. */
import { startSandbox, type Sandbox, type SandboxOptions } from '@panel/sandbox';
import zapier from 'zapier-platform-core';
import App from '../src';

export { App };

export const KEY = 'sandbox-demo-key';

export const appTester = zapier.createAppTester(App);

export async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, host: '127.0.0.1', clock: 'manual', ...options });
}

export function authData(sb: Sandbox, key = KEY) {
  return { api_url: sb.apiUrl, api_key: key };
}

/** The error a perform threw (fails the test if it resolved). */
export async function rejection(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Zapier's AppError / ThrottledError carry a JSON message: read it back. */
export function zapierPayload(err: Error): Record<string, unknown> {
  try {
    return JSON.parse(err.message) as Record<string, unknown>;
  } catch {
    return { message: err.message };
  }
}

/** The text a Zap owner sees: the message inside Zapier's JSON-wrapped errors, or the plain message. */
export function messageOf(err: Error): string {
  return String(zapierPayload(err).message ?? err.message);
}

/** The perform of a trigger, create or search, for the app tester (its definition types are unions). */
export function performOf(def: { operation: object }): never {
  return (def.operation as { perform: unknown }).perform as never;
}

/** The app's custom authentication (always defined for this app). */
export const auth = App.authentication!;

/** core's lambda handler, for events the app tester does not build (validate, a custom logger). */
export const appHandler = (zapier as unknown as { createAppHandler: (app: unknown) => (event: Record<string, unknown>) => Promise<{ results: unknown }> })
  .createAppHandler(App);
