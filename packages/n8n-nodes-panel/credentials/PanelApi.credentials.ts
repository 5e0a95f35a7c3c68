import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Readable credential-test failures by HTTP status. */
const RESPONSE_CODE_RULES: Array<[number, string]> = [
	[401, 'The Panel rejected the API key: copy it again from your Panel account (Account → API) into API Key'],
	[403, 'The Panel refused this API key: check that API access is enabled for your Panel account'],
	[404, 'Nothing answers at this API URL: set it to the endpoint from your Panel\'s API page (it usually ends in /api/v2)'],
	[405, 'This URL does not accept API requests: set API URL to the endpoint from your Panel\'s API page (it usually ends in /api/v2)'],
	[400, 'The Panel did not accept the request: check that API URL is the API endpoint (it usually ends in /api/v2)'],
	[502, 'The Panel\'s upstream provider failed: try again in a minute'],
];

/**
 * The Panel's endpoint and API key. The key travels in the form body (the Panel API v2
 * reads `key` from the POST body), added by n8n itself through `authenticate`, so the node
 * never handles it and n8n masks it like any other credential.
 */
export class PanelApi implements ICredentialType {
	name = 'panelApi';

	displayName = 'Panel API';

	icon: Icon = { light: 'file:../nodes/Panel/panel.svg', dark: 'file:../nodes/Panel/panel.dark.svg' };

	documentationUrl = 'https://github.com/panel-integrations/n8n-nodes-panel#credentials';

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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			body: {
				// Trimmed: a key pasted with a space or newline around it still works.
				key: '={{$credentials.apiKey.trim()}}',
			},
		},
	};

	// A balance call: the cheapest request that proves both the URL and the key.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '={{$credentials.apiUrl}}',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { action: 'balance' },
		},
		// n8n applies every rule: the ones on status codes to failed replies, the one on the
		// body to successful ones (its type lists them as one kind per array, hence the cast).
		rules: [
			...RESPONSE_CODE_RULES.map(([value, message]) => ({ type: 'responseCode', properties: { value, message } })),
			{
				// A Panel answers a balance call with {"balance": …}; anything else (an HTML page,
				// {"error": …} in a 200) means the URL is not the API endpoint.
				type: 'responseSuccessBody',
				properties: {
					key: 'balance',
					value: undefined,
					message:
						'The URL answered, but not like a Panel API: set API URL to the endpoint from your Panel\'s API page (it usually ends in /api/v2)',
				},
			},
		] as ICredentialTestRequest['rules'],
	};
}
