/** Options loaded from the Panel: the (cached) catalog's categories, for the Get Many filter. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { createPanelClient } from '../transport';
import { cachedCatalog } from '../actions/catalog';
import { toNodeError } from '../helpers/errors';

export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const services = await cachedCatalog(this, await createPanelClient(this));
		const categories = [...new Set(services.map((s) => s.category))].sort((a, b) => a.localeCompare(b));
		return categories.map((c) => ({ name: c, value: c }));
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
