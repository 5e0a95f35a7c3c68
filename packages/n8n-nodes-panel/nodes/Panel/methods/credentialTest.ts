/**
 * The credential dialog's Test, through core: a balance call (the cheapest request that
 * proves both the URL and the key), so every failure reads as core words it — a wrong key,
 * a URL that is not the API, a host that is down — instead of a bare "ECONNREFUSED".
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { PanelError } from '@panel/core';
import { createTestClient, type PanelCredentials } from '../transport';

export async function panelApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const credentials = (credential.data ?? {}) as unknown as PanelCredentials;
	try {
		const { balance, currency } = await createTestClient(this, credentials).balance();
		return { status: 'OK', message: `Connection successful: the balance is ${balance} ${currency}` };
	} catch (error) {
		// Core's errors are scrubbed of the key; anything else is reported by its class only.
		const message = error instanceof PanelError ? error.message : 'The test request failed in n8n before reaching the Panel';
		return { status: 'Error', message };
	}
}
