import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { appleMdmDeviceOf, appleMdmOf, deviceNotFound, devicePath, isMac } from '../../helpers/devices';
import { isObjectId, jumpCloudRequest } from '../../transport';
import type { Scope } from '../../transport';
import { deviceLocator, optionsCollection } from '../common.descriptions';
import { locatorOf } from '../../helpers/locators';
import { deviceOf } from './shared';

/** The security commands JumpCloud queues on a device (built in for Linux and Windows, Apple MDM for macOS). */
export type SecurityAction = 'lock' | 'restart' | 'shutdown' | 'erase';

const VERBS: Record<SecurityAction, string> = { lock: 'lock', restart: 'restart', shutdown: 'shut down', erase: 'erase' };

/** Apple MDM lock and erase need a 6-digit PIN for a Mac (it unlocks the Mac afterwards). */
const pinOption = (action: 'lock' | 'erase'): INodeProperties => ({
	displayName: 'PIN (macOS)',
	name: 'pin',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	placeholder: 'e.g. 482913',
	description: `6 digits; required to ${action} a Mac enrolled in JumpCloud's Apple MDM, which then asks for it to unlock. Not used for Linux and Windows.`,
});

/** The parameters of one security command: the device, Erase's confirmation, and its options. */
export function securityProperties(action: SecurityAction): INodeProperties[] {
	const confirm: INodeProperties[] =
		action === 'erase'
			? [
					{
						displayName: 'Confirm Device',
						name: 'confirmDevice',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. jane-macbook-pro',
						description:
							"Erasing destroys every file on the device. Type the device's hostname or ID again: an item whose confirmation does not match the device fails before anything is sent, so a wrong expression cannot wipe other devices.",
					},
				]
			: [];
	const options = action === 'lock' || action === 'erase' ? [pinOption(action)] : [];
	return [deviceLocator('device', 'Device', `The JumpCloud device to ${VERBS[action]}`), ...confirm, optionsCollection(...options)];
}

export const securityDescription = (action: SecurityAction, operation: string) =>
	updateDisplayOptions({ show: { resource: ['device'], operation: [operation] } }, securityProperties(action));

/** Why Erase may not go ahead: the confirmation names another device (or none). */
function mismatch(this: IExecuteFunctions, itemIndex: number, confirmation: string, device: string) {
	return new NodeOperationError(this.getNode(), `'Confirm Device' ("${confirmation.slice(0, 100)}") does not match the device to erase ("${device}")`, {
		itemIndex,
		description: "Nothing was erased. Set 'Confirm Device' to the hostname or ID of the device in 'Device' for this item.",
	});
}

/**
 * Erase's guard, before the device is even read when it can be: the confirmation must equal the device's hostname
 * or ID. A confirmation that can only name another device fails here with no call at all; one that may name this
 * device under its other identifier (a hostname for a device given by ID, or the reverse) is compared with the
 * device record once read, before anything is erased.
 */
function checkConfirmationUpFront(this: IExecuteFunctions, scope: Scope): string {
	const i = scope.itemIndex;
	const confirmation = String(this.getNodeParameter('confirmDevice', i, '') ?? '').trim();
	const { mode, value } = locatorOf(this.getNodeParameter('device', i));
	if (confirmation === '') {
		throw new NodeOperationError(this.getNode(), "'Confirm Device' is empty", {
			itemIndex: i,
			description: "Nothing was erased. Type the device's hostname or ID in 'Confirm Device' to erase it.",
		});
	}
	const givenById = mode !== 'hostname';
	const confirmsById = isObjectId(confirmation);
	// Same kind of identifier on both sides: they must be equal, no call needed to know.
	if (givenById === confirmsById && confirmation !== value) throw mismatch.call(this, i, confirmation, value);
	return confirmation;
}

/**
 * Lock, Restart, Shut Down or Erase one device. The device is read first (its OS decides the route): Linux and
 * Windows get `POST /api/systems/{id}/command/builtin/{action}` (201, queued until the device is online); a Mac
 * enrolled in JumpCloud's Apple MDM gets `POST /api/v2/applemdms/{mdm}/devices/{device}/{action}` (204; lock and
 * erase with the PIN). A Mac outside the MDM cannot be sent these commands: the item fails before any is sent.
 */
export async function runSecurityCommand(this: IExecuteFunctions, scope: Scope, action: SecurityAction): Promise<IDataObject> {
	const i = scope.itemIndex;
	const confirmation = action === 'erase' ? checkConfirmationUpFront.call(this, scope) : undefined;
	const pin = action === 'lock' || action === 'erase' ? String(this.getNodeParameter('options.pin', i, '') ?? '').trim() : '';
	if (pin !== '' && !/^[0-9]{6}$/.test(pin)) {
		throw new NodeOperationError(this.getNode(), "'Options > PIN (macOS)' must be 6 digits", { itemIndex: i, description: 'Enter six digits, such as 482913.' });
	}
	const device = await deviceOf.call(this, scope, ['os', 'osFamily', 'mdm']);
	const id = String(device._id);
	if (confirmation !== undefined && confirmation !== id && confirmation !== device.hostname) {
		throw mismatch.call(this, i, confirmation, `${String(device.hostname)}, ${id}`);
	}
	const summary: IDataObject = { id, hostname: device.hostname, displayName: device.displayName, os: device.os, command: action, queued: true };
	if (!isMac(device)) {
		// systems_commandBuiltin*: 201 "Command created" with no body. A repeated lock is harmless; the others are
		// never sent twice blindly (a lost answer is reported as "may have been applied").
		await jumpCloudRequest.call(this, {
			method: 'POST',
			path: `${devicePath(id)}/command/builtin/${action}`,
			expect: 'any',
			repeatable: action === 'lock',
			notFoundHint: deviceNotFound(id),
			...scope,
		});
		return { ...summary, via: 'builtin' };
	}
	const mdmDeviceId = appleMdmDeviceOf(device);
	if (!mdmDeviceId) {
		throw new NodeOperationError(this.getNode(), `The Mac "${String(device.hostname)}" is not enrolled in JumpCloud's Apple MDM, so JumpCloud cannot ${VERBS[action]} it`, {
			itemIndex: i,
			description: "JumpCloud's built-in security commands run on Linux and Windows only; Macs receive them through JumpCloud's Apple MDM. Enroll the Mac in the MDM first. Nothing was sent.",
		});
	}
	if ((action === 'lock' || action === 'erase') && pin === '') {
		throw new NodeOperationError(this.getNode(), `'Options > PIN (macOS)' is needed to ${action} the Mac "${String(device.hostname)}"`, {
			itemIndex: i,
			description: 'Apple MDM locks and erases a Mac with a 6-digit PIN that unlocks it afterwards: add it under Options. Nothing was sent.',
		});
	}
	const mdm = await appleMdmOf.call(this, scope);
	if (!mdm?.id) {
		throw new NodeOperationError(this.getNode(), `The Mac "${String(device.hostname)}" is marked as MDM-enrolled, but the organization has no Apple MDM`, {
			itemIndex: i,
			description: "GET /api/v2/applemdms listed no Apple MDM configuration. Check the organization's MDM settings in the JumpCloud console.",
		});
	}
	const body: IDataObject | undefined = action === 'lock' || action === 'erase' ? { pin } : action === 'restart' ? {} : undefined;
	await jumpCloudRequest.call(this, {
		method: 'POST',
		path: `/api/v2/applemdms/${String(mdm.id)}/devices/${mdmDeviceId}/${action}`,
		body,
		expect: 'empty',
		repeatable: action === 'lock',
		notFoundHint: `JumpCloud's Apple MDM does not know the device ${mdmDeviceId} of "${String(device.hostname)}" (any more). Check the device's MDM enrollment.`,
		...scope,
	});
	return { ...summary, via: 'appleMdm', appleMdmId: mdm.id, mdmDeviceId };
}
