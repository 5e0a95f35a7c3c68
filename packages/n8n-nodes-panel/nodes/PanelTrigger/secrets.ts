/**
 * The trigger's secrets, read through n8n at most once per SECRETS_TTL_MS per credential.
 *
 * Why: in n8n 2.41 reading a credential from a webhook builds a throwaway Workflow and takes
 * an expression isolate for it (credentials-helper, applyDefaultsAndOverwrites: a webhook
 * context has no run data to resolve with). With the default expression engine that is a new
 * V8 isolate per delivery, the largest cost of the trigger's own under a burst (B6 in
 * `pnpm bench:n8n`).
 *
 * What it costs: a changed credential takes effect within SECRETS_TTL_MS. A delivery that the
 * cached secrets refuse is checked again against freshly read ones, so a new secret works at
 * once; only an old one keeps working for at most that long after a change. The secrets stay
 * in this process's memory, which already holds n8n's encryption key.
 */

export interface WebhookSecrets {
	token?: string;
	hmacSecret?: string;
}

export const SECRETS_TTL_MS = 1_000;

/** What checking a delivery against the secrets gave: accepted, or the answer to refuse it with. */
export type Verdict<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

const cache = new Map<string, { secrets: WebhookSecrets; until: number }>();

/**
 * Runs `check` with the credential's secrets: cached ones when fresh, else (and when the
 * cached ones refuse the delivery) ones `load` reads through n8n (undefined: the credential
 * could not be read; not cached). `scope` names the credential (its id); without one nothing
 * is cached.
 */
export async function withSecrets<T>(scope: string | undefined, now: number, load: () => Promise<WebhookSecrets | undefined>, check: (secrets: WebhookSecrets | undefined) => Verdict<T>): Promise<Verdict<T>> {
	const hit = scope === undefined ? undefined : cache.get(scope);
	if (hit && now < hit.until) {
		const verdict = check(hit.secrets);
		// Refused with the cached secrets: they may have changed since; read them again.
		if (verdict.ok) return verdict;
	}
	if (scope !== undefined) cache.delete(scope);
	const secrets = await load();
	if (scope !== undefined && secrets) cache.set(scope, { secrets: { token: secrets.token, hmacSecret: secrets.hmacSecret }, until: now + SECRETS_TTL_MS });
	return check(secrets);
}

/** For tests: forget every cached secret (as a restart would). */
export function forgetSecrets(): void {
	cache.clear();
}
