/**
 * The service catalog, cached briefly for dropdowns, dynamic fields and Create Order runs
 * (Zapier re-runs dynamic fields on every change in the editor; a Zap may create an order
 * on every run, and the catalog can be 4 MB). Polling triggers always read it fresh.
 */
import { parseId, parseIdList, PanelNotFoundError, type PanelClient, type Service } from '@panel/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

export const CATALOG_TTL_SECONDS = 300;

/**
 * z.cache is shared by every user of the app: the key is a hash of the connection (URL + key),
 * so no account sees another's catalog and the key itself is never stored.
 */
export function connectionHash(z: ZObject, bundle: Bundle): string {
  return z.hash('sha256', `${String(bundle.authData.api_url ?? '')}\n${String(bundle.authData.api_key ?? '')}`);
}

export async function cachedServices(z: ZObject, bundle: Bundle, client: PanelClient): Promise<Service[]> {
  const key = `panel-services:${connectionHash(z, bundle)}`;
  try {
    const hit: unknown = await z.cache.get(key);
    if (Array.isArray(hit)) return hit as Service[];
  } catch {
    // The cache is an optimisation only: fall through to the Panel.
  }
  const services = await client.services();
  try {
    await z.cache.set(key, services, CATALOG_TTL_SECONDS);
  } catch {
    // Too large for the cache, or no cache here: the next call reads the Panel again.
  }
  return services;
}

/** One service of the cached catalog, or the not-found error the client gives. */
export async function cachedService(z: ZObject, bundle: Bundle, client: PanelClient, id: unknown): Promise<Service> {
  const wanted = parseId(id, 'service');
  const all = await cachedServices(z, bundle, client);
  const found = all.find((s) => s.service === wanted);
  if (!found) {
    throw new PanelNotFoundError(`Service ${wanted} is not in the Panel's catalog (${all.length} services listed). Pick a service id from the catalog.`, {
      id: wanted,
      action: 'services',
    });
  }
  return found;
}

/** Higher service ids first: Panels number new services upwards, and Zapier wants newest first. */
export function newestFirst(services: readonly Service[]): Service[] {
  const num = (s: Service) => (/^\d+$/.test(s.service) ? Number(s.service) : -1);
  return [...services].sort((a, b) => num(b) - num(a) || b.service.localeCompare(a.service));
}

/** Case-insensitive "contains"; an empty needle matches everything. */
export function contains(haystack: unknown, needle: unknown): boolean {
  const n = typeof needle === 'string' ? needle.trim().toLowerCase() : '';
  return n === '' || String(haystack ?? '').toLowerCase().includes(n);
}

/** A Zapier list input (array, or one comma/newline separated string) as ids: core's one id reader. */
export function idList(value: unknown, field = 'ids'): string[] {
  return parseIdList(value, field, { allowEmpty: true });
}
