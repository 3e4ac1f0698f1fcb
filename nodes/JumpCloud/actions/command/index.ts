import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as getAll from './getAll.operation';
import * as getResults from './getResults.operation';
import * as run from './run.operation';
import * as trigger from './trigger.operation';

export const operations: ResourceOperations = { getAll, getResults, run, trigger };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['command'] } },
		options: [
			{ name: 'Get Many', value: 'getAll', description: 'List saved commands, by name, OS or trigger. Returns one item per command.', action: 'Get many commands' },
			{
				name: 'Get Results',
				value: 'getResults',
				description: "List what devices reported for a command (exit code, output), of one run or all. Needs the command; returns one item per result.",
				action: 'Get results of a command',
			},
			{
				name: 'Run',
				value: 'run',
				description: 'Run a saved command now on the devices bound to it, or on chosen devices and device groups. Returns the queue IDs and the run ID.',
				action: 'Run a command',
			},
			{
				name: 'Trigger',
				value: 'trigger',
				description: 'Launch the commands listening to a trigger name, handing them JSON variables. Returns the commands launched.',
				action: 'Trigger a command',
			},
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
