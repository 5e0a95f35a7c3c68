/**
 * Panel Trigger: receives the Panel's order-status webhook. The Panel has no API to register
 * a webhook, so the user pastes this node's URL into their Panel account; the webhook
 * lifecycle methods therefore have nothing to do. Authentication, parsing, normalising and
 * duplicate detection are core's (verifyWebhook, rememberDelivery): this file only wires
 * them to n8n's request, response and static data.
 */
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import {
	CANONICAL_STATUSES,
	deliveryKey,
	PanelWebhookError,
	rememberDelivery,
	verifyWebhook,
	WEBHOOK_SIGNATURE_HEADER,
	WEBHOOK_TIMESTAMP_HEADER,
	WEBHOOK_TOKEN_HEADER,
	WEBHOOK_TOKEN_QUERY,
	type DeliveryStore,
	type OrderUpdate,
} from '@panel/core';

interface TriggerOptions {
	token?: string;
	hmacSecret?: string;
	statuses?: string[];
	onlyFinal?: boolean;
	dropDuplicates?: boolean;
}

/** Whether an update passes the status filter (empty filter = every status). */
function wanted(update: OrderUpdate, options: TriggerOptions): boolean {
	if (options.onlyFinal && !update.final) return false;
	const statuses = options.statuses ?? [];
	return statuses.length === 0 || statuses.includes(update.status);
}

function rawText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body instanceof Uint8Array) return new TextDecoder().decode(body);
	return body === undefined ? '' : JSON.stringify(body);
}

export class PanelTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Panel Trigger',
		name: 'panelTrigger',
		icon: { light: 'file:../Panel/panel.svg', dark: 'file:../Panel/panel.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Order status updates',
		description: 'Starts the workflow when the Panel reports an order status change',
		defaults: { name: 'Panel Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'panel',
			},
		],
		triggerPanel: {
			header: 'Paste the webhook URL into your Panel account',
			executionsHelp: {
				inactive:
					'Copy the Test URL above into your Panel account\'s webhook setting (add ?token=YOUR_SECRET when you set a Secret Token), then click "Listen for test event" and change an order\'s status.',
				active:
					'Your Panel posts order status changes to the Production URL above; each accepted delivery starts an execution.',
			},
			activationHint:
				'Publish the workflow, then paste the Production URL into your Panel account\'s webhook setting.',
		},
		properties: [
			{
				displayName:
					'The Panel has no API to register webhooks: copy this node\'s Production URL (shown above under "Webhook URLs") into the webhook setting of your Panel account. With a Secret Token, append ?token=YOUR_SECRET to the URL, or have the Panel send it in the X-Panel-Token header.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Drop Duplicate Deliveries',
						name: 'dropDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether to ignore a delivery identical to one already received in the last 24 hours (Panels retry deliveries)',
					},
					{
						displayName: 'HMAC Secret',
						name: 'hmacSecret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description: `For Panels that sign deliveries: the shared secret of the HMAC-SHA256 signature in the ${WEBHOOK_SIGNATURE_HEADER} header (sha256=hex, over the raw body or over "timestamp.body" when ${WEBHOOK_TIMESTAMP_HEADER} is sent). Unsigned or wrongly signed deliveries are refused with 401.`,
					},
					{
						displayName: 'Only Final States',
						name: 'onlyFinal',
						type: 'boolean',
						default: false,
						description: 'Whether to start only for final states (Completed, Partial, Canceled, Failed)',
					},
					{
						displayName: 'Secret Token',
						name: 'token',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description: `A secret the Panel must send in the URL query (?${WEBHOOK_TOKEN_QUERY}=…) or the ${WEBHOOK_TOKEN_HEADER} header; a delivery without it is refused with 401 and starts nothing`,
					},
					{
						displayName: 'Statuses',
						name: 'statuses',
						type: 'multiOptions',
						options: [...CANONICAL_STATUSES].sort((a, b) => a.localeCompare(b)).map((s) => ({ name: s, value: s })),
						default: [],
						description: 'Start only for these statuses (spellings such as Done or Cancelled count as their canonical status); empty = all',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// Nothing to register: the user pastes the URL into the Panel by hand.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const rawBody = rawText((req as { rawBody?: unknown }).rawBody ?? req.body);
		let update: OrderUpdate;
		try {
			update = verifyWebhook({
				rawBody,
				headers: req.headers as Record<string, string | string[] | undefined>,
				query: req.query as Record<string, string | string[] | undefined>,
				...(options.token ? { token: options.token } : {}),
				...(options.hmacSecret ? { hmacSecret: options.hmacSecret } : {}),
				now: Date.now(),
			});
		} catch (error) {
			if (!(error instanceof PanelWebhookError)) throw new NodeOperationError(this.getNode(), error as Error);
			const res = this.getResponseObject();
			res.status(error.httpStatus ?? 400).json({ error: error.message });
			return { noWebhookResponse: true };
		}
		if (!wanted(update, options)) return {};
		if (options.dropDuplicates !== false) {
			const staticData = this.getWorkflowStaticData('node') as DeliveryStore;
			// n8n saves static data only when a property of it is assigned: work on a copy and
			// assign it back, so the remembered deliveries outlive this request.
			const store: DeliveryStore = { seen: { ...(staticData.seen ?? {}) } };
			const first = rememberDelivery(store, deliveryKey(update), Date.now());
			staticData.seen = store.seen;
			if (!first) return {};
		}
		let raw: IDataObject;
		try {
			raw = JSON.parse(rawBody) as IDataObject;
		} catch {
			raw = { body: rawBody };
		}
		// Answer the Panel here and tell n8n not to: n8n then saves the static data (the
		// remembered deliveries) before it starts the run. With its own deferred answer, n8n
		// 2.41 starts the run first, which resets the change flag, and the change is lost.
		this.getResponseObject().status(200).json({ message: 'Workflow was started' });
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([{ ...update, raw }])] };
	}
}
