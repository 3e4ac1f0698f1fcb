/**
 * The JumpCloud Trigger, polled through n8n-core's real PollContext against the simulator's Directory Insights:
 * every event exactly once across polls, pages and equal timestamps (asserted by event ID), a restart from what
 * n8n stored, a bounded catch-up after an outage, the MSP fan-out with one organization failing, the manual test
 * run's sample, and the errors a user sees.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { JumpCloudTrigger } from '../../../nodes/JumpCloud/JumpCloudTrigger.node';
import { newCursor } from '../../../nodes/JumpCloud/helpers/eventCursor';
import packageJson from '../../../package.json';
import { HARNESS_HEADER } from '../../contract/contract';
import { createPoller } from '../../helpers/poll';
import { useSimulator } from '../../helpers/simulator';
import { insightsOf } from '../../simulator';

const fixture = useSimulator();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const sim = () => fixture.sim;
const log = () => insightsOf(sim().directory);
const ids = (items: IDataObject[] | null) => (items ?? []).map((item) => String(item.id));

/** Static data as if the trigger had been activated `agoMs` ago in these organizations (and had seen nothing). */
const activatedAgo = (agoMs: number, organizationIds: string[]) => ({
	'node:JumpCloud Trigger': { version: 1, cursors: Object.fromEntries(organizationIds.map((id) => [id, newCursor(Date.now() - agoMs)])) },
});

/** A change made through the API (as an admin would), which the simulator records as an event. */
async function createUser(username: string, { key = sim().keys.single, org }: { key?: string; org?: string } = {}) {
	const response = await fetch(`${sim().baseUrl}/api/systemusers`, {
		method: 'POST',
		headers: { 'x-api-key': key, 'content-type': 'application/json', [HARNESS_HEADER]: 'jest', ...(org ? { 'x-org-id': org } : {}) },
		body: JSON.stringify({ username, email: `${username}@example.com` }),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as IDataObject;
}

const trigger = (parameters: INodeParameters = {}, credentials = fixture.singleOrg(), staticData?: IDataObject) =>
	createPoller({ parameters: { events: ['userCreated'], ...parameters }, credentials, staticData });

describe('JumpCloud Trigger (PollContext → simulator)', () => {
	it('starts from now on activation, then starts the workflow once per new event, tagged with its organization', async () => {
		const before = await createUser('before.activation');
		sim().clearRequests();
		const poller = trigger();
		expect((await poller.poll()).json).toBeNull();
		// Activation lists the organizations and checks once that the events can be read.
		expect(fixture.calls()).toEqual(['GET /api/organizations 200', 'POST /insights/directory/v1/events 200']);
		const insightsCall = fixture.requests().find((r) => r.path.startsWith('/insights'))!;
		expect(insightsCall.orgId).toBe(sim().orgs.acme);

		const created = [await createUser('ev.one'), await createUser('ev.two')];
		await fetch(`${sim().baseUrl}/api/systemusers/${String(created[0]._id)}`, {
			method: 'PUT',
			headers: { 'x-api-key': sim().keys.single, 'content-type': 'application/json', [HARNESS_HEADER]: 'jest' },
			body: JSON.stringify({ department: 'Events' }),
		});
		const { json } = await poller.poll();
		expect(json?.map((event) => [event.event_type, (event.resource as IDataObject).username, event.organizationId, event.organizationName])).toEqual([
			['user_create', 'ev.one', sim().orgs.acme, 'Acme Corp'],
			['user_create', 'ev.two', sim().orgs.acme, 'Acme Corp'],
		]);
		expect(json?.[0].initiated_by).toEqual(expect.objectContaining({ type: 'admin' }));
		expect(ids(json)).not.toContain(String(log().events(sim().orgs.acme).find((e) => (e.resource as IDataObject).id === before._id)?.id));
		expect((await poller.poll()).json).toBeNull();
	});

	it('emits every event exactly once across page boundaries, equal timestamps and the per-poll limit (by event ID)', async () => {
		const acme = sim().orgs.acme;
		const start = Date.now() - 20 * MINUTE;
		const poller = trigger({ events: ['loginFailed'], options: { maxEventsPerPoll: 1200 } }, fixture.singleOrg(), activatedAgo(30 * MINUTE, [acme]));
		// 2,600 failed logins, 7 per millisecond (so page and poll boundaries fall inside groups of equal timestamps),
		// with successful logins and other events in between that must not come out.
		const failed = log().generate(acme, 2600, { startMs: start, stepMs: 1, perTimestamp: 7, fields: { success: false } });
		log().generate(acme, 300, { startMs: start, stepMs: 3, perTimestamp: 2, fields: { success: true } });
		log().generate(acme, 50, { startMs: start, stepMs: 5, eventType: 'group_create' });

		const emitted: string[] = [];
		const perPoll: number[] = [];
		for (let i = 0; i < 4; i++) {
			const { json } = await poller.poll();
			perPoll.push(json?.length ?? 0);
			emitted.push(...ids(json));
			// A late burst at the newest timestamp already emitted, while the polls go on.
			if (i === 1) failed.push(...log().generate(acme, 5, { startMs: Date.parse(String(failed[failed.length - 1].timestamp)), perTimestamp: 5, fields: { success: false } }));
		}
		expect(perPoll).toEqual([1200, 1200, 205, 0]);
		expect(emitted).toEqual(failed.map((event) => String(event.id)));
		expect(new Set(emitted).size).toBe(emitted.length);
		// Each poll paged with the API's cursor: X-Search_after sent back verbatim as search_after.
		const pages = fixture.requests().filter((r) => r.path === '/insights/directory/v1/events');
		expect(pages.filter((r) => Array.isArray(r.body?.search_after)).length).toBeGreaterThanOrEqual(2);
		for (const page of pages) expect(page.body).toEqual(expect.objectContaining({ sort: 'ASC', service: ['all'], limit: 1000 }));
	});

	it('continues from the static data n8n stored after a restart: nothing repeated, nothing lost in between', async () => {
		const acme = sim().orgs.acme;
		let poller = trigger({ events: ['userCreated', 'userDeleted'] });
		await poller.poll();
		await createUser('restart.one');
		const first = await poller.poll();
		expect(first.json?.map((e) => (e.resource as IDataObject).username)).toEqual(['restart.one']);
		// n8n stops; meanwhile more happens; then n8n starts again from what it had stored.
		const two = await createUser('restart.two');
		await fetch(`${sim().baseUrl}/api/systemusers/${String(two._id)}`, { method: 'DELETE', headers: { 'x-api-key': sim().keys.single, [HARNESS_HEADER]: 'jest' } });
		await createUser('restart.three');
		poller = poller.restart();
		const stored = poller.persisted()!['node:JumpCloud Trigger'] as IDataObject;
		expect(Object.keys(stored.cursors as IDataObject)).toEqual([acme]);
		const after = await poller.poll();
		expect(after.json?.map((e) => [e.event_type, (e.resource as IDataObject).username])).toEqual([
			['user_create', 'restart.two'],
			['user_delete', 'restart.two'],
			['user_create', 'restart.three'],
		]);
		expect((await poller.poll()).json).toBeNull();
		// n8n saved again when that poll emitted: another restart repeats nothing.
		expect((await poller.restart().poll()).json).toBeNull();
	});

	it('catches up after an outage, bounded by Max Catch-Up (default 24 hours)', async () => {
		const acme = sim().orgs.acme;
		const now = Date.now();
		const at = (hoursAgo: number) => log().add(acme, { event_type: 'user_create', resource: { type: 'user', username: `ago.${hoursAgo}h` }, timestamp: new Date(now - hoursAgo * HOUR).toISOString() });
		const events = [at(29), at(25), at(23), at(1)];
		const stored = activatedAgo(30 * HOUR, [acme]);
		const bounded = await trigger({}, fixture.singleOrg(), stored).poll();
		expect(ids(bounded.json)).toEqual([events[2].id, events[3].id]);
		const request = fixture.requests().find((r) => r.path === '/insights/directory/v1/events')!;
		expect(Date.parse(String(request.body.start_time))).toBeGreaterThanOrEqual(now - 24 * HOUR - 1);
		const wide = await trigger({ options: { maxCatchUpHours: 48 } }, fixture.singleOrg(), stored).poll();
		expect(ids(wide.json)).toEqual(events.map((event) => String(event.id)));
	});

	it('catches an event JumpCloud records late (within the Late Arrival Window), once', async () => {
		const acme = sim().orgs.acme;
		const poller = trigger({}, fixture.singleOrg(), activatedAgo(10 * MINUTE, [acme]));
		const newest = log().add(acme, { event_type: 'user_create', resource: { username: 'on.time' }, timestamp: new Date(Date.now() - MINUTE).toISOString() });
		expect(ids((await poller.poll()).json)).toEqual([newest.id]);
		const late = log().add(acme, { event_type: 'user_create', resource: { username: 'late' }, timestamp: new Date(Date.now() - MINUTE - 20_000).toISOString() });
		expect(ids((await poller.poll()).json)).toEqual([late.id]);
		expect((await poller.poll()).json).toBeNull();
	});

	it("MSP, All Organizations: one failing organization (Umbrella, 403) is reported once and blocks none of the others' events", async () => {
		const { globex, initech, umbrella } = sim().orgs;
		const poller = trigger({ options: { organizations: ['all'] } }, fixture.msp());
		const activation = await poller.poll();
		expect(activation.json).toEqual([
			{
				error: 'JumpCloud: Forbidden: API access is disabled for this organization',
				organizationId: umbrella,
				organizationName: 'Umbrella Corp',
				details: expect.objectContaining({ httpCode: '403', description: expect.stringContaining('Directory Insights') }),
			},
		]);
		await createUser('msp.globex', { key: sim().keys.msp, org: globex });
		await createUser('msp.initech', { key: sim().keys.msp, org: initech });
		sim().directory.createUser(umbrella, { username: 'msp.umbrella', email: 'msp.umbrella@example.com' });
		const { json } = await poller.poll();
		// The others' events come; Umbrella's failure is not reported again.
		expect(json?.map((e) => [(e.resource as IDataObject).username, e.organizationId, e.organizationName])).toEqual([
			['msp.globex', globex, 'Globex Corporation'],
			['msp.initech', initech, 'Initech'],
		]);
		const calls = fixture.requests().filter((r) => r.path === '/insights/directory/v1/events');
		expect(new Set(calls.map((r) => r.orgId))).toEqual(new Set([globex, initech, umbrella]));
		expect((await poller.poll()).json).toBeNull();
		// Umbrella's API access comes back: its events since activation are not lost.
		(sim().directory as unknown as { _orgs: Map<string, { apiAccess: boolean }> })._orgs.get(umbrella)!.apiAccess = true;
		const recovered = await poller.poll();
		expect(recovered.json?.map((e) => [(e.resource as IDataObject).username, e.organizationName])).toEqual([['msp.umbrella', 'Umbrella Corp']]);
	});

	it('MSP: watches the chosen organizations only, each with its own cursor; fails when every one fails', async () => {
		const { globex, umbrella } = sim().orgs;
		const poller = trigger({ options: { organizations: [globex] } }, fixture.msp());
		await poller.poll();
		await createUser('only.globex', { key: sim().keys.msp, org: globex });
		const { json } = await poller.poll();
		expect(json?.map((e) => e.organizationName)).toEqual(['Globex Corporation']);
		expect(Object.keys((poller.nodeStaticData().cursors ?? {}) as IDataObject)).toEqual([globex]);
		await expect(trigger({ options: { organizations: [umbrella] } }, fixture.msp()).poll()).rejects.toThrow('Forbidden: API access is disabled for this organization');
	});

	it('a manual test run shows the latest few matching events, newest first, and moves no cursor', async () => {
		for (const name of ['s1', 's2', 's3', 's4', 's5', 's6', 's7']) await createUser(`sample.${name}`);
		const poller = trigger();
		const { json } = await poller.poll('manual');
		expect(json?.map((e) => (e.resource as IDataObject).username)).toEqual(['sample.s7', 'sample.s6', 'sample.s5', 'sample.s4', 'sample.s3']);
		expect(poller.nodeStaticData()).toEqual({});
		const request = fixture.requests().find((r) => r.path === '/insights/directory/v1/events')!;
		expect(request.body).toEqual(expect.objectContaining({ sort: 'DESC', limit: 5 }));
		await expect(trigger({ events: ['deviceRemoved'] }).poll('manual')).rejects.toThrow('No matching JumpCloud events in the last 30 days');
	});

	it('sends the chosen kinds as one search term, and Other Event Types as typed', async () => {
		const poller = trigger({ events: ['adminLoginFailed', 'groupMembershipChanged'], otherEventTypes: 'SSO_auth, radius_auth' }, fixture.singleOrg(), activatedAgo(MINUTE, [sim().orgs.acme]));
		await poller.poll();
		const request = fixture.requests().find((r) => r.path === '/insights/directory/v1/events')!;
		expect(request.body.search_term).toEqual({
			or: [{ and: [{ event_type: 'admin_login_attempt' }, { success: 'false' }] }, { event_type: 'association_change' }, { event_type: ['sso_auth', 'radius_auth'] }],
		});
		fixture.sim.clearRequests();
		await trigger({ events: ['anyEvent'] }, fixture.singleOrg(), activatedAgo(MINUTE, [sim().orgs.acme])).poll();
		expect(fixture.requests().find((r) => r.path === '/insights/directory/v1/events')!.body.search_term).toBeUndefined();
	});

	it('records a failed credential test as a failed admin login, which Admin Login Failed picks up', async () => {
		const acme = sim().orgs.acme;
		const poller = trigger({ events: ['adminLoginFailed'] }, fixture.singleOrg(), activatedAgo(MINUTE, [acme]));
		const stranger = 'not-a-jumpcloud-key-000000000';
		await fetch(`${sim().baseUrl}/api/organizations?limit=1`, { headers: { 'x-api-key': stranger, [HARNESS_HEADER]: 'jest' } });
		const { json } = await poller.poll();
		expect(json).toEqual([expect.objectContaining({ event_type: 'admin_login_attempt', success: false, error_message: 'api key user not found', organizationId: acme })]);
	});

	it('explains a plan without Directory Insights (402), and an MSP key that names no organization', async () => {
		const poller = trigger();
		sim().failNext({ pathPrefix: '/insights/', status: 402, body: { message: 'Directory Insights is not enabled for your organization' } });
		await expect(poller.poll()).rejects.toMatchObject({
			httpCode: '402',
			description: expect.stringContaining("not part of the organization's JumpCloud plan"),
		});
		await expect(trigger({}, fixture.msp()).poll()).rejects.toThrow('This API key manages several JumpCloud organizations: choose which to watch');
		await expect(trigger({ events: [] }).poll()).rejects.toThrow("'Events' is empty");
		await expect(trigger({ options: { organizations: ['acme'] } }, fixture.msp()).poll()).rejects.toThrow('not organization IDs: acme');
	});

	it('uses the credential default organization of an MSP key', async () => {
		const { initech } = sim().orgs;
		const poller = trigger({}, fixture.msp(initech));
		await poller.poll();
		await createUser('default.initech', { key: sim().keys.msp, org: initech });
		expect((await poller.poll()).json?.map((e) => e.organizationName)).toEqual(['Initech']);
	});
});

describe('JumpCloud Trigger description', () => {
	it('is a polling trigger with the JumpCloud credential, registered in the package', () => {
		const { description } = new JumpCloudTrigger();
		expect(description).toMatchObject({ name: 'jumpCloudTrigger', polling: true, group: ['trigger'], inputs: [], credentials: [{ name: 'jumpCloudApi', required: true }] });
		expect(packageJson.n8n.nodes).toContain('dist/nodes/JumpCloud/JumpCloudTrigger.node.js');
		const events = description.properties.find((property) => property.name === 'events');
		expect((events?.options ?? []).map((option) => (option as { value: string }).value)).toEqual(
			expect.arrayContaining(['userCreated', 'userUpdated', 'userDeleted', 'groupMembershipChanged', 'loginFailed', 'loginSucceeded', 'adminAction', 'deviceAdded', 'deviceUpdated', 'deviceRemoved', 'anyEvent']),
		);
		const options = description.properties.find((property) => property.name === 'options');
		expect(((options?.options ?? []) as Array<{ name: string; default: unknown }>).map((option) => [option.name, option.default])).toEqual([
			['lateArrivalSeconds', 60],
			['maxCatchUpHours', 24],
			['maxEventsPerPoll', 5000],
			['organizations', []],
		]);
	});
});
