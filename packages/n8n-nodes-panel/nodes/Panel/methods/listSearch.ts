/** The searchable service picker: the Panel's catalog (cached), filtered by the search text and the chosen order type. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { serviceFeatures, type Service } from '@panel/core';
import { createPanelClient } from '../transport';
import { cachedCatalog } from '../actions/catalog';
import { toNodeError } from '../helpers/errors';

const PAGE_SIZE = 100;
/**
 * n8n 2.41 draws each picker row on one line (nowrap, cut with an ellipsis at the end, about
 * 60 characters wide in a usual panel), so a long name is cut here instead, keeping the
 * rate and min–max — what a buyer compares — inside the visible part.
 */
const NAME_MAX = 32;
const ROW_CHARS = 60;

function shortName(name: string): string {
	const flat = name.replace(/\s+/g, ' ').trim();
	return flat.length > NAME_MAX ? `${flat.slice(0, NAME_MAX - 1).trimEnd()}…` : flat;
}

/**
 * One picker row: the id, the name, then what a buyer compares (rate per 1000, min–max); the
 * order type last when the list is not already filtered by one.
 */
function serviceRow(s: Service, withType: boolean): string {
	const type = withType ? ` · ${s.type ?? s.type_raw}` : '';
	const row = `#${s.service} ${shortName(s.name)} · ${s.rate}/1k · ${s.min}–${s.max}${type}`;
	// The service's features (refill, cancel, drip-feed) when the row still fits; Service →
	// Get and Get Many always carry them as fields.
	const features = serviceFeatures(s);
	return features && row.length + 3 + features.length <= ROW_CHARS ? `${row} · ${features}` : row;
}

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
		results: page.map((s) => ({ name: serviceRow(s, type === undefined), value: s.service })),
		...(start + PAGE_SIZE < found.length ? { paginationToken: String(start + PAGE_SIZE) } : {}),
	};
}
