import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The Panel's endpoint and API key. The key travels in the form body (the Panel API v2 reads
 * `key` from the POST body); the node's transport adds it (see transport/index.ts for why this
 * credential has no `authenticate`), and core scrubs it from every error. The Test button runs
 * the Panel node's `panelApiTest` (a balance call through core).
 */
export class PanelApi implements ICredentialType {
	name = 'panelApi';

	displayName = 'Panel API';

	icon: Icon = { light: 'file:../nodes/Panel/panel.svg', dark: 'file:../nodes/Panel/panel.dark.svg' };

	// A literal, as n8n's lint requires; test/package/publishable.test.cts holds it equal to
	// package.json's `homepage` + #credentials (the one place the project URL is written).
	documentationUrl = 'https://github.com/panel-integrations/panel-integrations/tree/main/packages/n8n-nodes-panel#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/api/v2',
			required: true,
			description: 'The API endpoint shown on your Panel\'s API page, e.g. https://example.com/api/v2',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key from your Panel account (Account → API)',
		},
	];
}
