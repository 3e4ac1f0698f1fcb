'use strict';
/**
 * The calls the queue suite sends to n8n's production webhooks, and the driver that sends them.
 *
 * Every call carries a unique `callId` in its body, so each one can be matched with the execution n8n recorded
 * for it (the Webhook node's output holds the body). Three kinds, all through the main instance:
 * - members: POST /webhook/queue-members {group}: 20 users join the call's own (empty) group, 10 leave it again.
 * - onboard: POST /webhook/queue-onboard {new hire}: the onboarding example with a Webhook in front (create the
 *   user, assign the manager, add to three groups, read user and manager back).
 * - api: POST /webhook/queue-api-request {username}: API Request finds one user by username.
 */

const HIRE_GROUPS = ['Engineering', 'All Staff', 'VPN Users'];
const MANAGER_EMAIL = 'mary.smith@acme.example';
/** user001..user020 join; the even-numbered ones (user002, user004, ...) leave again (queue-members.json). */
const JOINERS = Array.from({ length: 20 }, (_, i) => `user${String(i + 1).padStart(3, '0')}`);
const LEAVERS = JOINERS.filter((_, i) => i % 2 === 1);
const STAYERS = JOINERS.filter((_, i) => i % 2 === 0);

/** Members:onboard:api = 4:3:3, interleaved so every stretch of a phase has all three. */
const PATTERN = ['members', 'onboard', 'api', 'members', 'api', 'onboard', 'members', 'onboard', 'api', 'members'];

class CallFactory {
	/** `groups`: names of empty groups created beforehand, handed out one per members call. */
	constructor(groups) {
		this.groups = [...groups];
		this.callSeq = 0;
		this.hireSeq = 0;
		this.apiSeq = 0;
	}

	next(kind, phase) {
		const callId = `c${String(++this.callSeq).padStart(4, '0')}`;
		if (kind === 'members') {
			const group = this.groups.shift();
			if (!group) throw new Error('Not enough groups prepared for the members calls');
			return { callId, phase, kind, path: 'queue-members', body: { callId, group } };
		}
		if (kind === 'onboard') {
			const n = String(++this.hireSeq).padStart(3, '0');
			const body = {
				callId,
				firstName: 'Queue',
				lastName: `Hire ${n}`,
				username: `qhire${n}`,
				email: `qhire${n}@acme.example`,
				jobTitle: 'Engineer',
				department: 'Engineering',
				manager: MANAGER_EMAIL,
				groups: HIRE_GROUPS,
			};
			return { callId, phase, kind, path: 'queue-onboard', body };
		}
		const username = `user${String(((++this.apiSeq * 37) % 130) + 1).padStart(3, '0')}`;
		return { callId, phase, kind, path: 'queue-api-request', body: { callId, username } };
	}

	/** `count` calls in the PATTERN mix. */
	mix(count, phase) {
		return Array.from({ length: count }, (_, i) => this.next(PATTERN[i % PATTERN.length], phase));
	}
}

/** Why a call's answer is wrong, or undefined when it is what the workflow must answer. */
function answerProblem(result) {
	if (result.status !== 200) return `HTTP ${result.status || result.error}: ${String(result.text ?? '').slice(0, 200)}`;
	const json = result.json;
	if (result.kind === 'members') {
		// A retried call finds some of its changes made by the failed first attempt: they come back unchanged.
		if (result.retryOf) return json?.group === result.body.group && Number.isInteger(json?.added) && Number.isInteger(json?.removed) ? undefined : `answer ${JSON.stringify(json)}`;
		const ok = json?.group === result.body.group && json?.added === JOINERS.length && json?.removed === LEAVERS.length;
		return ok ? undefined : `answer ${JSON.stringify(json)}`;
	}
	if (result.kind === 'onboard') return json?.email === MANAGER_EMAIL ? undefined : `answer ${JSON.stringify(json).slice(0, 200)}`;
	const found = json?.results;
	return Array.isArray(found) && found.length === 1 && found[0].username === result.body.username ? undefined : `answer ${JSON.stringify(json).slice(0, 200)}`;
}

/**
 * POSTs every call to `${baseUrl}/webhook/<path>`, `concurrency` at a time, and resolves { results, ms }:
 * per call its HTTP status, answer, send time and duration. `onResult` sees each result as it arrives.
 */
async function drive(baseUrl, calls, { concurrency, timeoutMs = 180_000, onResult } = {}) {
	const results = new Array(calls.length);
	let next = 0;
	const started = Date.now();
	const lane = async () => {
		while (next < calls.length) {
			const index = next++;
			const call = calls[index];
			const sentAt = Date.now();
			let status = 0;
			let text = '';
			let error;
			try {
				const response = await fetch(`${baseUrl}/webhook/${call.path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(call.body),
					signal: AbortSignal.timeout(timeoutMs),
				});
				status = response.status;
				text = await response.text();
			} catch (caught) {
				error = caught.message;
			}
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			results[index] = { ...call, status, json, text, error, sentAt, answeredAt: Date.now(), ms: Date.now() - sentAt };
			onResult?.(results[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, lane));
	return { results, ms: Date.now() - started };
}

module.exports = { CallFactory, drive, answerProblem, HIRE_GROUPS, MANAGER_EMAIL, JOINERS, LEAVERS, STAYERS, PATTERN };
