import { PanelNotFoundError, type Service } from '@panel/core';

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
