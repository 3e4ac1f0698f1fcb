/**
 * Runs the JumpCloud Trigger's poll the way n8n does: `nodeType.poll` called on n8n-core's real PollContext, on a
 * Workflow whose static data lives as long as the "activation", with the real credential class authenticating and
 * the simulator answering over HTTP. What n8n would store in its database is tracked too: n8n saves a poll
 * trigger's static data when a poll emits items (n8n 2.41.1 TriggerExecutionContextFactory: saveStaticData in
 * __emit), so `restart()` continues from that, as after an n8n restart.
 */
import { PollContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { JumpCloudTrigger } from '../../nodes/JumpCloud/JumpCloudTrigger.node';
import { assertNoSecrets, registerSecret } from '../secrets';
import { additionalDataFor, nodeTypesWith } from './engine';

export const TRIGGER_TYPE = 'n8n-nodes-jumpcloud.jumpCloudTrigger';

export interface PollerOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** The workflow's static data at activation (what n8n read from its database). */
	staticData?: IDataObject;
}

export interface PollResult {
	/** The items the poll returned (null: nothing new), as JSON. */
	json: IDataObject[] | null;
	items: INodeExecutionData[] | null;
}

export interface Poller {
	/** One poll in the given mode ('trigger': a scheduled poll of an active workflow; 'manual': a test run). */
	poll(mode?: 'trigger' | 'manual'): Promise<PollResult>;
	/** The trigger node's static data right now (a copy). */
	nodeStaticData(): IDataObject;
	/** The workflow's static data as n8n would have stored it: as of the last poll that emitted items. */
	persisted(): IDataObject | undefined;
	/** A new activation from what n8n stored (an n8n restart, or deactivate + activate). */
	restart(): Poller;
}

export function createPoller(options: PollerOptions): Poller {
	registerSecret(options.credentials.apiKey);
	const node: INode = {
		id: '7d1e4a52-0c7b-4d8e-9f10-2a3b4c5d6e7f',
		name: 'JumpCloud Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...options.parameters },
		credentials: { jumpCloudApi: { id: 'cred-1', name: 'JumpCloud (simulator)' } },
	};
	const nodeType = new JumpCloudTrigger();
	const workflow = new Workflow({
		id: 'poll-test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: nodeTypesWith(nodeType),
		staticData: options.staticData ? (JSON.parse(JSON.stringify(options.staticData)) as IDataObject) : undefined,
		settings: { executionOrder: 'v1' },
	});
	const additionalData = additionalDataFor(options.credentials, undefined);
	// The static data n8n keeps is a change-tracking proxy: copied through JSON.
	const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
	let persisted = options.staticData ? copy(options.staticData) : undefined;

	const poller: Poller = {
		async poll(mode = 'trigger') {
			const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'update');
			await workflow.expression.acquireIsolate?.();
			let items: INodeExecutionData[] | null;
			try {
				const result = await nodeType.poll.call(context);
				items = result === null ? null : result[0];
			} finally {
				await workflow.expression.releaseIsolate?.();
			}
			if (items && mode !== 'manual') persisted = copy(workflow.staticData) as IDataObject;
			assertNoSecrets(JSON.stringify(items), 'the items a poll returned');
			return { items, json: items && items.map((item) => item.json) };
		},
		nodeStaticData: () => copy(workflow.getStaticData('node', node)) as IDataObject,
		persisted: () => (persisted ? copy(persisted) : undefined),
		restart: () => createPoller({ ...options, staticData: persisted }),
	};
	return poller;
}
