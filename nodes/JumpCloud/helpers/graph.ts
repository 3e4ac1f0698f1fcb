import type { IDataObject } from 'n8n-workflow';

import { jumpCloudRequest } from '../transport';
import type { JumpCloudContext, Scope } from '../transport';

/** A change to one edge of JumpCloud's graph: a group member, or an association (a user bound to a device). */
export type EdgeOp = 'add' | 'remove';

/** How one edge change went: made, or already so (the edge existed / did not). */
export type EdgeOutcome = 'changed' | 'unchanged';

export interface EdgeChange {
	/** The v2 route that takes `{op, type, id[, attributes]}`, e.g. `/api/v2/usergroups/{id}/members`. */
	path: string;
	op: EdgeOp;
	body: IDataObject;
	/** Description of a 404 to an add: the object on the path does not exist. */
	notFoundHint: string;
	/** After a 404 to a remove: throws when one of the two ends does not exist (the 404 then meant that). */
	confirmExists: () => Promise<void>;
}

/**
 * Adds or removes one graph edge (a group member, an association). JumpCloud answers 409 to adding an edge that
 * exists and 404 to removing one that does not (fact sheet §5, pitfall 4; assumed the same for associations, §6):
 * both mean the desired state already holds. That makes the call safe to repeat after a lost answer; a 409/404
 * to such a repeat means the lost send made the change.
 */
export async function changeGraphEdge(this: JumpCloudContext, scope: Scope, change: EdgeChange): Promise<EdgeOutcome> {
	const unchangedStatus = change.op === 'add' ? 409 : 404;
	const { statusCode, afterUnclearAttempt } = await jumpCloudRequest.call(this, {
		method: 'POST',
		path: change.path,
		body: change.body,
		expect: 'empty',
		repeatable: true,
		acceptStatuses: [unchangedStatus],
		notFoundHint: change.notFoundHint,
		...scope,
	});
	if (statusCode !== unchangedStatus) return 'changed';
	// On remove, a 404 may also mean one of the two ends does not exist: tell those apart first.
	if (change.op === 'remove') await change.confirmExists();
	return afterUnclearAttempt ? 'changed' : 'unchanged';
}
