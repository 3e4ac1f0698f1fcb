import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byEmail, byHostname, byId, byUsername } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device › bind user / unbind user (WorkflowExecute → simulator)', () => {
	it('binds a user with sudo, then reports binding again as unchanged', async () => {
		const db = d.device('acme-ubuntu-db01');
		const msmith = fixture.acmeUser('msmith');
		const parameters = { resource: 'device', operation: 'bindUser', device: byHostname('acme-ubuntu-db01'), user: byEmail('mary.smith@acme.example'), options: { sudo: true } };
		const result = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ bound: true, deviceId: db._id, hostname: 'acme-ubuntu-db01', userId: msmith._id, sudo: { enabled: true, withoutPassword: false } }]);
		const post = fixture.requests().find((r) => r.method === 'POST')!;
		expect(post).toMatchObject({ path: `/api/v2/systems/${db._id}/associations`, body: { op: 'add', type: 'user', id: msmith._id, attributes: { sudo: { enabled: true, withoutPassword: false } } }, status: 204 });
		expect(d.state().boundUsers(d.acme(), db._id)).toEqual([{ userId: msmith._id, attributes: { sudo: { enabled: true, withoutPassword: false } } }]);

		const again = await runNode({ parameters: { ...parameters, options: {} }, credentials: fixture.singleOrg() });
		expect(again.json).toEqual([{ bound: false, unchanged: true, reason: 'alreadyBound', deviceId: db._id, hostname: 'acme-ubuntu-db01', userId: msmith._id }]);
		const strict = await runNode({ parameters: { ...parameters, options: { failIfUnchanged: true } }, credentials: fixture.singleOrg() });
		expect(strict.error?.message).toBe('The user is already bound to the device');
	});

	it('unbinds a user, then reports unbinding again as unchanged after checking both exist', async () => {
		const win = d.device('acme-win-user120');
		const user120 = fixture.acmeUser('user120');
		const parameters = { resource: 'device', operation: 'unbindUser', device: byId(win._id), user: byUsername('user120') };
		const result = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ unbound: true, deviceId: win._id, hostname: 'acme-win-user120', userId: user120._id }]);
		expect(d.state().boundUsers(d.acme(), win._id)).toEqual([]);
		fixture.sim.clearRequests();
		const again = await runNode({ parameters, credentials: fixture.singleOrg() });
		expect(again.json).toEqual([{ unbound: false, unchanged: true, reason: 'notBound', deviceId: win._id, hostname: 'acme-win-user120', userId: user120._id }]);
		expect(fixture.calls()).toEqual([
			`GET /api/systems/${win._id} 200`,
			'GET /api/systemusers 200',
			`POST /api/v2/systems/${win._id}/associations 404`,
			`GET /api/systems/${win._id} 200`,
			`GET /api/systemusers/${user120._id} 200`,
		]);
	});

	it('binds many users from items, keeping order and pairing, an unknown user failing in place', async () => {
		const db = d.device('acme-ubuntu-db01');
		const result = await runNode({
			parameters: { resource: 'device', operation: 'bindUser', device: byId(db._id), user: byUsername('={{ $json.username }}') },
			credentials: fixture.singleOrg(),
			items: [{ username: 'user001' }, { username: 'ghost' }, { username: 'user002' }],
			continueOnFail: true,
		});
		expect(result.json).toEqual([
			expect.objectContaining({ bound: true, userId: fixture.acmeUser('user001')._id }),
			expect.objectContaining({ error: 'No JumpCloud user has the username "ghost"' }),
			expect.objectContaining({ bound: true, userId: fixture.acmeUser('user002')._id }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
