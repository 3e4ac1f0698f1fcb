import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { JumpCloudApi } from '../../../credentials/JumpCloudApi.credentials';
import { DEFAULT_CONCURRENCY } from '../../../nodes/JumpCloud/helpers/parameters';
import { JumpCloud } from '../../../nodes/JumpCloud/JumpCloud.node';
import { DEFAULT_MAX_RETRY_WAIT_MS, DEFAULT_TIMEOUT_MS } from '../../../nodes/JumpCloud/transport';

const { description, methods } = new JumpCloud();
const properties = description.properties;

function optionValues(property: INodeProperties): unknown[] {
	if (property.type === 'boolean') return [true, false];
	return ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
}

/** Every value a displayOptions rule names must be one the named parameter can take. */
function checkDisplayOptions(list: INodeProperties[], where: string) {
	for (const property of list) {
		for (const rule of [property.displayOptions?.show, property.displayOptions?.hide]) {
			for (const [name, values] of Object.entries(rule ?? {})) {
				const candidates = list.filter((other) => other.name === name);
				expect({ where, property: property.name, name, found: candidates.length > 0 }).toEqual({ where, property: property.name, name, found: true });
				const allowed = candidates.flatMap(optionValues);
				for (const value of values ?? []) {
					expect({ property: property.name, name, value, allowed: allowed.includes(value) }).toEqual({ property: property.name, name, value, allowed: true });
				}
			}
		}
	}
}

describe('JumpCloud node description', () => {
	it('is a usable, versioned node with the JumpCloud credential', () => {
		expect(description.name).toBe('jumpCloud');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'jumpCloudApi', required: true }]);
		expect(new JumpCloudApi().name).toBe('jumpCloudApi');
	});

	it('gives every operation a value, a description and an action', () => {
		const operations = properties.filter((property) => property.name === 'operation');
		expect(operations.length).toBeGreaterThan(0);
		for (const operation of operations) {
			for (const option of operation.options as INodePropertyOptions[]) {
				expect(option.action).toEqual(expect.any(String));
				expect(option.description).toEqual(expect.any(String));
			}
		}
		const all = operations.flatMap((operation) =>
			(operation.options as INodePropertyOptions[]).map((option) => `${operation.displayOptions?.show?.resource}.${option.value}`),
		);
		expect(all.sort()).toEqual(
			[
				'apiRequest.request',
				'command.getAll',
				'command.getResults',
				'command.run',
				'command.trigger',
				'device.bindUser',
				'device.delete',
				'device.erase',
				'device.get',
				'device.getAll',
				'device.getGroups',
				'device.getUsers',
				'device.lock',
				'device.restart',
				'device.shutdown',
				'device.unbindUser',
				'device.update',
				'deviceGroup.addDevice',
				'deviceGroup.create',
				'deviceGroup.delete',
				'deviceGroup.get',
				'deviceGroup.getAll',
				'deviceGroup.getMembers',
				'deviceGroup.removeDevice',
				'event.getAll',
				'event.getCount',
				'event.getDistinct',
				'organization.get',
				'organization.getAll',
				'user.activate',
				'user.assignManager',
				'user.changePassword',
				'user.create',
				'user.delete',
				'user.expirePassword',
				'user.get',
				'user.getAll',
				'user.getGroups',
				'user.removeFromAllGroups',
				'user.resetMfa',
				'user.suspend',
				'user.unlock',
				'user.update',
				'userGroup.addUser',
				'userGroup.addUsers',
				'userGroup.create',
				'userGroup.delete',
				'userGroup.get',
				'userGroup.getAll',
				'userGroup.getMembers',
				'userGroup.removeUser',
				'userGroup.removeUsers',
				'userGroup.update',
			].sort(),
		);
	});

	it('names only parameters and values that exist in displayOptions', () => {
		checkDisplayOptions(properties, 'node');
		for (const property of properties) {
			if (property.type === 'collection') checkDisplayOptions(property.options as INodeProperties[], property.name);
		}
		checkDisplayOptions(new JumpCloudApi().properties, 'credential');
	});

	it('points every list-mode locator at a list search method that exists', () => {
		const searchMethods = Object.keys(methods.listSearch);
		const locators = properties.filter((property) => property.type === 'resourceLocator');
		expect(locators.length).toBeGreaterThan(0);
		for (const locator of locators) {
			const listMode = locator.modes?.find((mode) => mode.type === 'list');
			expect(searchMethods).toContain(listMode?.typeOptions?.searchListMethod);
		}
	});

	it('masks every secret field', () => {
		const secretNames = ['newPassword', 'password'];
		const all = properties.flatMap((property) => [property, ...((property.options ?? []) as INodeProperties[])]);
		for (const name of secretNames) {
			const fields = all.filter((property) => property.name === name && property.displayName);
			expect(fields.length).toBeGreaterThan(0);
			for (const field of fields) expect(field.typeOptions?.password).toBe(true);
		}
	});

	it("gives every operation the common options, with the transport's defaults", () => {
		const operations = properties.filter((property) => property.name === 'operation').flatMap((operation) =>
			(operation.options as INodePropertyOptions[]).map((option) => [operation.displayOptions?.show?.resource?.[0], option.value]),
		);
		for (const [resource, operation] of operations) {
			const options = properties.find(
				(property) =>
					property.name === 'options' &&
					property.displayOptions?.show?.resource?.includes(resource as string) &&
					(operation === undefined || property.displayOptions?.show?.operation?.includes(operation as string)),
			);
			const defaults = Object.fromEntries(((options?.options ?? []) as INodeProperties[]).map((option) => [option.name, option.default]));
			expect({ resource, operation, defaults }).toEqual({
				resource,
				operation,
				defaults: expect.objectContaining({
					concurrency: resource === 'user' && operation === 'create' ? 1 : DEFAULT_CONCURRENCY,
					timeout: DEFAULT_TIMEOUT_MS,
					maxRetryWait: DEFAULT_MAX_RETRY_WAIT_MS / 1000,
				}),
			});
			// 'Organization' sits among the options (MSP keys only), except where calls name no organization.
			expect(Object.keys(defaults).includes('organization')).toBe(resource !== 'organization');
		}
	});

	it('keeps n8n from adding its generic "Custom API Call" entry: API Request is the one raw-call way, listed as an action', () => {
		// n8n's loader adds the entry only to a description whose version equals its default version.
		expect(Array.isArray(description.version)).toBe(true);
		expect(description.defaultVersion).toBe(1);
		const apiRequest = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('apiRequest'));
		expect((apiRequest?.options as INodePropertyOptions[]).map((option) => option.action)).toEqual(['Make an API request']);
	});
});
