import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { operationFor } from '../actions/operations';
import { locatorOf } from '../helpers/locators';
import { ALL_ORGANIZATIONS } from '../helpers/organizations';
import { listPageOf, listShapeProblem, jumpCloudRequest, MAX_PAGE_SIZE, retryPolicyFor } from '../transport';
import type { JumpCloudRequest } from '../transport';

/** A picker in the editor waits a few seconds at most: short timeout, short retries. */
const PICKER_WAIT_MS = 5_000;

/** One page of a server-side search; the pagination token is the next `skip`. */
async function searchPage(
	this: ILoadOptionsFunctions,
	request: JumpCloudRequest,
	paginationToken: string | undefined,
	toItem: (record: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const response = await jumpCloudRequest.call(this, {
		...request,
		qs: { ...request.qs, limit: MAX_PAGE_SIZE, skip },
		validate: listShapeProblem,
		timeoutMs: 15_000,
		retryPolicy: retryPolicyFor(PICKER_WAIT_MS),
		retryBudget: { waitLeftMs: PICKER_WAIT_MS },
	});
	const { results, totalCount } = listPageOf(response);
	const next = skip + results.length;
	const more = results.length === MAX_PAGE_SIZE && (totalCount === undefined || next < totalCount);
	return { results: results.map(toItem), paginationToken: more ? String(next) : undefined };
}

/**
 * The organization chosen on the node, so lists show that organization's records. With All Organizations the
 * lists show the credential's default organization (records are then best picked by email, username or name).
 */
function chosenOrganization(this: ILoadOptionsFunctions): string {
	try {
		const chosen = locatorOf(this.getNodeParameter('options.organization', '')).value;
		return chosen === ALL_ORGANIZATIONS ? '' : chosen;
	} catch {
		return '';
	}
}

/** Whether the operation being edited can run in every organization (it reads only). */
function offersAllOrganizations(this: ILoadOptionsFunctions): boolean {
	try {
		const resource = String(this.getCurrentNodeParameter('resource') ?? '');
		const operation = this.getCurrentNodeParameter('operation') as string | undefined;
		return operationFor(resource, operation)?.fanOut !== undefined;
	} catch {
		return false;
	}
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	const body: IDataObject = { fields: 'username email firstname lastname' };
	if (term !== '') body.searchFilter = { searchTerm: term, fields: ['username', 'email', 'firstname', 'lastname'] };
	return await searchPage.call(
		this,
		// search_systemusers_post takes limit, skip, fields and filter, but no sort (v1 spec).
		{ method: 'POST', path: '/api/search/systemusers', body, organizationId: chosenOrganization.call(this) },
		paginationToken,
		(user) => {
			const fullName = [user.firstname, user.lastname].filter(Boolean).join(' ');
			return {
				name: `${fullName || String(user.username)} (${String(user.email ?? user.username)})`,
				value: String(user._id ?? user.id),
			};
		},
	);
}

export async function searchUserGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	const qs: IDataObject = { sort: 'name', fields: 'id,name' };
	// v2 splits filters on commas; search on the part before one.
	const searchable = term.split(',')[0].trim();
	if (searchable !== '') qs.filter = `name:search:${searchable}`;
	return await searchPage.call(
		this,
		{ method: 'GET', path: '/api/v2/usergroups', qs, organizationId: chosenOrganization.call(this) },
		paginationToken,
		(group) => ({ name: String(group.name), value: String(group.id) }),
	);
}

export async function searchOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	const toItem = (organization: IDataObject) => ({
		name: String(organization.displayName ?? organization._id),
		value: String(organization._id ?? organization.id),
	});
	if (term === '') {
		const page = await searchPage.call(
			this,
			{ method: 'GET', path: '/api/organizations', qs: { sort: 'displayName', fields: '_id displayName' } },
			paginationToken,
			toItem,
		);
		// Reading operations can fan out over every organization: offered first, on the first page.
		if (paginationToken === undefined && offersAllOrganizations.call(this)) {
			page.results.unshift({ name: 'All Organizations (every organization this key manages)', value: ALL_ORGANIZATIONS });
		}
		return page;
	}
	return await searchPage.call(
		this,
		{
			method: 'POST',
			path: '/api/search/organizations',
			body: { searchFilter: { searchTerm: term, fields: ['displayName'] }, fields: '_id displayName' },
		},
		paginationToken,
		toItem,
	);
}

export async function searchDevices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	const body: IDataObject = { fields: 'hostname displayName os' };
	if (term !== '') body.searchFilter = { searchTerm: term, fields: ['hostname', 'displayName', 'serialNumber'] };
	return await searchPage.call(
		this,
		// search_systems_post takes limit, skip, fields and filter, but no sort (v1 spec).
		{ method: 'POST', path: '/api/search/systems', body, organizationId: chosenOrganization.call(this) },
		paginationToken,
		(device) => {
			const hostname = String(device.hostname ?? device._id);
			const name = device.displayName && device.displayName !== hostname ? `${String(device.displayName)} (${hostname})` : hostname;
			return { name: device.os ? `${name}, ${String(device.os)}` : name, value: String(device._id ?? device.id) };
		},
	);
}

export async function searchDeviceGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	const qs: IDataObject = { sort: 'name', fields: 'id,name' };
	// v2 splits filters on commas; search on the part before one.
	const searchable = term.split(',')[0].trim();
	if (searchable !== '') qs.filter = `name:search:${searchable}`;
	return await searchPage.call(
		this,
		{ method: 'GET', path: '/api/v2/systemgroups', qs, organizationId: chosenOrganization.call(this) },
		paginationToken,
		(group) => ({ name: String(group.name), value: String(group.id) }),
	);
}

export async function searchCommands(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const term = (filter ?? '').trim();
	const body: IDataObject = { fields: 'name commandType' };
	if (term !== '') body.searchFilter = { searchTerm: term, fields: ['name'] };
	return await searchPage.call(
		this,
		{ method: 'POST', path: '/api/search/commands', body, organizationId: chosenOrganization.call(this) },
		paginationToken,
		(command) => ({ name: command.commandType ? `${String(command.name)} (${String(command.commandType)})` : String(command.name), value: String(command._id ?? command.id) }),
	);
}
