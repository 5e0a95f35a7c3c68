/**
 * Panel Trigger: receives the Panel's order-status webhook. The Panel has no API to register
 * a webhook, so the user pastes this node's URL into their Panel account; the webhook
 * lifecycle methods therefore have nothing to do. Authentication, parsing, normalising and
 * the delivery key are core's (verifyDelivery, deliveryKey); duplicate detection is in
 * deliveries.ts, the credential's short-lived cache in secrets.ts; this file wires them to
 * n8n's request, response and credential.
 */
import {
	NodeConnectionTypes,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import {
	CANONICAL_STATUSES,
	deliveryKey,
	PanelWebhookError,
	verifyDelivery,
	WEBHOOK_TOKEN_HEADER,
	WEBHOOK_TOKEN_QUERY,
	type OrderUpdate,
	type ParsedDelivery,
} from '@panel/core';
import { firstDelivery, remarkPending } from './deliveries';
import { withSecrets, type Verdict, type WebhookSecrets } from './secrets';

interface TriggerOptions {
	statuses?: string[];
	onlyFinal?: boolean;
	dropDuplicates?: boolean;
}

/** A token goes into a URL as typed: only characters that need no escaping there. */
const URL_SAFE_TOKEN = /^[A-Za-z0-9._~-]+$/;

/** Whether an update passes the status filter (empty filter = every status). */
function wanted(update: OrderUpdate, options: TriggerOptions): boolean {
	if (options.onlyFinal && !update.final) return false;
	const statuses = options.statuses ?? [];
	return statuses.length === 0 || statuses.includes(update.status);
}

/**
 * The request body exactly as received. n8n keeps the bytes in rawBody once it has read them;
 * from version 1.1 on it reads the body only for the content types it parses (JSON, form,
 * text, XML), so for any other the trigger has n8n's own reader (readRawBody) fetch them.
 */
async function rawBodyOf(req: { rawBody?: unknown; body?: unknown; readRawBody?: unknown }): Promise<Uint8Array | string | undefined> {
	if (!(req.rawBody instanceof Uint8Array) && typeof req.readRawBody === 'function') await (req.readRawBody as () => Promise<void>)();
	if (req.rawBody instanceof Uint8Array) return req.rawBody;
	return typeof req.body === 'string' ? req.body : undefined;
}

function refuse(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ error: message });
	return { noWebhookResponse: true };
}

export class PanelTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Panel Trigger',
		name: 'panelTrigger',
		icon: { light: 'file:../Panel/panel.svg', dark: 'file:../Panel/panel.dark.svg' },
		group: ['trigger'],
		// 1.1: n8n 2.41 evaluates a "binaryData" option expression before calling any version-1
		// webhook node (one expression isolate per delivery); from 1.1 on it does not.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '=Order status updates',
		description: 'Starts the workflow when the Panel reports an order status change',
		defaults: { name: 'Panel Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'panelWebhookApi', required: true, testedBy: 'panelWebhookSecrets' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// n8n answers once it has created the execution (so a 200 never hides a lost delivery).
				responseMode: 'onReceived',
				path: 'panel',
			},
		],
		triggerPanel: {
			header: 'Paste the webhook URL into your Panel account',
			executionsHelp: {
				inactive:
					'<b>While building your workflow</b>, put this node\'s Test URL (under Webhook URLs) into your Panel account\'s webhook setting, with ?token=YOUR_TOKEN added, click \'Execute step\', then change an order\'s status in the Panel.<br /><br /><b>Once you\'re happy with your workflow</b>, publish it and put the Production URL into the Panel instead: every order status change then starts one execution.',
				active:
					'<b>Your workflow is published</b>: your Panel posts each order status change to the Production URL (under Webhook URLs, with ?token=YOUR_TOKEN added), and each new change starts one execution.',
			},
			activationHint:
				'Publish the workflow, then paste its Production URL (with ?token=YOUR_TOKEN) into your Panel account\'s webhook setting.',
		},
		properties: [
			{
				displayName:
					`The Panel has no API to register webhooks: copy this node's Production URL (under "Webhook URLs") into the webhook setting of your Panel account and add ?${WEBHOOK_TOKEN_QUERY}=YOUR_TOKEN to its end, YOUR_TOKEN being the Token of the Panel Webhook API credential (or have the Panel send it in the ${WEBHOOK_TOKEN_HEADER} header).`,
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
							'Whether to ignore a delivery identical to one already received in the last 24 hours (Panels retry deliveries): each status change starts one execution',
					},
					{
						displayName: 'Only Final States',
						name: 'onlyFinal',
						type: 'boolean',
						default: false,
						description: 'Whether to start only for final states (Completed, Partial, Canceled, Failed)',
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

	constructor() {
		// n8n reads a node type's description.properties whenever it builds a Workflow, just
		// before resetting the static data's change mark: see deliveries.ts for why that read
		// re-marks the deliveries this process has not answered yet.
		let properties = this.description.properties;
		Object.defineProperty(this.description, 'properties', {
			enumerable: true,
			configurable: true,
			get: () => {
				remarkPending();
				return properties;
			},
			set: (value: INodeTypeDescription['properties']) => {
				properties = value;
			},
		});
	}

	methods = {
		credentialTest: {
			async panelWebhookSecrets(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const { token = '', hmacSecret = '' } = (credential.data ?? {}) as WebhookSecrets;
				if (!token && !hmacSecret) return { status: 'Error', message: 'Set a Token (or an HMAC Secret if your Panel signs deliveries): without one, anyone who learns the URL could start this workflow' };
				if (token && !URL_SAFE_TOKEN.test(token)) return { status: 'Error', message: 'Use only letters, digits and -._~ in the Token: it goes into a URL as typed' };
				if (token && token.length < 16) return { status: 'Error', message: 'Make the Token at least 16 characters long' };
				return { status: 'OK', message: 'The secrets are usable: add ?token=YOUR_TOKEN to the webhook URL in your Panel account' };
			},
		},
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
		let rawBody: Uint8Array | string | undefined;
		try {
			rawBody = await rawBodyOf(req as { rawBody?: unknown; body?: unknown; readRawBody?: unknown });
		} catch {
			return refuse(this, 400, 'The webhook delivery\'s body could not be read.');
		}
		const credential = this.getNode().credentials?.panelWebhookApi?.id ?? undefined;
		const now = Date.now();
		const check = (secrets: WebhookSecrets | undefined): Verdict<ParsedDelivery> => {
			if (!secrets) return { ok: false, status: 401, message: 'The Panel Trigger has no usable Panel Webhook API credential: select one with a Token.' };
			const token = typeof secrets.token === 'string' ? secrets.token : '';
			const hmacSecret = typeof secrets.hmacSecret === 'string' ? secrets.hmacSecret : '';
			// A trigger without any secret would let anyone who learns the URL start the workflow.
			if (!token && !hmacSecret) return { ok: false, status: 401, message: 'The Panel Webhook API credential has neither a Token nor an HMAC Secret: set one.' };
			try {
				const value = verifyDelivery({
					rawBody: rawBody ?? '',
					headers: req.headers,
					query: req.query,
					...(token ? { token } : {}),
					...(hmacSecret ? { hmacSecret } : {}),
					now,
				});
				return { ok: true, value };
			} catch (error) {
				// Whatever went wrong, a delivery that did not verify starts nothing and never gets a 500.
				const e = error instanceof PanelWebhookError ? error : null;
				return { ok: false, status: e?.httpStatus ?? 400, message: e?.message ?? 'The webhook delivery could not be read.' };
			}
		};
		const load = async () => {
			try {
				return (await this.getCredentials('panelWebhookApi')) as WebhookSecrets;
			} catch {
				return undefined;
			}
		};
		const verdict = await withSecrets(credential, now, load, check);
		if (!verdict.ok) return refuse(this, verdict.status, verdict.message);
		const parsed = verdict.value;
		const { update, fields } = parsed;
		if (!wanted(update, options)) return {};
		const key = deliveryKey(update);
		if (options.dropDuplicates !== false) {
			const workflowId = this.getWorkflow().id ?? '';
			const node = this.getNode();
			// Synchronous from here to the return: check-and-insert is atomic in this process.
			const nodeData = this.getWorkflowStaticData('node');
			const res = this.getResponseObject();
			// n8n answers 200 only once it has created the execution, an error when it could not.
			// A connection closed before any answer (the Panel gave up waiting) keeps the key:
			// n8n still creates the execution.
			let settled = false;
			const answered = (done: (executionStarted: boolean) => void) => {
				const once = (started: boolean) => {
					if (settled) return;
					settled = true;
					done(started);
				};
				res.once('finish', () => once(res.statusCode < 400));
				res.once('close', () => once(!res.headersSent || res.statusCode < 400));
			};
			if (!firstDelivery(nodeData, `${workflowId}:${node.id ?? node.name}`, key, Date.now(), answered)) return {};
		}
		// No response of our own: n8n answers 200 once it has created the execution, and
		// saves the static data (the remembered deliveries) as it answers.
		// delivery_key: the same for every copy of one status change, for a downstream guard
		// (e.g. a unique key in a database) where several webhook processors share the work.
		return { workflowData: [this.helpers.returnJsonArray([{ ...update, delivery_key: key, raw: fields as IDataObject }])] };
	}
}
