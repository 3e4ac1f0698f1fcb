/**
 * Runs the JumpCloud node through n8n's real execution engine (n8n-core WorkflowExecute, LoadOptionsContext and
 * the RoutingNode behind credential tests), with the real credential class doing the authentication.
 * Nothing here fakes HTTP: requests go to the simulator over 127.0.0.1.
 */
import {
	Credentials,
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	createEmptyRunExecutionData,
	createRunExecutionData,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	ILoadOptionsFunctions,
	ExecutionError,
} from 'n8n-workflow';

import { JumpCloudApi } from '../../credentials/JumpCloudApi.credentials';
import { assertNoSecrets, registerSecret } from '../secrets';
import { JumpCloud } from '../../nodes/JumpCloud/JumpCloud.node';

export const NODE_TYPE = 'n8n-nodes-jumpcloud.jumpCloud';

/** Credentials helper that authenticates with the real JumpCloudApi class. */
class TestCredentialsHelper extends ICredentialsHelper {
	private readonly credentialType = new JumpCloudApi();

	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (typeName !== this.credentialType.name) throw new Error(`Unexpected credential type ${typeName}`);
		const authenticate = this.credentialType.authenticate;
		if (typeof authenticate !== 'function') throw new Error('JumpCloudApi must authenticate with a function');
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type, '');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return this.credentialType.properties;
	}
}

export function nodeTypesWith(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
}

/** A one-node workflow whose node is of the given type (the JumpCloud node unless told otherwise). */
function workflowOf(node: INode, nodeType: INodeType = new JumpCloud()): Workflow {
	return new Workflow({
		id: 'engine-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesWith(nodeType),
		settings: { executionOrder: 'v1' },
	});
}

/** A bare node for unit tests of functions that only need `this.getNode()` or a node to blame. */
export const TEST_NODE: INode = {
	id: '1',
	name: 'JumpCloud',
	type: NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

type OnError = 'continueRegularOutput' | 'continueErrorOutput';

function jumpCloudNode(parameters: INodeParameters, onError?: OnError): INode {
	return {
		id: '0b9a3c8e-1f2d-4e5f-8a9b-0c1d2e3f4a5b',
		name: 'JumpCloud',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { jumpCloudApi: { id: 'cred-1', name: 'JumpCloud (simulator)' } },
		...(onError ? { onError } : {}),
	};
}

/** A plain object, not a mock: n8n-core inspects some fields and a catch-all proxy breaks it. */
export function additionalDataFor(
	credentials: ICredentialDataDecryptedObject,
	hooks: ExecutionLifecycleHooks | undefined,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		executionId: 'engine-test',
		currentNodeExecutionIndex: 0,
		currentNodeParameters,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/formBaseUrl',
		formWaitingBaseUrl: 'http://127.0.0.1/formWaitingBaseUrl',
		formTestBaseUrl: 'http://127.0.0.1/formTestBaseUrl',
		webhookBaseUrl: 'http://127.0.0.1/webhookBaseUrl',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhookWaitingBaseUrl',
		webhookTestBaseUrl: 'http://127.0.0.1/webhookTestBaseUrl',
		mcpBaseUrl: 'http://127.0.0.1/mcpBaseUrl',
		mcpTestBaseUrl: 'http://127.0.0.1/mcpTestBaseUrl',
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	};
	return additionalData as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunNodeOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** JSON of the input items; one empty item by default. */
	items?: IDataObject[];
	/** "Continue (regular output)"; `onError` picks either setting. */
	continueOnFail?: boolean;
	onError?: OnError;
}

export interface RunNodeResult {
	run: IRun;
	/** The node's output items (main output 0), with pairedItem. */
	items: INodeExecutionData[];
	json: IDataObject[];
	/** Every main output: [success] or, with "Continue (using error output)", [success, error]. */
	outputs: INodeExecutionData[][];
	/** The error the run stopped on, if any. */
	error?: ExecutionError;
}

/** Executes a one-node workflow with WorkflowExecute, exactly as n8n runs a manual execution. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	registerSecret(options.credentials.apiKey);
	const node = jumpCloudNode(options.parameters, options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined));
	const workflowData: IWorkflowBase = {
		id: 'engine-test',
		name: 'engine test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(0),
		updatedAt: new Date(0),
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
	const workflow = workflowOf(node);

	const hooks = new ExecutionLifecycleHooks('manual', 'engine-test', workflowData);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});

	const inputItems: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [inputItems] }, source: null }] },
	});

	const additionalData = additionalDataFor(options.credentials, hooks);
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished;

	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	const items: INodeExecutionData[] = outputs[0] ?? [];
	const error = run.data.resultData.error ?? taskData?.error;
	// Nothing the run produced may hold the API key: outputs, errors with their descriptions, execution data.
	// The workflow's own parameters are left out: a key a user typed into one is in the workflow already.
	const parameters = JSON.stringify(node.parameters);
	const produced = JSON.stringify({ run, error: error && { message: error.message, description: error.description, stack: error.stack } }, (key, value) =>
		key === 'parameters' && JSON.stringify(value) === parameters ? '[the node parameters]' : value,
	);
	assertNoSecrets(produced, 'the execution data of a run');
	return { run, items, json: items.map((item) => item.json), outputs, error };
}

/** A load-options context (what the editor uses for list search) on the node with these parameters. */
export function loadOptionsContext(
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
	path = 'parameters.user',
): ILoadOptionsFunctions {
	const node = jumpCloudNode(parameters);
	return new LoadOptionsContext(workflowOf(node), node, additionalDataFor(credentials, undefined, parameters), path);
}

/**
 * Runs the credential's test request the way n8n's credentials tester does: as a declarative routing request
 * through n8n-core's RoutingNode, with the credential's authenticate function.
 * Resolves with the response body, or rejects with the NodeApiError n8n would show.
 */
export async function runCredentialTest(credentials: ICredentialDataDecryptedObject): Promise<unknown> {
	const credentialType = new JumpCloudApi();
	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: credentialType.test.request },
				},
			],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'credential-test',
		name: 'Credential test',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
		credentials: { jumpCloudApi: { id: 'cred-1', name: 'test' } },
	};
	const workflow = workflowOf(node, testNodeType);
	const additionalData = additionalDataFor(credentials, undefined, node.parameters);
	const runExecutionData = createEmptyRunExecutionData();
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const decrypted: ICredentialsDecrypted = { id: 'cred-1', name: 'test', type: credentialType.name, data: credentials };
	await workflow.expression.acquireIsolate?.();
	try {
		const output = await new RoutingNode(context, testNodeType, decrypted).runNode();
		return output?.[0]?.[0]?.json;
	} finally {
		await workflow.expression.releaseIsolate?.();
	}
}
