/** The searchable service picker: the Panel's catalog (cached), filtered by the search text and the chosen order type. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { serviceFeatures, type Service } from '@panel/core';
import { createPanelClient } from '../transport';
import { cachedCatalog } from '../actions/catalog';
import { toNodeError } from '../helpers/errors';

const PAGE_SIZE = 100;

function selectedOrderType(ctx: ILoadOptionsFunctions): string | undefined {
	try {
		const type = ctx.getCurrentNodeParameter('orderType');
		return typeof type === 'string' && type !== '' ? type : undefined;
	} catch {
		// Outside Create (e.g. Service → Get) there is no order type: every service fits.
		return undefined;
	}
}

function serviceMatches(service: Service, search: string, type: string | undefined): boolean {
	if (type !== undefined && service.type !== type) return false;
	if (search === '') return true;
	const needle = search.toLowerCase();
	return (
		service.service === search.trim() ||
		service.name.toLowerCase().includes(needle) ||
		service.category.toLowerCase().includes(needle)
	);
}

export async function searchServices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	let services: Service[];
	try {
		// Every keystroke and page filters the cached catalog: one read per credential per 5 minutes.
		services = await cachedCatalog(this, await createPanelClient(this));
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
	const type = selectedOrderType(this);
	const found = services.filter((s) => serviceMatches(s, filter ?? '', type));
	const start = Number(paginationToken ?? 0) || 0;
	const page = found.slice(start, start + PAGE_SIZE);
	return {
		results: page.map((s) => ({
			name: `${s.service} · ${s.name} (${[s.type_raw, `${s.rate} per 1000`, `${s.min}–${s.max}`, serviceFeatures(s)].filter(Boolean).join(', ')})`,
			value: s.service,
		})),
		...(start + PAGE_SIZE < found.length ? { paginationToken: String(start + PAGE_SIZE) } : {}),
	};
}
