import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secrets a Panel webhook delivery is checked against. Kept in a credential so n8n
 * encrypts them: they never sit in the workflow, its history, an execution's copy of the
 * workflow or a shared workflow JSON. Nothing to call: the Panel Trigger's credential test
 * (testedBy) checks the values' shape.
 */
export class PanelWebhookApi implements ICredentialType {
	name = 'panelWebhookApi';

	displayName = 'Panel Webhook API';

	icon: Icon = { light: 'file:../nodes/Panel/panel.svg', dark: 'file:../nodes/Panel/panel.dark.svg' };

	documentationUrl = 'https://github.com/panel-integrations/n8n-nodes-panel#panel-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'A secret the Panel sends with each delivery: add ?token=YOUR_TOKEN to the webhook URL you paste into your Panel account (or have the Panel send it in the X-Panel-Token header). Letters, digits and -._~ only, so it needs no escaping in a URL.',
		},
		{
			displayName: 'HMAC Secret',
			name: 'hmacSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for Panels that sign deliveries: the HMAC-SHA256 secret of the X-Panel-Signature header (sha256=hex over the raw body, or over "timestamp.body" when X-Panel-Timestamp is sent). Leave empty when your Panel does not sign.',
		},
	];
}
