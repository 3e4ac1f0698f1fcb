import type { IDataObject } from 'n8n-workflow';

/** Fields a person scanning a user record wants; the rest of JumpCloud's 60-odd fields come with Simplify off. */
export const SIMPLIFIED_USER_FIELDS = [
	'_id',
	'username',
	'email',
	'firstname',
	'lastname',
	'displayname',
	'state',
	'jobTitle',
	'department',
	'manager',
	'employeeIdentifier',
	'account_locked',
	'created',
] as const;

const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+$/;

/** Whether a value reads as an email address (something@somewhere, no spaces): JumpCloud's own minimum. */
export function isEmailAddress(value: string): boolean {
	return EMAIL_ADDRESS.test(value);
}

/** JumpCloud never returns passwords; this makes sure the node never does either. */
export function withoutSecrets(user: IDataObject): IDataObject {
	const safe = { ...user };
	delete safe.password;
	return safe;
}

export function simplifyUser(user: IDataObject): IDataObject {
	const simplified: IDataObject = {};
	for (const field of SIMPLIFIED_USER_FIELDS) {
		if (user[field] !== undefined) simplified[field] = user[field];
	}
	return simplified;
}

type FixedCollection = Record<string, IDataObject[] | undefined> | undefined;

/** fixedCollection `{ wrapper: [ {...}, ... ] }` → the array JumpCloud expects, empty strings dropped. */
function listOf(collection: unknown, wrapper: string): IDataObject[] {
	const entries = (collection as FixedCollection)?.[wrapper] ?? [];
	return entries.map((entry) => {
		const cleaned: IDataObject = {};
		for (const [key, value] of Object.entries(entry)) {
			if (value !== '' && value !== undefined && value !== null) cleaned[key] = value;
		}
		return cleaned;
	});
}

/**
 * Turns the node's user field collection into a systemuser body: repeatable groups become JumpCloud's
 * arrays; `manager` is left as given for the caller to resolve to an ID. On create an empty field means
 * "not set" and is left out; on update it is sent, and clears the field (an empty manager unassigns).
 */
export function userBodyFrom(fields: IDataObject, { dropEmpty = false } = {}): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (dropEmpty && (value === '' || value === undefined || value === null)) continue;
		if (key === 'phoneNumbers') body.phoneNumbers = listOf(value, 'phoneNumber');
		else if (key === 'addresses') body.addresses = listOf(value, 'address');
		else if (key === 'attributes') body.attributes = listOf(value, 'attribute');
		else body[key] = value;
	}
	return body;
}
