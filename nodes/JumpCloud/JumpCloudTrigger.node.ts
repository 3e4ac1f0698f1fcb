import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';

import { CursorReader, isCursor, newCursor, timestampMs } from './helpers/eventCursor';
import type { CursorSettings, EventCursor } from './helpers/eventCursor';
import { EVENT_PRESET_OPTIONS, eventTypesOf, listOf, triggerSearchTerm } from './helpers/insightsQuery';
import { ALL_ORGANIZATIONS, managedOrganizations } from './helpers/organizations';
import type { ManagedOrganization } from './helpers/organizations';
import { getOrganizations } from './methods/loadOptions';
import {
	DEFAULT_MAX_RETRY_WAIT_MS,
	DEFAULT_TIMEOUT_MS,
	INSIGHTS_PAGE_SIZE,
	defaultOrganizationOf,
	insightsEvents,
	insightsEventsPage,
	isObjectId,
	newRunState,
	redactError,
	retryPolicyFor,
} from './transport';
import type { InsightsQuery, Scope } from './transport';

/** Organizations polled at once. */
const ORGANIZATIONS_AT_ONCE = 4;
/** Events a manual test run shows, and how far back it looks for them (JumpCloud keeps 90 days). */
const SAMPLE_SIZE = 5;
const SAMPLE_DAYS = 30;
/** Static data format: `{ version, cursors: { <organization ID>: EventCursor } }`. */
const STATE_VERSION = 1;

interface TriggerSettings extends CursorSettings {
	maxEvents: number;
	searchTerm?: IDataObject;
}

/** What one organization gave in one poll: its new events and its next cursor, or the error it failed with. */
interface OrganizationResult {
	organization: ManagedOrganization;
	events: IDataObject[];
	cursor: EventCursor;
	error?: Error & { description?: string; httpCode?: string | null };
}

export class JumpCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JumpCloud Trigger',
		name: 'jumpCloudTrigger',
		icon: { light: 'file:../../icons/jumpcloud.svg', dark: 'file:../../icons/jumpcloud.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Events: " + ($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when JumpCloud records new Directory Insights events: users created, changed or deleted, logins, admin actions, devices',
		defaults: { name: 'JumpCloud Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jumpCloudApi', required: true }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['userCreated'],
				description: 'The kinds of events that start the workflow (each new event is one item)',
				options: EVENT_PRESET_OPTIONS,
			},
			{
				displayName: 'Other Event Types',
				name: 'otherEventTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. sso_auth, radius_auth, user_group_admin_grant',
				description:
					"Any other Directory Insights event types, separated by commas (the event_type values of JumpCloud's Directory Insights reference); they start the workflow too",
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Late Arrival Window (Seconds)',
						name: 'lateArrivalSeconds',
						type: 'number',
						default: 60,
						typeOptions: { minValue: 0 },
						description:
							'JumpCloud may record an event a little after its timestamp. Each poll also reads this many seconds before what it read last time, and emits only events it has not emitted before (by ID), so such events are not missed.',
					},
					{
						displayName: 'Max Catch-Up (Hours)',
						name: 'maxCatchUpHours',
						type: 'number',
						default: 24,
						typeOptions: { minValue: 0.01 },
						description:
							'After n8n was stopped or the workflow deactivated, how far back the first poll reads at most. Older events are skipped. JumpCloud keeps events for 90 days.',
					},
					{
						displayName: 'Max Events per Poll',
						name: 'maxEventsPerPoll',
						type: 'number',
						default: 5000,
						typeOptions: { minValue: 1 },
						description: 'At most this many events start one execution; the rest follow in the next polls, in order, none lost',
					},
					{
						displayName: 'Organization Names or IDs',
						name: 'organizations',
						type: 'multiOptions',
						typeOptions: { loadOptionsMethod: 'getOrganizations' },
						default: [],
						description:
							"Only for multi-organization (MSP) API keys: the organizations to watch, or All Organizations (also those added later). Each event carries organizationId and organizationName. Empty: the credential's Default Organization ID, or the key's own organization. Choose from the list, or specify IDs using an <a href=\"https://docs.n8n.io/code/expressions/\">expression</a>.",
					},
				],
			},
		],
	};

	methods = {
		loadOptions: { getOrganizations },
	};

	/**
	 * One poll: the new events of each watched organization since its cursor (kept in the workflow's static data),
	 * oldest first, each once. The first poll after activation starts from now; a manual test run shows the latest
	 * few events instead and moves no cursor.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = settingsOf(this);
		const credentials = await this.getCredentials('jumpCloudApi');
		const secret = String(credentials.apiKey ?? '');
		const run = newRunState(ORGANIZATIONS_AT_ONCE, credentials);
		const scope: Scope = { itemIndex: 0, run, timeoutMs: DEFAULT_TIMEOUT_MS, retryPolicy: retryPolicyFor(DEFAULT_MAX_RETRY_WAIT_MS) };
		const budget = { waitLeftMs: DEFAULT_MAX_RETRY_WAIT_MS };
		const inOrganization = (organization: ManagedOrganization): Scope => ({ ...scope, organizationId: organization.id, retryBudget: { waitLeftMs: DEFAULT_MAX_RETRY_WAIT_MS } });
		try {
			const organizations = await organizationsToWatch(this, { ...scope, retryBudget: budget }, credentials);
			const nowMs = Date.now();
			if (this.getMode() === 'manual') return await sample(this, organizations, inOrganization, settings, nowMs);

			const staticData = this.getWorkflowStaticData('node');
			const stored = (staticData.version === STATE_VERSION && staticData.cursors && typeof staticData.cursors === 'object' ? staticData.cursors : {}) as Record<string, unknown>;
			const startedAt = Date.now();
			const budgetMs = typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() : 5 * 60_000;
			const hasTime = () => Date.now() - startedAt < budgetMs / 2;
			const results = await Promise.all(
				organizations.map(async (organization) => {
					const cursor = stored[organization.id];
					return await pollOrganization(this, organization, isCursor(cursor) ? cursor : undefined, inOrganization(organization), settings, nowMs, hasTime);
				}),
			);

			// Nothing of a poll that failed everywhere is kept: the next one repeats it (n8n records the error).
			const failed = results.filter((result) => result.error);
			if (failed.length === results.length && failed.length > 0) throw failureOf(this, failed[0], results.length);

			const cursors: Record<string, EventCursor> = {};
			const events: Array<{ json: IDataObject; at: number }> = [];
			const errors: IDataObject[] = [];
			for (const result of results) {
				const { organization, cursor } = result;
				if (result.error) {
					const message = result.error.message;
					// An organization that starts failing is reported once (one item); its cursor stays, so nothing of
					// it is lost when it recovers.
					const before = stored[organization.id];
					if (!isCursor(before) || before.failing !== message) errors.push(errorItem(result));
					cursor.failing = message;
				} else {
					delete cursor.failing;
				}
				cursors[organization.id] = cursor;
				for (const event of result.events) events.push({ json: tagged(event, organization), at: timestampMs(event.timestamp) ?? nowMs });
			}
			staticData.version = STATE_VERSION;
			staticData.cursors = cursors;

			// Oldest first across organizations (stable: an organization's own order is kept).
			events.sort((a, b) => a.at - b.at);
			const items = [...events.map((event) => event.json), ...errors];
			return items.length ? [this.helpers.returnJsonArray(items)] : null;
		} catch (error) {
			throw redactError(error as Error, secret);
		}
	}
}

/** The trigger's settings, checked (expressions bypass the editor's limits). */
function settingsOf(context: IPollFunctions): TriggerSettings {
	const node = context.getNode();
	const presets = listOf(context.getNodeParameter('events', []));
	const otherTypes = eventTypesOf(context.getNodeParameter('otherEventTypes', ''));
	if (presets.length === 0 && otherTypes.length === 0) {
		throw new NodeOperationError(node, "'Events' is empty", { description: "Choose the kinds of events that start the workflow (Any Event for all), or list event types in 'Other Event Types'." });
	}
	const number = (name: string, label: string, fallback: number, min: number) => {
		const raw = context.getNodeParameter(`options.${name}`, fallback) as unknown;
		const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
			throw new NodeOperationError(node, `'Options > ${label}' must be a number of at least ${min}, not ${JSON.stringify(raw)}`, { description: `Set '${label}' to e.g. ${fallback}.` });
		}
		return value;
	};
	return {
		searchTerm: triggerSearchTerm(presets, otherTypes),
		lateWindowMs: Math.round(number('lateArrivalSeconds', 'Late Arrival Window (Seconds)', 60, 0) * 1000),
		maxCatchUpMs: Math.round(number('maxCatchUpHours', 'Max Catch-Up (Hours)', 24, 0.01) * 3_600_000),
		maxEvents: Math.floor(number('maxEventsPerPoll', 'Max Events per Poll', 5000, 1)),
	};
}

/**
 * The organizations to watch: those chosen (All Organizations: every one the key manages now), else the
 * credential's default organization, else the key's own; named from `GET /api/organizations` (one call a poll).
 */
async function organizationsToWatch(context: IPollFunctions, scope: Scope, credentials: ICredentialDataDecryptedObject): Promise<ManagedOrganization[]> {
	const node = context.getNode();
	const chosen = listOf(context.getNodeParameter('options.organizations', []));
	const managed = await managedOrganizations.call(context, scope);
	const named = (id: string) => managed.find((organization) => organization.id === id.toLowerCase()) ?? { id: id.toLowerCase(), name: id };
	if (chosen.includes(ALL_ORGANIZATIONS)) {
		if (managed.length === 0) throw new NodeOperationError(node, 'This API key manages no JumpCloud organization', { description: 'Check the credential: its key lists no organization.' });
		return managed;
	}
	if (chosen.length) {
		const wrong = chosen.filter((id) => !isObjectId(id));
		if (wrong.length) {
			throw new NodeOperationError(node, `'Options > Organizations' holds values that are not organization IDs: ${wrong.join(', ')}`, {
				description: 'Choose organizations from the list, All Organizations, or 24-character organization IDs.',
			});
		}
		return chosen.map(named);
	}
	const fallback = defaultOrganizationOf(credentials);
	if (fallback !== undefined) {
		if (!isObjectId(fallback)) {
			throw new NodeOperationError(node, `The credential's 'Default Organization ID' "${fallback}" is not a JumpCloud organization ID`, {
				description: 'Fix it in the JumpCloud credential: it takes the 24-character hexadecimal ID of an organization.',
			});
		}
		return [named(fallback)];
	}
	if (managed.length === 1) return managed;
	throw new NodeOperationError(node, managed.length ? 'This API key manages several JumpCloud organizations: choose which to watch' : 'This API key manages no JumpCloud organization', {
		description: "Pick them (or All Organizations) in 'Options > Organizations', or set the credential's 'Default Organization ID'.",
	});
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One organization's poll. The first one (no cursor yet) starts the cursor at now and checks with one small
 * query that the events can be read, so a key or plan that cannot read them fails at activation. Later ones read
 * every event from the cursor on, in ascending order, page after page, until there are no more, the event limit
 * is reached or half the poll's time budget is spent; the cursor moves only over what was taken. A failure keeps
 * the cursor where it was and drops the events read so far: the next poll reads them again.
 */
async function pollOrganization(
	context: IPollFunctions,
	organization: ManagedOrganization,
	stored: EventCursor | undefined,
	scope: Scope,
	settings: TriggerSettings,
	nowMs: number,
	hasTime: () => boolean,
): Promise<OrganizationResult> {
	if (!stored) {
		const cursor = newCursor(nowMs);
		try {
			await insightsEventsPage.call(context, scope, { service: ['all'], start_time: iso(nowMs - 60_000), sort: 'DESC', limit: 1 });
			return { organization, events: [], cursor };
		} catch (error) {
			return { organization, events: [], cursor, error: error as Error };
		}
	}
	const reader = new CursorReader(stored, nowMs, settings);
	const query: InsightsQuery = { service: ['all'], start_time: iso(reader.queryStartMs), sort: 'ASC' };
	if (settings.searchTerm) query.search_term = settings.searchTerm;
	const events: IDataObject[] = [];
	try {
		await insightsEvents.call(context, scope, query, {
			returnAll: true,
			pageSize: INSIGHTS_PAGE_SIZE,
			onPage: (page) => {
				for (const event of page) {
					if (events.length >= settings.maxEvents) return false;
					if (reader.take(event)) events.push(event);
				}
				return hasTime();
			},
		});
	} catch (error) {
		return { organization, events: [], cursor: { ...stored, seen: { ...stored.seen } }, error: error as Error };
	}
	return { organization, events, cursor: reader.cursor() };
}

/** A manual test run: the latest few matching events (newest first) of the watched organizations; no cursor moves. */
async function sample(
	context: IPollFunctions,
	organizations: ManagedOrganization[],
	inOrganization: (organization: ManagedOrganization) => Scope,
	settings: TriggerSettings,
	nowMs: number,
): Promise<INodeExecutionData[][]> {
	const query: InsightsQuery = { service: ['all'], start_time: iso(nowMs - SAMPLE_DAYS * 86_400_000), sort: 'DESC' };
	if (settings.searchTerm) query.search_term = settings.searchTerm;
	const results: OrganizationResult[] = await Promise.all(
		organizations.map(async (organization) => {
			const cursor = newCursor(nowMs);
			try {
				const events = await insightsEvents.call(context, inOrganization(organization), query, { returnAll: false, limit: SAMPLE_SIZE });
				return { organization, events, cursor };
			} catch (error) {
				return { organization, events: [], cursor, error: error as Error };
			}
		}),
	);
	const failed = results.filter((result) => result.error);
	if (failed.length === results.length && failed.length > 0) throw failureOf(context, failed[0], results.length);
	const events = results
		.flatMap((result) => result.events.map((event) => ({ json: tagged(event, result.organization), at: timestampMs(event.timestamp) ?? 0 })))
		.sort((a, b) => b.at - a.at)
		.slice(0, SAMPLE_SIZE)
		.map((event) => event.json);
	const items = [...events, ...failed.map(errorItem)];
	if (items.length === 0) {
		throw new NodeOperationError(context.getNode(), `No matching JumpCloud events in the last ${SAMPLE_DAYS} days`, {
			description: 'Once active, the trigger starts the workflow for every new matching event. To see a sample now, make one happen (e.g. create a user for User Created) and fetch again.',
		});
	}
	return [context.helpers.returnJsonArray(items)];
}

/** An event with the organization it came from. */
function tagged(event: IDataObject, organization: ManagedOrganization): IDataObject {
	return { ...event, organizationId: organization.id, organizationName: organization.name };
}

/** The item that reports an organization whose events cannot be read (the others' events still come). */
function errorItem(result: OrganizationResult): IDataObject {
	const error = result.error!;
	const details: IDataObject = {};
	if (typeof error.description === 'string' && error.description !== '') details.description = error.description;
	if (typeof error.httpCode === 'string' && error.httpCode !== '') details.httpCode = error.httpCode;
	return { error: error.message, organizationId: result.organization.id, organizationName: result.organization.name, details };
}

/** The error a poll fails with when no organization could be read; with several, it names the first. */
function failureOf(context: IPollFunctions, result: OrganizationResult, count: number): Error {
	const error = result.error!;
	if (count === 1) return error;
	const note = `In organization "${result.organization.name}" (${result.organization.id}); all ${count} organizations failed.`;
	if (error instanceof NodeApiError) {
		return new NodeApiError(context.getNode(), error as unknown as JsonObject, { message: error.message, description: `${note} ${error.description ?? ''}`.trim(), httpCode: error.httpCode ?? undefined });
	}
	return new NodeOperationError(context.getNode(), error, { description: `${note} ${(error as { description?: string }).description ?? ''}`.trim() });
}
