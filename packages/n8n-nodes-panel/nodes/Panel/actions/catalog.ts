import { createHash } from 'node:crypto';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { CatalogCache, PanelNotFoundError, type PanelClient, type Service } from '@panel/core';
import { CREDENTIAL_NAME } from '../transport';

/**
 * The Panel's catalog (4 MB for 20,000 services), held for five minutes per credential and
 * shared by the service picker, the Category options and every run in this n8n process.
 * Keyed by a sha256 of API URL + key: the key itself is never held. Order → Create's
 * "Refresh Catalog" option reads it afresh.
 */
export const catalogCache = new CatalogCache<Service[]>({ now: () => Date.now() });

async function connectionKey(ctx: IExecuteFunctions | ILoadOptionsFunctions): Promise<string> {
	const { apiUrl, apiKey } = (await ctx.getCredentials(CREDENTIAL_NAME)) as { apiUrl?: unknown; apiKey?: unknown };
	return createHash('sha256').update(`${String(apiUrl ?? '').trim()}\n${String(apiKey ?? '')}`).digest('hex');
}

/** The catalog of the context's credential: the cached copy while fresh, else one read through `client`. */
export async function cachedCatalog(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	client: PanelClient,
	options: { refresh?: boolean } = {},
): Promise<Service[]> {
	return await catalogCache.get(await connectionKey(ctx), async () => await client.services(), options);
}

/** A service of an already fetched catalog, or the same not-found error the client gives. */
export function findService(services: Service[], id: string): Service {
	const found = services.find((s) => s.service === id);
	if (!found) {
		throw new PanelNotFoundError(
			`Service ${id} is not in the Panel's catalog (${services.length} services listed). Pick a service from the list, or check the ID with Service → Get Many.`,
		);
	}
	return found;
}
