import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveUserLocator, resolveUserReference } from '../../helpers/locators';
import { jumpCloudRequest } from '../../transport';
import type { Scope } from '../../helpers/locators';
import { isEmailAddress } from '../../helpers/users';
import { profileFields } from './profileFields';

export const userPath = (id: string) => `/api/systemusers/${id}`;

/** The 404 description for a user ID, naming the parameter to fix. */
export const userNotFound = (id: string, parameterLabel = 'User') =>
	`Check the '${parameterLabel}' parameter: no user with ID ${id} exists in this organization.`;

/** The user ID the item's user locator (by default the 'User' parameter) points at. */
export async function userIdOf(this: IExecuteFunctions, scope: Scope, parameter = 'user', label = 'User') {
	return await resolveUserLocator.call(this, this.getNodeParameter(parameter, scope.itemIndex), scope, label);
}

/**
 * A state action on one user (`POST /api/systemusers/{id}/<action>`: unlock, expire, resetmfa, state/activate,
 * state/suspend). Each leaves the user in the same state when repeated, so a lost answer is simply sent
 * again. Their 200 answers are text, JSON text or empty (fact sheet pitfall 7): only the status counts.
 */
export async function userAction(this: IExecuteFunctions, scope: Scope, action: string, body?: IDataObject, conflictHint?: string): Promise<string> {
	const id = await userIdOf.call(this, scope);
	await jumpCloudRequest.call(this, { method: 'POST', path: `${userPath(id)}/${action}`, body, expect: 'any', repeatable: true, notFoundHint: userNotFound(id), conflictHint, ...scope });
	return id;
}

/** Resolves, in place, a manager given by email or username to the manager's ID. */
export async function resolveManager(
	this: IExecuteFunctions,
	body: IDataObject,
	scope: Scope,
	collectionLabel: 'Additional Fields' | 'Update Fields',
): Promise<void> {
	if (typeof body.manager === 'string' && body.manager.trim() !== '') {
		body.manager = await resolveUserReference.call(this, body.manager, scope, `${collectionLabel} > Manager`);
	}
}

/** Display names of the user fields, for errors that name the parameter. */
const FIELD_LABELS: Record<string, string> = Object.fromEntries(profileFields('update').map((field) => [field.name, field.displayName]));

/** JumpCloud's length limits (v1 spec, systemuserputpost): 1024 characters, 256 for the employee ID. */
const maxLengthOf = (field: string) => (field === 'employeeIdentifier' ? 256 : 1024);

/**
 * Refuses, before anything is sent, a body JumpCloud would refuse for the input alone: an empty username or
 * email, an address that is not one, a value longer than JumpCloud takes. `labelOf` names the parameter.
 */
export function checkUserBody(this: IExecuteFunctions, body: IDataObject, labelOf: (field: string) => string, itemIndex: number): void {
	const refuse = (message: string, description: string) => {
		throw new NodeOperationError(this.getNode(), message, { itemIndex, description });
	};
	for (const [field, value] of Object.entries(body)) {
		if (field === 'password') continue;
		const label = labelOf(field);
		if ((field === 'username' || field === 'email') && String(value ?? '').trim() === '') {
			refuse(`'${label}' is empty`, `JumpCloud needs a ${field} for every user; enter one.`);
		}
		if ((field === 'email' || field === 'alternateEmail') && typeof value === 'string' && value !== '' && !isEmailAddress(value)) {
			refuse(`'${label}' is not an email address: "${value.slice(0, 100)}"`, `Enter an address such as jane.doe@example.com in '${label}'.`);
		}
		const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap((entry) => Object.values(entry as IDataObject)) : [];
		const tooLong = strings.find((text) => typeof text === 'string' && text.length > maxLengthOf(field));
		if (typeof tooLong === 'string') {
			refuse(
				`'${label}' is longer than JumpCloud allows (${tooLong.length} characters, at most ${maxLengthOf(field)})`,
				`Shorten the value of '${label}'.`,
			);
		}
	}
}

/** The parameter a user field was set in: a top-level create field, or an entry of a collection. */
export function userFieldLabel(collectionLabel: 'Additional Fields' | 'Update Fields', topLevel: string[] = []) {
	const TOP_LEVEL: Record<string, string> = { username: 'Username', email: 'Email', firstname: 'First Name', lastname: 'Last Name' };
	return (field: string) => (topLevel.includes(field) ? TOP_LEVEL[field] : `${collectionLabel} > ${FIELD_LABELS[field] ?? field}`);
}
