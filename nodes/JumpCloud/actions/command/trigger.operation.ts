import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Trigger Name',
		name: 'triggerName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. deploy-hotfix',
		description: 'The trigger name of the commands to launch (a command whose launch type is Trigger)',
	},
	{
		displayName: 'Variables (JSON)',
		name: 'variables',
		type: 'json',
		default: '{}',
		description: 'A JSON object handed to the commands, which read its keys as variables, e.g. {"version": "1.2.3"}',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['command'], operation: ['trigger'] } }, properties);

/**
 * Launches the commands listening to a trigger (`POST /api/command/trigger/{name}` with the variables as JSON
 * body) → `{trigger, triggered}`; a trigger that launched nothing fails the item (a typo would otherwise pass
 * unnoticed). Never sent twice blindly.
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const name = String(this.getNodeParameter('triggerName', i, '') ?? '').trim();
	if (name === '') throw new NodeOperationError(this.getNode(), "'Trigger Name' is empty", { itemIndex: i, description: 'Enter the trigger name of the command to launch.' });
	if (/[/?#%\\]|^\.\.?$/.test(name)) {
		throw new NodeOperationError(this.getNode(), `'Trigger Name' may not contain / ? # % or \\: "${name.slice(0, 100)}"`, { itemIndex: i, description: 'Use the trigger name exactly as set on the command.' });
	}
	const raw = this.getNodeParameter('variables', i, '{}') as unknown;
	const variables = typeof raw === 'string' ? (raw.trim() === '' ? {} : jsonParse<unknown>(raw, { errorMessage: "'Variables (JSON)' is not valid JSON" })) : raw;
	if (!variables || typeof variables !== 'object' || Array.isArray(variables)) {
		throw new NodeOperationError(this.getNode(), "'Variables (JSON)' must be a JSON object", { itemIndex: i, description: 'Enter an object such as {"version": "1.2.3"}.' });
	}
	const answer = await jumpCloudApiRequest.call(this, { method: 'POST', path: `/api/command/trigger/${encodeURIComponent(name)}`, body: variables as IDataObject, ...scope });
	const triggered = Array.isArray(answer.triggered) ? answer.triggered : [];
	if (triggered.length === 0) {
		throw new NodeOperationError(this.getNode(), `No JumpCloud command listens to the trigger "${name}"`, {
			itemIndex: i,
			description: "Check 'Trigger Name' against the command's trigger in JumpCloud (launch type Trigger). Nothing was run.",
		});
	}
	return { trigger: name, triggered, variables: variables as IDataObject };
}
