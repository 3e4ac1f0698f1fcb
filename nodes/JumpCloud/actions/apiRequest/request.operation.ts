import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INode, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { jumpCloudRequest } from '../../transport';

const properties: INodeProperties[] = [
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
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
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
		displayOptions: { show: { method: ['PATCH', 'POST', 'PUT'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
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

export const description = updateDisplayOptions({ show: { resource: ['apiRequest'] } }, properties);

export interface ParsedPath {
	path: string;
	qs: IDataObject;
}

function refuse(node: INode, itemIndex: number, path: string, why: string): never {
	throw new NodeOperationError(node, `'Path' ${why}: "${path}"`, {
		itemIndex,
		description:
			"Give a path on the credential's JumpCloud host, such as /api/systemusers or /api/v2/usergroups. The node sends the API key only to that host.",
	});
}

/**
 * Checks that a user-supplied path stays on the credential's host and under the API, and splits off any
 * query string typed into it.
 */
export function parseApiPath(node: INode, itemIndex: number, raw: string): ParsedPath {
	const input = raw.trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(input) || input.startsWith('//') || input.startsWith('\\')) {
		refuse(node, itemIndex, input, 'must be a path, not a URL');
	}
	const [pathPart, ...queryParts] = input.split('?');
	const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
	if (/[\s\\#]/.test(path) || path.split('/').some((segment) => segment === '..' || segment === '.')) {
		refuse(node, itemIndex, input, 'has characters or segments a JumpCloud path cannot have');
	}
	if (!/^\/api(\/|$)/.test(path)) {
		refuse(node, itemIndex, input, 'must start with /api/ (v1) or /api/v2/ (v2)');
	}
	const qs: IDataObject = {};
	for (const [name, value] of new URLSearchParams(queryParts.join('?'))) {
		const previous = qs[name];
		qs[name] = previous === undefined ? value : ([] as unknown[]).concat(previous, value) as string[];
	}
	return { path, qs };
}

function bodyOf(this: IExecuteFunctions, itemIndex: number): IDataObject | IDataObject[] {
	const raw = this.getNodeParameter('jsonBody', itemIndex, '{}') as unknown;
	if (typeof raw === 'object' && raw !== null) return raw as IDataObject;
	const text = String(raw ?? '').trim();
	if (text === '') return {};
	try {
		return jsonParse<IDataObject | IDataObject[]>(text);
	} catch {
		throw new NodeOperationError(this.getNode(), "'JSON Body' is not valid JSON", {
			itemIndex,
			description: 'Enter a JSON object or array, e.g. {"firstname": "Jane"}.',
		});
	}
}

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const method = this.getNodeParameter('method', i) as IHttpRequestMethods;
	const { path, qs } = parseApiPath(this.getNode(), i, this.getNodeParameter('path', i) as string);
	const { parameter = [] } = this.getNodeParameter('queryParameters', i, {}) as {
		parameter?: Array<{ name: string; value: string }>;
	};
	for (const { name, value } of parameter) {
		if (name.trim() === '') continue;
		const previous = qs[name];
		qs[name] = previous === undefined ? value : ([] as unknown[]).concat(previous, value) as string[];
	}
	const body = ['POST', 'PUT', 'PATCH'].includes(method) ? bodyOf.call(this, i) : undefined;
	const { fullResponse = false } = this.getNodeParameter('options', i, {}) as IDataObject;

	const response = await jumpCloudRequest.call(this, { method, path, qs, body, ...scope });
	const empty = response.body === '' || response.body === undefined || response.body === null;
	if (fullResponse) {
		return { statusCode: response.statusCode, headers: response.headers, body: empty ? null : (response.body as IDataObject) };
	}
	if (empty) return { statusCode: response.statusCode };
	if (Array.isArray(response.body)) return response.body as IDataObject[];
	if (typeof response.body === 'object') return response.body as IDataObject;
	return { body: response.body as string };
}
