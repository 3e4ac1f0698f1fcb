import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';


const OBJECT_ID_REGEX = '^[0-9a-fA-F]{24}$';

/** Regex check for a "By ID" locator mode. */
function objectIdValidation(noun: string): INodePropertyMode['validation'] {
	return [
		{
			type: 'regex',
			properties: { regex: OBJECT_ID_REGEX, errorMessage: `Not a JumpCloud ${noun} ID (24 hexadecimal characters)` },
		},
	];
}

/** A user picked from a searchable list, by ID, by email or by username. */
export function userLocator(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5f0c1a2b3c4d5e6f7a8b9c0d',
				validation: objectIdValidation('user'),
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. jane.doe@example.com',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[^\\s@]+@[^\\s@]+$', errorMessage: 'Not an email address' },
					},
				],
			},
			{
				displayName: 'By Username',
				name: 'username',
				type: 'string',
				placeholder: 'e.g. jdoe',
			},
		],
	};
}

/** A user group picked from a searchable list, by ID or by its exact name. */
export function userGroupLocator(): INodeProperties {
	return {
		displayName: 'User Group',
		name: 'userGroup',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The JumpCloud user group',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUserGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5f0c1a2b3c4d5e6f7a8b9c0d',
				validation: objectIdValidation('user group'),
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Engineering',
			},
		],
	};
}

/** An organization picked from the list of those the key manages, or by ID. */
export function organizationLocator(name: string, displayName: string, description: string, required = false): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchOrganizations', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5f0c1a2b3c4d5e6f7a8b9c0d',
				validation: objectIdValidation('organization'),
			},
		],
	};
}

/**
 * 'Options > Organization': for multi-organization (MSP) keys only, so it stays out of the way of everyone else;
 * per item through expressions.
 */
const organizationOption: INodeProperties = organizationLocator(
	'organization',
	'Organization',
	"Only for multi-organization (MSP) API keys: the organization to act in, overriding the credential's Default Organization ID (an expression can choose one per item). Reading operations can also run in All Organizations, first in the list: every organization the key manages, each output item tagged with organizationId and organizationName, Limit applying per organization. Leave it out for a single-organization key.",
);

/** 'Options > If Not Found' of the reading operations that look one record up (the router applies it). */
export function ifNotFoundOption(noun: string): INodeProperties {
	return {
		displayName: 'If Not Found',
		name: 'ifNotFound',
		type: 'options',
		default: 'error',
		description: `What to do when no such ${noun} exists`,
		options: [
			{ name: 'Error', value: 'error', description: 'Fail the item' },
			{
				name: 'Output an Item',
				value: 'returnNotFound',
				description: `Output {found: false} instead (and found: true on the ${noun}s found), so an If node can branch on it`,
			},
		],
	};
}

/** Simplify: the fields a person scans instead of JumpCloud's whole record. */
export function simplifyProperty(description = 'Whether to return a simplified version of the response instead of the raw data'): INodeProperties {
	return { displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, description };
}

export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/**
 * Options every operation has: items at once, how long each call may take, and how long an item may wait to
 * retry (the defaults are DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS and DEFAULT_MAX_RETRY_WAIT_MS; a test keeps
 * them equal).
 */
const requestOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		default: 32,
		typeOptions: { minValue: 1 },
		description:
			'How many items (and list pages) run at once. Output keeps the input order. JumpCloud publishes no rate limit: the node halves this when JumpCloud answers 429 and grows it back afterwards. 1 runs items one after another.',
	},
	{
		displayName: 'Max Retry Wait',
		name: 'maxRetryWait',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 0 },
		description:
			'How long, in seconds, one item may spend waiting before it sends a call again after JumpCloud rate-limited it, failed or did not answer. Calls that could apply a change twice are never blindly repeated. 0 turns retries off.',
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		default: 30000,
		typeOptions: { minValue: 1 },
		description: 'Time in ms to wait for JumpCloud to answer each call before giving up on that attempt',
	},
];

/** The operation's "Options" collection: its own options, then the ones every operation has, sorted by name. */
export function optionsCollection(...specific: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...specific, organizationOption, ...requestOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The same, without 'Organization': the Organization resource's calls name no organization. */
export function organizationlessOptionsCollection(...specific: INodeProperties[]): INodeProperties {
	const collection = optionsCollection(...specific);
	collection.options = (collection.options as INodeProperties[]).filter((option) => option !== organizationOption);
	return collection;
}

/**
 * The same, for operations whose items may depend on what earlier items did (a new user managed by a user
 * created one item before): their items run one after another unless Concurrency says otherwise.
 */
export function sequentialOptionsCollection(...specific: INodeProperties[]): INodeProperties {
	const collection = optionsCollection(...specific);
	collection.options = (collection.options as INodeProperties[]).map((option) =>
		option.name === 'concurrency'
			? {
					...option,
					default: 1,
					description:
						'How many items run at once. 1 (the default here) runs them one after another, so an item can use what an earlier one created (e.g. as its manager). Raise it when items are independent; output keeps the input order either way.',
				}
			: option,
	);
	return collection;
}

/** A device (JumpCloud system) picked from a searchable list, by ID or by its exact hostname. */
export function deviceLocator(name = 'device', displayName = 'Device', description = 'The JumpCloud device (system)'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchDevices', searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 5f0c1a2b3c4d5e6f7a8b9c0d', validation: objectIdValidation('device') },
			{ displayName: 'By Hostname', name: 'hostname', type: 'string', placeholder: 'e.g. jane-macbook-pro' },
		],
	};
}

/** A device group (JumpCloud system group) picked from a searchable list, by ID or by its exact name. */
export function deviceGroupLocator(name = 'deviceGroup', displayName = 'Device Group', description = 'The JumpCloud device group'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchDeviceGroups', searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 5f0c1a2b3c4d5e6f7a8b9c0d', validation: objectIdValidation('device group') },
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Engineering Laptops' },
		],
	};
}

/** A saved JumpCloud command picked from a searchable list, by ID or by its exact name. */
export function commandLocator(description = 'The saved JumpCloud command'): INodeProperties {
	return {
		displayName: 'Command',
		name: 'command',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchCommands', searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 5f0c1a2b3c4d5e6f7a8b9c0d', validation: objectIdValidation('command') },
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Collect Diagnostics' },
		],
	};
}
