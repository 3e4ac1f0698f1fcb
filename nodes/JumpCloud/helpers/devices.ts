import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { jumpCloudApiRequest, markNotFound } from '../transport';
import type { JumpCloudContext, Scope } from '../transport';
import { cachedLookup, locatorOf, requireObjectId, requireValue, v1RecordsById } from './locators';

/** Fields a person scanning a device wants; the rest of JumpCloud's system record comes with Simplify off. */
export const SIMPLIFIED_DEVICE_FIELDS = [
	'_id',
	'hostname',
	'displayName',
	'description',
	'os',
	'osFamily',
	'version',
	'active',
	'lastContact',
	'serialNumber',
	'agentVersion',
	'remoteIP',
	'created',
	'mdm',
] as const;

/** A device record reduced to SIMPLIFIED_DEVICE_FIELDS, with `mdmEnrolled` instead of the MDM details. */
export function simplifyDevice(device: IDataObject): IDataObject {
	const simplified: IDataObject = {};
	for (const field of SIMPLIFIED_DEVICE_FIELDS) {
		if (field !== 'mdm' && device[field] !== undefined) simplified[field] = device[field];
	}
	simplified.mdmEnrolled = appleMdmDeviceOf(device) !== undefined;
	return simplified;
}

export const devicePath = (id: string) => `/api/systems/${id}`;

/** The 404 description for a device ID, naming the parameter to fix. */
export const deviceNotFound = (id: string, parameterLabel = 'Device') =>
	`Check the '${parameterLabel}' parameter: no device with ID ${id} exists in this organization.`;

/** The one device whose hostname is exactly `hostname` (v1 `$eq` filter, case-sensitive), whole record. */
export async function findDevice(this: JumpCloudContext, hostname: string, scope: Scope, parameterLabel: string, fields?: readonly string[]): Promise<IDataObject> {
	const matches = await cachedLookup(scope, `device|hostname|${hostname}|${fields?.join(' ') ?? ''}`, async () => {
		const { results } = (await jumpCloudApiRequest.call(this, {
			method: 'GET',
			path: '/api/systems',
			qs: { filter: `hostname:$eq:${hostname}`, limit: 2, fields: fields ? [...fields] : undefined },
			...scope,
		})) as { results?: IDataObject[] };
		return results ?? [];
	});
	if (matches.length !== 1) {
		const error = new NodeOperationError(
			this.getNode(),
			matches.length === 0 ? `No JumpCloud device has the hostname "${hostname}"` : `More than one JumpCloud device has the hostname "${hostname}"`,
			{
				itemIndex: scope.itemIndex,
				description:
					matches.length === 0
						? `Check the '${parameterLabel}' parameter. Hostnames are matched exactly and case-sensitively; pick the device from the list or use its ID to be certain.`
						: `Hostnames are not unique in JumpCloud (a reinstalled agent makes a second record). Use the device's ID in '${parameterLabel}'.`,
			},
		);
		throw matches.length === 0 ? markNotFound(error) : error;
	}
	return matches[0];
}

/** The device ID a device locator points at; a hostname is looked up. */
export async function resolveDeviceLocator(this: JumpCloudContext, raw: unknown, scope: Scope, parameterLabel = 'Device'): Promise<string> {
	const { mode, value } = locatorOf(raw);
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	if (mode === 'hostname') return String((await findDevice.call(this, value, scope, parameterLabel, ['_id', 'hostname']))._id);
	return requireObjectId.call(this, value, 'device', parameterLabel, scope.itemIndex);
}

/**
 * The device a locator points at, in one call that also proves it exists now: the lookup by hostname, or a read
 * by ID (of `fields` when given, else the whole record).
 */
export async function resolveDeviceRecord(this: JumpCloudContext, raw: unknown, scope: Scope, parameterLabel = 'Device', fields?: readonly string[]): Promise<IDataObject> {
	const { mode, value } = locatorOf(raw);
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	const wanted = fields && [...new Set(['_id', 'hostname', ...fields])];
	if (mode === 'hostname') return await findDevice.call(this, value, scope, parameterLabel, wanted);
	const id = requireObjectId.call(this, value, 'device', parameterLabel, scope.itemIndex);
	return await jumpCloudApiRequest.call(this, {
		method: 'GET',
		path: devicePath(id),
		qs: wanted ? { fields: wanted } : undefined,
		notFoundHint: deviceNotFound(id, parameterLabel),
		...scope,
	});
}

/** Devices by ID (see v1RecordsById). */
export async function devicesById(this: JumpCloudContext, ids: string[], scope: Scope, fields?: readonly string[]): Promise<Map<string, IDataObject>> {
	return await v1RecordsById.call(this, '/api/systems', ids, scope, fields);
}

/** Whether a device runs macOS (JumpCloud's `osFamily` darwin; older records only say `os: Mac OS X`). */
export function isMac(device: IDataObject): boolean {
	return device.osFamily === 'darwin' || /^mac/i.test(String(device.os ?? ''));
}

/** The device's ID in JumpCloud's Apple MDM, when it is enrolled there (`mdm.vendor` internal). */
export function appleMdmDeviceOf(device: IDataObject): string | undefined {
	const mdm = device.mdm as IDataObject | undefined;
	const deviceId = (mdm?.internal as IDataObject | undefined)?.deviceId;
	return mdm?.vendor === 'internal' && typeof deviceId === 'string' && deviceId !== '' ? deviceId : undefined;
}

/** The organization's Apple MDM configuration (one per organization: `GET /api/v2/applemdms`), once per execution. */
export async function appleMdmOf(this: JumpCloudContext, scope: Scope): Promise<IDataObject | undefined> {
	const [mdm] = await cachedLookup({ ...scope, cacheLookups: true }, 'appleMdm', async () => {
		const body = await jumpCloudApiRequest.call(this, { method: 'GET', path: '/api/v2/applemdms', ...scope });
		return Array.isArray(body) ? (body as IDataObject[]) : [];
	});
	return mdm;
}

/** The command a command locator points at: its ID and name (by name: looked up exactly; by ID: read). */
export async function resolveCommand(this: JumpCloudContext, raw: unknown, scope: Scope, parameterLabel = 'Command'): Promise<{ id: string; name: string }> {
	const { mode, value } = locatorOf(raw);
	requireValue.call(this, value, parameterLabel, scope.itemIndex);
	if (mode === 'name') {
		const matches = await cachedLookup(scope, `command|name|${value}`, async () => {
			const { results } = (await jumpCloudApiRequest.call(this, {
				method: 'GET',
				path: '/api/commands',
				qs: { filter: `name:$eq:${value}`, limit: 2, fields: ['_id', 'name'] },
				...scope,
			})) as { results?: IDataObject[] };
			return results ?? [];
		});
		if (matches.length !== 1) {
			const error = new NodeOperationError(
				this.getNode(),
				matches.length === 0 ? `No JumpCloud command is named "${value}"` : `More than one JumpCloud command is named "${value}"`,
				{ itemIndex: scope.itemIndex, description: `Check the '${parameterLabel}' parameter. Names are matched exactly and case-sensitively; use the ID to be certain.` },
			);
			throw matches.length === 0 ? markNotFound(error) : error;
		}
		return { id: String(matches[0]._id), name: String(matches[0].name ?? value) };
	}
	const id = requireObjectId.call(this, value, 'command', parameterLabel, scope.itemIndex);
	const [command] = await cachedLookup({ ...scope, cacheLookups: true }, `command|id|${id}`, async () => [
		await jumpCloudApiRequest.call(this, {
			method: 'GET',
			// Whole: the command schema requires command, commandType and name in every answer.
			path: `/api/commands/${id}`,
			notFoundHint: `Check the '${parameterLabel}' parameter: no command with ID ${id} exists in this organization.`,
			...scope,
		}),
	]);
	return { id, name: String(command.name ?? '') };
}
