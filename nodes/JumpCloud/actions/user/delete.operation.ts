import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorOf, resolveUserRecord, resolveUserReference } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { deletedMeanwhileError, jumpCloudRequest } from '../../transport';
import { optionsCollection, userLocator } from '../common.descriptions';
import { userNotFound, userPath } from './shared';

const properties: INodeProperties[] = [
	userLocator('user', 'User', 'The JumpCloud user'),
	optionsCollection(
		{
			displayName: 'Direct Reports',
			name: 'directReports',
			type: 'options',
			default: 'keep',
			description: 'What to do when the user manages others; JumpCloud refuses to delete a manager unless told',
			options: [
				{ name: 'Fail If Any', value: 'keep', description: 'Delete only a user who manages nobody' },
				{ name: 'Clear Their Manager', value: 'clear', description: 'Direct reports are left without a manager' },
				{ name: 'Reassign To', value: 'reassign', description: 'Direct reports get the manager named below' },
			],
		},
		{
			displayName: 'New Manager',
			name: 'newManager',
			type: 'string',
			default: '',
			placeholder: 'e.g. mary.smith@example.com',
			description: 'User ID, email or username of the manager who takes over the direct reports',
			displayOptions: { show: { directReports: ['reassign'] } },
		},
	),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, scope: Scope) {
	// Reading the user first proves it exists now: a 404 to a DELETE repeated after a lost answer then means
	// the lost one deleted it, not that there was never such a user.
	const options = this.getNodeParameter('options', scope.itemIndex, {}) as IDataObject;
	const newManager = String(options.newManager ?? '').trim();
	const selfAsManager = () =>
		new NodeOperationError(this.getNode(), 'The new manager is the user being deleted', {
			itemIndex: scope.itemIndex,
			description: "Set 'Options > New Manager' to someone else, who takes over the direct reports.",
		});
	const userParameter = this.getNodeParameter('user', scope.itemIndex);
	if (options.directReports === 'reassign' && newManager !== '' && newManager === locatorOf(userParameter).value) throw selfAsManager();
	const user = await resolveUserRecord.call(this, userParameter, scope, 'User');
	const id = String(user._id ?? user.id);
	const qs: IDataObject = {};
	if (options.directReports === 'clear') qs.cascade_manager = 'null';
	if (options.directReports === 'reassign') {
		qs.cascade_manager = await resolveUserReference.call(this, newManager, scope, 'Options > New Manager');
		if (qs.cascade_manager === id) throw selfAsManager();
	}
	const response = await jumpCloudRequest.call(this, {
		method: 'DELETE',
		path: userPath(id),
		qs,
		acceptStatuses: [404],
		conflictHint:
			"The user manages other users, and JumpCloud deletes a manager only when told what happens to their direct reports. Set 'Options > Direct Reports' to 'Clear Their Manager' or 'Reassign To'.",
		...scope,
	});
	if (response.statusCode === 404 && !response.afterUnclearAttempt) throw deletedMeanwhileError(this.getNode(), userNotFound(id), scope.itemIndex);
	return { deleted: true, id, username: user.username, email: user.email };
}
