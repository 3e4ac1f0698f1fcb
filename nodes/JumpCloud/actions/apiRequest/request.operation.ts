import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INode, INodeProperties } from 'n8n-workflow';

import type { Scope } from '../../helpers/locators';
import { limitOf } from '../../helpers/parameters';
import { INSIGHTS_PATH_PREFIX, isInsightsPath, jumpCloudApiRequestAllItems, jumpCloudRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Service',
		name: 'service',
		type: 'options',
		noDataExpression: true,
		default: 'console',
		description: "Which JumpCloud API to call, on the credential's region (or its Custom Base URL)",
		options: [
			{ name: 'Console API (V1 and V2)', value: 'console', description: 'Users, groups, devices, organizations … on the console host (/api/..., /api/v2/...)' },
			{
				name: 'Directory Insights',
				value: 'insights',
				description: "Event queries on the region's api.* host (/insights/directory/v1/...; a path such as /events is enough)",
			},
		],
	},
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
			"Path on the credential's JumpCloud host: /api/... for API v1, /api/v2/... for API v2, /insights/directory/v1/... for Directory Insights (sent to the region's api.* host; with Service set to Directory Insights, /events is enough). Full URLs and other hosts are refused.",
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
		displayName: 'Pagination',
		name: 'pagination',
		type: 'options',
		default: 'off',
		description: 'Whether to read a whole list (a v1 or v2 list endpoint) and output its records as items',
		displayOptions: { show: { method: ['GET'] } },
		options: [
			{ name: 'Off', value: 'off', description: 'One call; the answer as JumpCloud sends it' },
			{
				name: 'Limit and Skip',
				value: 'limitSkip',
				description: 'Pages of 100 with limit/skip, read side by side when JumpCloud says the total; one item per record',
			},
		],
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { method: ['GET'], pagination: ['limitSkip'] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { method: ['GET'], pagination: ['limitSkip'], returnAll: [false] } },
	},
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '{}',
		description: 'Request body, sent as JSON',
		displayOptions: { show: { method: ['PATCH', 'POST', 'PUT'] } },
	},
	optionsCollection({
		displayName: 'Include Response Headers and Status',
		name: 'fullResponse',
		type: 'boolean',
		default: false,
		description: 'Whether to return the status code and headers together with the body',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['apiRequest'], operation: ['request'] } }, properties);

export interface ParsedPath {
	path: string;
	qs: IDataObject;
}

function refuse(node: INode, itemIndex: number, path: string, why: string): never {
	throw new NodeOperationError(node, `'Path' ${why}: "${path}"`, {
		itemIndex,
		description:
			"Give a path on the credential's JumpCloud host, such as /api/systemusers, /api/v2/usergroups or /insights/directory/v1/events. The node sends the API key only to the credential's hosts.",
	});
}

/** What a decoded JumpCloud path may hold: RFC 3986 path characters, no escapes, spaces, backslashes or non-ASCII. */
const PATH_CHARACTERS = /^[A-Za-z0-9._~!$&'()*+,;=:@/-]*$/;

/**
 * Checks that a user-supplied path stays on the credential's host and under the API, in every encoding
 * (`..` as `%2e%2e`, `/` as `%2f`, double-encoded escapes), and splits off any query string typed into it.
 */
export function parseApiPath(node: INode, itemIndex: number, raw: string, api: 'console' | 'insights' = 'console'): ParsedPath {
	let input = raw.trim();
	// With Service set to Directory Insights, a path relative to the Insights API (e.g. /events) is enough.
	if (api === 'insights' && !/^\/?(insights|api)(\/|$)/.test(input) && !/^[a-z][a-z0-9+.-]*:/i.test(input) && !input.startsWith('//')) {
		input = `${INSIGHTS_PATH_PREFIX}${input.startsWith('/') ? '' : '/'}${input}`;
	}
	if (/^[a-z][a-z0-9+.-]*:/i.test(input) || input.startsWith('//') || input.startsWith('\\')) {
		refuse(node, itemIndex, input, 'must be a path, not a URL');
	}
	const queryStart = input.indexOf('?');
	const pathPart = queryStart === -1 ? input : input.slice(0, queryStart);
	const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
	let decoded = '';
	try {
		decoded = decodeURIComponent(path);
	} catch {
		refuse(node, itemIndex, input, 'has a malformed %-escape');
	}
	const segments = decoded.split('/');
	const unsafe =
		!/^[A-Za-z0-9._~!$&'()*+,;=:@/%-]*$/.test(path) || // spaces, backslashes, #, non-ASCII
		/%(2e|2f|5c)/i.test(path) || // an encoded dot, slash or backslash
		!PATH_CHARACTERS.test(decoded) || // a %-escape of anything a path cannot hold, or a double-encoded one
		segments.some((segment) => segment === '..' || segment === '.') ||
		segments.slice(1, -1).includes('');
	if (unsafe) refuse(node, itemIndex, input, 'has characters or segments a JumpCloud path cannot have');
	if (!/^\/api(\/|$)/.test(decoded) && !isInsightsPath(decoded)) {
		refuse(node, itemIndex, input, `must start with /api/ (v1), /api/v2/ (v2) or ${INSIGHTS_PATH_PREFIX}/ (Directory Insights)`);
	}
	if (api === 'insights' && !isInsightsPath(decoded)) {
		refuse(node, itemIndex, input, `is not a Directory Insights path (${INSIGHTS_PATH_PREFIX}/...), though 'Service' is Directory Insights`);
	}
	const qs: IDataObject = {};
	for (const [name, value] of new URLSearchParams(queryStart === -1 ? '' : input.slice(queryStart + 1))) {
		addQueryValue(qs, name, value);
	}
	return { path, qs };
}

/** A repeated name collects its values in a list, which the transport serializes the way the API wants. */
function addQueryValue(qs: IDataObject, name: string, value: string) {
	const previous = qs[name];
	qs[name] = previous === undefined ? value : ([] as unknown[]).concat(previous, value) as string[];
}

/** The JSON Body: an object or a list (what JumpCloud takes), or nothing when left empty. */
function bodyOf(this: IExecuteFunctions, itemIndex: number): IDataObject | IDataObject[] | undefined {
	const raw = this.getNodeParameter('jsonBody', itemIndex, '{}') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		const text = raw.trim();
		if (text === '') return undefined;
		try {
			value = jsonParse<unknown>(text);
		} catch {
			throw new NodeOperationError(this.getNode(), "'JSON Body' is not valid JSON", {
				itemIndex,
				description: 'Enter a JSON object or array, e.g. {"firstname": "Jane"}.',
			});
		}
	}
	if (value === null || typeof value !== 'object') {
		throw new NodeOperationError(this.getNode(), `'JSON Body' must be a JSON object or array, not ${JSON.stringify(value)}`, {
			itemIndex,
			description: 'JumpCloud takes a JSON object (or an array) as body, e.g. {"firstname": "Jane"}. Leave it empty to send no body.',
		});
	}
	return value as IDataObject | IDataObject[];
}

export async function execute(this: IExecuteFunctions, scope: Scope) {
	const i = scope.itemIndex;
	const method = this.getNodeParameter('method', i) as IHttpRequestMethods;
	const api = this.getNodeParameter('service', i, 'console') === 'insights' ? 'insights' : 'console';
	const { path, qs } = parseApiPath(this.getNode(), i, this.getNodeParameter('path', i) as string, api);
	const { parameter = [] } = this.getNodeParameter('queryParameters', i, {}) as {
		parameter?: Array<{ name: string; value: string }>;
	};
	for (const { name, value } of parameter) {
		if (name.trim() !== '') addQueryValue(qs, name.trim(), value);
	}
	const body = ['POST', 'PUT', 'PATCH'].includes(method) ? bodyOf.call(this, i) : undefined;
	const { fullResponse = false } = this.getNodeParameter('options', i, {}) as IDataObject;
	if (method === 'GET' && this.getNodeParameter('pagination', i, 'off') === 'limitSkip') {
		for (const name of ['limit', 'skip']) {
			if (qs[name] !== undefined) {
				throw new NodeOperationError(this.getNode(), `Query parameter '${name}' is set by the pagination`, {
					itemIndex: i,
					description: `Remove '${name}' from 'Path' and 'Query Parameters', or set 'Pagination' to 'Off'. Use 'Limit' to cap the records.`,
				});
			}
		}
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		// The caller's own sort (if any) is kept: this reads any list, including ones that take no sort.
		return await jumpCloudApiRequestAllItems.call(
			this,
			{ method, path, qs, ...scope },
			{ returnAll, limit: returnAll ? undefined : limitOf.call(this, i), sortById: false },
		);
	}

	// Anything may come back (some routes answer plain text); POST and PATCH are never blindly repeated.
	// Directory Insights event queries are POSTs that only read: safe to send again after an unclear failure.
	const repeatable = method === 'POST' && /^\/insights\/directory\/v1\/events(\/(count|distinct|interval))?$/.test(path) ? true : undefined;
	const response = await jumpCloudRequest.call(this, { method, path, qs, body, expect: 'any', repeatable, ...scope });
	const empty = response.body === '' || response.body === undefined || response.body === null;
	if (fullResponse) {
		return { statusCode: response.statusCode, headers: response.headers, body: empty ? null : (response.body as IDataObject) };
	}
	if (empty) return { statusCode: response.statusCode };
	if (Array.isArray(response.body)) return response.body as IDataObject[];
	if (typeof response.body === 'object') return response.body as IDataObject;
	return { body: response.body as string };
}
