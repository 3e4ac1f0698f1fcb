/**
 * The simulator's device half (devices.js) over HTTP: the v1/v2 shapes the specs give, paging, filters, the
 * 409/404 edge semantics, the built-in and Apple MDM commands, runs and their results; every exchange is checked
 * against the OpenAPI specs by the fixture.
 */
import { devicesOf } from './devices';
import { useSimulator } from '../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;
const state = () => devicesOf(fixture.sim.directory);

async function call(method: string, path: string, body?: unknown, key: 'single' | 'msp' = 'single', org?: string) {
	const headers: Record<string, string> = { 'x-api-key': fixture.sim.keys[key], accept: 'application/json' };
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (org) headers['x-org-id'] = org;
	const response = await fetch(`${fixture.sim.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await response.text();
	let json: ReturnType<typeof JSON.parse>;
	try {
		json = text === '' ? undefined : JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: response.status, body: json, total: response.headers.get('x-total-count') };
}

describe('simulator: devices, device groups, commands (devices.js)', () => {
	it('seeds 9 Acme devices deterministically, the same after a reset, and generates many on request', async () => {
		const first = state().systems(acme()).map((device) => `${device._id} ${device.hostname}`);
		expect(first).toHaveLength(9);
		state().generateSystems(acme(), 250);
		expect(state().systems(acme())).toHaveLength(259);
		fixture.sim.reset();
		expect(state().systems(acme()).map((device) => `${device._id} ${device.hostname}`)).toEqual(first);
		const generated = await fetch(`${fixture.sim.baseUrl}/__simulator/generate`, { method: 'POST', body: JSON.stringify({ devices: 5 }) });
		expect(await generated.json()).toEqual({ devices: 14 });
	});

	it('lists systems v1-style with limit ≤ 100, filters, sort and fields', async () => {
		const page = await call('GET', '/api/systems?limit=2&skip=1&sort=-hostname&fields=hostname');
		expect(page.body.totalCount).toBe(9);
		expect(page.body.results).toEqual([
			{ _id: expect.any(String), hostname: 'acme-win-user001' },
			{ _id: expect.any(String), hostname: 'acme-win-kiosk' },
		]);
		const stale = await call('GET', '/api/systems?filter[0]=active:$eq:false&filter[1]=osFamily:$eq:darwin&fields=hostname');
		expect(stale.body.results.map((d: { hostname: string }) => d.hostname)).toEqual(['acme-mac-legacy']);
		expect((await call('GET', '/api/systems?limit=101')).status).toBe(400);
		const search = await call('POST', '/api/search/systems', { searchFilter: { searchTerm: 'KIOSK', fields: ['hostname'] }, filter: { and: [{ osFamily: 'windows' }] }, fields: 'hostname' });
		expect(search.body).toEqual({ totalCount: 1, results: [{ _id: expect.any(String), hostname: 'acme-win-kiosk' }] });
	});

	it('keeps organizations apart: Globex devices only with Globex, none for Initech', async () => {
		const globex = await call('GET', '/api/systems?fields=hostname', undefined, 'msp', fixture.sim.orgs.globex);
		expect(globex.body.results.map((d: { hostname: string }) => d.hostname)).toEqual(['globex-win-hq', 'globex-linux-lab']);
		expect((await call('GET', '/api/systems', undefined, 'msp', fixture.sim.orgs.initech)).body.totalCount).toBe(0);
	});

	it('updates only systemput fields (and description), ignoring read-only ones; deletes with the memberships', async () => {
		fixture.expectContractViolation('request', /allowSshRootLogin must be boolean/);
		const db = state().systemByHostname(acme(), 'acme-ubuntu-db01')!;
		const updated = await call('PUT', `/api/systems/${db._id}`, { displayName: 'DB', description: 'x', allowSshRootLogin: true, hostname: 'ignored', attributes: [{ name: 'a', value: 'b' }] });
		expect(updated.body).toMatchObject({ displayName: 'DB', description: 'x', allowSshRootLogin: true, hostname: 'acme-ubuntu-db01', attributes: [{ name: 'a', value: 'b' }] });
		expect((await call('PUT', `/api/systems/${db._id}`, { allowSshRootLogin: 'yes' })).status).toBe(400);
		expect((await call('DELETE', `/api/systems/${db._id}`)).status).toBe(200);
		expect((await call('GET', `/api/systems/${db._id}`)).status).toBe(404);
		expect(state().groupMembers(acme(), state().groupByName(acme(), 'Servers')!.id)).toHaveLength(1);
	});

	it('binds and unbinds users with 409/404 for no-ops, from either side, and lists them', async () => {
		fixture.expectContractViolation('request', /must have required property 'targets'/);
		const db = state().systemByHostname(acme(), 'acme-ubuntu-db01')!;
		const jdoe = fixture.acmeUser('jdoe')._id;
		const add = { op: 'add', type: 'user', id: jdoe, attributes: { sudo: { enabled: true, withoutPassword: false } } };
		expect((await call('POST', `/api/v2/systems/${db._id}/associations`, add)).status).toBe(204);
		expect((await call('POST', `/api/v2/systems/${db._id}/associations`, add)).status).toBe(409);
		expect((await call('GET', `/api/v2/systems/${db._id}/associations?targets=user`)).body).toEqual([{ attributes: add.attributes, to: { attributes: null, id: jdoe, type: 'user' } }]);
		expect((await call('GET', `/api/v2/systems/${db._id}/associations`)).status).toBe(400);
		const users = await call('GET', `/api/v2/systems/${db._id}/users`);
		expect(users.body).toEqual([{ compiledAttributes: add.attributes, id: jdoe, paths: [[{ attributes: add.attributes, to: { attributes: null, id: jdoe, type: 'user' } }]], type: 'user' }]);
		expect((await call('GET', `/api/v2/users/${jdoe}/associations?targets=system`)).body.map((edge: { to: { id: string } }) => edge.to.id)).toContain(db._id);
		expect((await call('POST', `/api/v2/users/${jdoe}/associations`, { op: 'remove', type: 'system', id: db._id })).status).toBe(204);
		expect((await call('POST', `/api/v2/systems/${db._id}/associations`, { op: 'remove', type: 'user', id: jdoe })).status).toBe(404);
		expect((await call('POST', `/api/v2/systems/${db._id}/associations`, { op: 'add', type: 'user', id: '0123456789abcdef01234567' })).status).toBe(400);
	});

	it('manages system groups and members like user groups (201, 409 names, 409/404 members, 204 delete)', async () => {
		fixture.expectContractViolation('request', /type must be equal to constant/);
		const created = await call('POST', '/api/v2/systemgroups', { name: 'Test Group' });
		expect(created).toMatchObject({ status: 201, body: { name: 'Test Group', type: 'system_group' } });
		expect((await call('POST', '/api/v2/systemgroups', { name: 'test group' })).status).toBe(409);
		const kiosk = state().systemByHostname(acme(), 'acme-win-kiosk')!;
		const path = `/api/v2/systemgroups/${created.body.id}/members`;
		expect((await call('POST', path, { op: 'add', type: 'system', id: kiosk._id })).status).toBe(204);
		expect((await call('POST', path, { op: 'add', type: 'system', id: kiosk._id })).status).toBe(409);
		expect((await call('POST', path, { op: 'add', type: 'user', id: kiosk._id })).status).toBe(400);
		expect(await call('GET', path)).toMatchObject({ body: [{ attributes: null, to: { attributes: null, id: kiosk._id, type: 'system' } }], total: '1' });
		expect((await call('GET', `/api/v2/systems/${kiosk._id}/memberof`)).body.map((g: { id: string }) => g.id)).toContain(created.body.id);
		expect((await call('POST', path, { op: 'remove', type: 'system', id: kiosk._id })).status).toBe(204);
		expect((await call('POST', path, { op: 'remove', type: 'system', id: kiosk._id })).status).toBe(404);
		expect((await call('DELETE', `/api/v2/systemgroups/${created.body.id}`)).status).toBe(204);
		expect((await call('GET', '/api/v2/systemgroups?filter=name:eq:Servers')).body.map((g: { name: string }) => g.name)).toEqual(['Servers']);
		expect((await call('GET', '/api/v2/systemgroups?filter=hostname:eq:x')).status).toBe(400);
	});

	it('queues built-in commands for Linux and Windows only, and Apple MDM commands for enrolled Macs with a PIN', async () => {
		fixture.expectContractViolation('request', /pin must match pattern/);
		const win = state().systemByHostname(acme(), 'acme-win-user001')!;
		const mac = state().systemByHostname(acme(), 'acme-mbp-jdoe')!;
		expect(await call('POST', `/api/systems/${win._id}/command/builtin/erase`)).toMatchObject({ status: 201, body: undefined });
		expect((await call('POST', `/api/systems/${mac._id}/command/builtin/lock`)).status).toBe(400);
		const [mdm] = (await call('GET', '/api/v2/applemdms')).body;
		const lock = `/api/v2/applemdms/${mdm.id}/devices/${mac.mdm.internal.deviceId}/lock`;
		expect((await call('POST', lock, {})).status).toBe(400);
		expect((await call('POST', lock, { pin: '12345' })).status).toBe(400);
		expect((await call('POST', lock, { pin: '123456' })).status).toBe(204);
		expect((await call('POST', `/api/v2/applemdms/${mdm.id}/devices/0123456789abcdef01234567/shutdown`)).status).toBe(404);
		expect(state().actions().map((a) => [a.systemId, a.action, a.via])).toEqual([
			[win._id, 'erase', 'builtin'],
			[mac._id, 'lock', 'appleMdm'],
		]);
	});

	it('runs commands (bound or chosen devices), triggers them, and serves their results', async () => {
		const spooler = state().commandByName(acme(), 'Restart Print Spooler')!;
		const run = await call('POST', '/api/runCommand', { _id: spooler._id });
		expect(run.body).toEqual({ queueIds: [expect.any(String), expect.any(String), expect.any(String)], workflowInstanceId: expect.any(String) });
		const results = (await call('GET', `/api/commands/${spooler._id}/results?limit=100`)).body;
		expect(results.map((r: { system: string }) => r.system)).toEqual(['acme-win-user001', 'acme-win-user120']);
		expect(state().queue(acme()).filter((q) => q.pending).map((q) => q.system)).toEqual([state().systemByHostname(acme(), 'acme-win-kiosk')!._id]);
		expect((await call('POST', '/api/runCommand', { _id: spooler._id, systemIds: ['0123456789abcdef01234567'] })).status).toBe(400);
		expect((await call('POST', '/api/runCommand', { _id: '0123456789abcdef01234567' })).status).toBe(404);
		expect((await call('POST', '/api/command/trigger/deploy-hotfix', { v: 1 })).body).toEqual({ triggered: ['Deploy Hotfix'] });
		expect((await call('POST', '/api/command/trigger/nothing')).body).toEqual({ triggered: [] });
		const list = await call('GET', '/api/commands?filter=launchType:$eq:trigger');
		expect(list.body.results.map((c: { name: string }) => c.name)).toEqual(['Deploy Hotfix']);
		expect((await call('POST', '/api/search/commands', { searchFilter: { searchTerm: 'spool', fields: ['name'] } })).body.totalCount).toBe(1);
	});
});
