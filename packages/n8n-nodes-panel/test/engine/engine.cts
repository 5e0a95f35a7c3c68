/**
 * n8n's real workflow engine in-process: the published n8n-core (2.41.1) `WorkflowExecute`
 * and `ExecutionLifecycleHooks` run workflows whose Panel nodes are loaded from the built
 * package by n8n-core's own `PackageDirectoryLoader`, as n8n loads a community package.
 * HTTP goes through n8n-core's real `httpRequest` (axios) to the sandbox; the credentials
 * helper hands out the decrypted credential.
 * The only stand-ins: a pass-through start node and a no-op node (n8n-nodes-base is not loaded).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mock } from 'jest-mock-extended';
import { startSandbox, type Sandbox } from '@panel/sandbox';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialsHelper,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
	type IConnections,
} from 'n8n-workflow';

// n8n-core keeps instance settings under N8N_USER_FOLDER: a throw-away one, set before loading it.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'panel-engine-'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require('n8n-core') as typeof import('n8n-core');

const passThrough = (name: string, group: INodeType['description']['group']): INodeType => ({
	description: {
		displayName: name,
		name,
		group,
		version: 1,
		description: `${name} (test stand-in)`,
		defaults: { name },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		return [this.getInputData()];
	},
});

export const START = 'test.start';
export const NOOP = 'test.noOp';

/** An output item as the tests read it. */
export type Item = { json: Record<string, unknown>; pairedItem?: unknown };

/** The shared workflows name n8n-nodes-base's Manual Trigger and No Op: use the stand-ins. */
export function local(workflow: { nodes: INode[]; connections: any }) {
	const nodes = workflow.nodes.map((n) => ({
		...n,
		type: n.type === 'n8n-nodes-base.manualTrigger' ? START : n.type === 'n8n-nodes-base.noOp' ? NOOP : n.type,
	}));
	return { nodes, connections: workflow.connections };
}

/** One node's output items (first run, output `index`). */
export function output(run: IRun, node: string, index = 0): Item[] | undefined {
	return run.data.resultData.runData[node]?.[0]?.data?.main?.[index] as Item[] | undefined;
}

export interface Engine {
	run(nodes: INode[], connections: IConnections, input?: INodeExecutionData[]): Promise<IRun>;
}

export async function createEngine(packageDir: string, credentials: Record<string, ICredentialDataDecryptedObject>): Promise<Engine> {
	const loader = new core.PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const types: Record<string, INodeType> = { [START]: passThrough('start', ['input']), [NOOP]: passThrough('noOp', ['organization']) };
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) types[`${loader.packageName}.${name}`] = type as INodeType;

	const nodeTypes: INodeTypes = {
		getByName: (type) => types[type] as INodeType,
		getByNameAndVersion: (type) => {
			const t = types[type];
			if (!t) throw new Error(`unknown node type ${type}`);
			return t as INodeType;
		},
		getKnownTypes: () => ({}),
	};

	const credentialsHelper = mock<ICredentialsHelper>();
	credentialsHelper.getDecrypted.mockImplementation(async (_data, _details, type) => ({ ...(credentials[type] ?? {}) }));
	credentialsHelper.getParentTypes.mockReturnValue([]);
	(credentialsHelper as unknown as { isCredentialUsableByNode: () => boolean }).isCredentialUsableByNode = () => true;

	async function run(nodes: INode[], connections: IConnections, input: INodeExecutionData[] = [{ json: {} }]): Promise<IRun> {
		const workflow = new Workflow({ id: 'engineTestWf0001', nodes, connections, nodeTypes, active: false, settings: { executionOrder: 'v1' } });
		const hooks = new core.ExecutionLifecycleHooks('manual', '1', mock());
		let finished: (run: IRun) => void = () => {};
		const done = new Promise<IRun>((resolve) => (finished = resolve));
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished(fullRunData));
		// Plain values where n8n-core branches on presence (a deep mock would answer every property).
		const additionalData = mock<IWorkflowExecuteAdditionalData>({
			currentNodeParameters: undefined,
			encryptedRunnerIdentity: undefined,
			executionId: undefined,
		} as Partial<IWorkflowExecuteAdditionalData> as never);
		additionalData.hooks = hooks;
		additionalData.credentialsHelper = credentialsHelper;
		const startNode = nodes.find((n) => n.type === START) as INode;
		const runExecutionData: IRunExecutionData = {
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				metadata: {},
				waitingExecution: {},
				waitingExecutionSource: null,
				nodeExecutionStack: [{ node: startNode, data: { main: [input] }, source: null }],
			},
		} as unknown as IRunExecutionData;
		const execute = new core.WorkflowExecute(additionalData, 'manual', runExecutionData);
		await execute.processRunExecutionData(workflow);
		return await done;
	}

	return { run };
}

/**
 * What both engine suites start with: the package built, a sandbox Panel (manual clock) and an
 * engine whose Panel credential points at it. The caller stops the sandbox.
 */
export async function startSandboxEngine(packageDir: string): Promise<{ sb: Sandbox; engine: Engine }> {
	execFileSync(process.execPath, [path.join(packageDir, 'scripts/build.js'), '--no-typecheck'], { stdio: 'ignore' });
	const sb = await startSandbox({ port: 0, clock: 'manual' });
	return { sb, engine: await createEngine(packageDir, { panelApi: { apiUrl: sb.apiUrl, apiKey: sb.key } }) };
}
