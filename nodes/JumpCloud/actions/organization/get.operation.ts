import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorOf } from '../../helpers/locators';
import type { Scope } from '../../helpers/locators';
import { isObjectId, jumpCloudApiRequest } from '../../transport';
import { organizationLocator, organizationlessOptionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	organizationLocator('organizationToGet', 'Organization', 'The organization to get', true),
	organizationlessOptionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['organization'], operation: ['get'] } }, properties);

/** One organization's record with its settings (`GET /api/organizations/{id}`, without `x-org-id`). */
export async function execute(this: IExecuteFunctions, scope: Scope) {
	const { value } = locatorOf(this.getNodeParameter('organizationToGet', scope.itemIndex));
	if (!isObjectId(value)) {
		throw new NodeOperationError(this.getNode(), `'Organization' is not a JumpCloud organization ID: "${value.slice(0, 100)}"`, {
			itemIndex: scope.itemIndex,
			description: "Pick the organization from the list, or enter its 24-character hexadecimal ID.",
		});
	}
	return await jumpCloudApiRequest.call(this, {
		method: 'GET',
		path: `/api/organizations/${value}`,
		notFoundHint: `Check the 'Organization' parameter: this API key manages no organization with ID ${value}.`,
		...scope,
	});
}
