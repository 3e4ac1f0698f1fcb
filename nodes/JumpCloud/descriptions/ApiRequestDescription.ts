import type { INodeProperties } from 'n8n-workflow';

const show = { resource: ['apiRequest'] };

export const apiRequestFields: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'PATCH', value: 'PATCH' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
		displayOptions: { show },
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '/api/systemusers',
		placeholder: 'e.g. /api/v2/usergroups',
		description:
			"Path on the credential's JumpCloud host: /api/... for API v1, /api/v2/... for API v2. Full URLs and other hosts are refused.",
		displayOptions: { show },
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. filter' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. department:$eq:IT' },
				],
			},
		],
	},
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '{}',
		description: 'Request body, sent as JSON',
		displayOptions: { show: { ...show, method: ['PATCH', 'POST', 'PUT'] } },
	},
	{
		displayName: 'Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Include Response Headers and Status',
				name: 'fullResponse',
				type: 'boolean',
				default: false,
				description: 'Whether to return the status code and headers together with the body',
			},
		],
	},
];
