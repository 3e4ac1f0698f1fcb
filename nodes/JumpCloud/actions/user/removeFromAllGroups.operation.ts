import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { applyToEach } from '../../helpers/batch';
import { devicesById } from '../../helpers/devices';
import { userGroupsById } from '../../helpers/groups';
import type { Scope } from '../../helpers/locators';
import { jumpCloudApiRequestAllItems } from '../../transport';
import { optionsCollection, userLocator } from '../common.descriptions';
import { setBinding } from '../device/shared';
import { setMembership } from '../userGroup/membership';
import { isDirect, membershipsOf } from './getGroups.operation';
import { userIdOf, userNotFound } from './shared';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user to take out of every user group'),
	optionsCollection({
		displayName: 'Unbind From All Devices',
		name: 'unbindDevices',
		type: 'boolean',
		default: false,
		description: 'Whether to also take the user off every device they are bound to directly (their accounts there are removed), as offboarding usually wants',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['removeFromAllGroups'] } }, properties);

export const cacheLookups = true;
export const prefetch = [{ parameter: 'user' }];

type Removal = { kind: 'group'; id: string } | { kind: 'device'; id: string };

/**
 * Offboarding in one step: every user group the user is directly in, left side by side (a group reached only
 * through another group goes with that group); with 'Unbind From All Devices', also every device the user is
 * bound to directly (`GET /api/v2/users/{id}/associations?targets=system`, then
 * `POST /api/v2/systems/{device}/associations` `{op: "remove", type: "user"}` for each).
 */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const userId = await userIdOf.call(this, scope);
	const unbindDevices = this.getNodeParameter('options.unbindDevices', scope.itemIndex, false) === true;
	const memberships = await membershipsOf.call(this, userId, scope, { returnAll: true });
	const direct = memberships.filter(isDirect).map((membership) => String(membership.id));
	const groups = await userGroupsById.call(this, direct, scope);
	const boundDevices = unbindDevices
		? (
				await jumpCloudApiRequestAllItems.call(
					this,
					{ method: 'GET', path: `/api/v2/users/${userId}/associations`, qs: { targets: ['system'] }, notFoundHint: userNotFound(userId), ...scope },
					// graph_userAssociationsList takes no sort.
					{ returnAll: true, sortById: false },
				)
			).map((edge) => String((edge.to as IDataObject | undefined)?.id ?? ''))
		: [];
	const devices = boundDevices.length ? await devicesById.call(this, boundDevices, scope, ['_id', 'hostname', 'displayName']) : new Map<string, IDataObject>();
	const named = (id: string) => ({ id, name: groups.get(id)?.name });
	const deviceNamed = (id: string) => ({ id, hostname: devices.get(id)?.hostname });
	const removals: Removal[] = [...direct.map((id): Removal => ({ kind: 'group', id })), ...boundDevices.map((id): Removal => ({ kind: 'device', id }))];
	const labelOf = (removal: Removal) =>
		removal.kind === 'group' ? `group ${String(groups.get(removal.id)?.name ?? removal.id)}` : `device ${String(devices.get(removal.id)?.hostname ?? removal.id)}`;
	const outcomes = await applyToEach(
		this,
		scope.itemIndex,
		removals,
		labelOf,
		async (removal) =>
			removal.kind === 'group'
				? await setMembership.call(this, scope, removal.id, userId, 'remove')
				: await setBinding.call(this, scope, removal.id, userId, 'remove'),
		(removal) => (removal.kind === 'group' ? `left ${labelOf(removal)}` : `unbound from ${labelOf(removal)}`),
	);
	const groupOutcomes = outcomes.slice(0, direct.length);
	const result: IDataObject = {
		id: userId,
		removedFrom: direct.filter((_, index) => groupOutcomes[index] === 'changed').map(named),
		// Someone else removed these between the read and the removal: already as wanted.
		alreadyRemoved: direct.filter((_, index) => groupOutcomes[index] === 'unchanged').map(named),
		count: groupOutcomes.filter((outcome) => outcome === 'changed').length,
	};
	if (unbindDevices) {
		const deviceOutcomes = outcomes.slice(direct.length);
		result.unboundFrom = boundDevices.filter((_, index) => deviceOutcomes[index] === 'changed').map(deviceNamed);
		result.alreadyUnbound = boundDevices.filter((_, index) => deviceOutcomes[index] === 'unchanged').map(deviceNamed);
		result.deviceCount = deviceOutcomes.filter((outcome) => outcome === 'changed').length;
	}
	return result;
}
