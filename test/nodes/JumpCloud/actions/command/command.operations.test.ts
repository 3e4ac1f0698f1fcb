import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byId, byName, fromList } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('command › get many, run, trigger, get results (WorkflowExecute → simulator)', () => {
	it('lists saved commands, filtered by type and trigger', async () => {
		const all = await runNode({ parameters: { resource: 'command', operation: 'getAll', returnAll: true }, credentials: fixture.singleOrg() });
		expect(all.json.map((command) => command.name)).toEqual(['Collect Diagnostics', 'Restart Print Spooler', 'Deploy Hotfix']);
		const linux = await runNode({ parameters: { resource: 'command', operation: 'getAll', returnAll: true, filters: { commandType: 'linux', trigger: 'deploy-hotfix' } }, credentials: fixture.singleOrg() });
		expect(linux.json.map((command) => command.name)).toEqual(['Deploy Hotfix']);
		expect(fixture.requests().at(-1)!.query).toMatchObject({ 'filter[0]': 'commandType:$eq:linux', 'filter[1]': 'trigger:$eq:deploy-hotfix' });
	});

	it('runs a command on its bound devices, then gets that run results: the inactive device has none yet', async () => {
		const spooler = d.command('Restart Print Spooler');
		const run = await runNode({ parameters: { resource: 'command', operation: 'run', command: byName('Restart Print Spooler') }, credentials: fixture.singleOrg() });
		expect(run.json).toEqual([{ commandId: spooler._id, commandName: 'Restart Print Spooler', workflowInstanceId: expect.any(String), queueIds: [expect.any(String), expect.any(String), expect.any(String)], runOn: 'boundDevices' }]);
		expect(fixture.requests().find((r) => r.path === '/api/runCommand')!.body).toEqual({ _id: spooler._id });
		const results = await runNode({
			parameters: { resource: 'command', operation: 'getResults', command: byId(spooler._id), workflowInstanceId: String(run.json[0].workflowInstanceId), returnAll: true },
			credentials: fixture.singleOrg(),
		});
		expect(results.json.map((result) => result.device)).toEqual(['acme-win-user001', 'acme-win-user120']);
		expect(results.json[0]).toEqual(expect.objectContaining({ exitCode: 0, output: 'Restart Print Spooler ran on acme-win-user001', workflowInstanceId: run.json[0].workflowInstanceId, commandId: spooler._id }));
	});

	it('runs on chosen devices and groups (members expanded, hostnames looked up), never twice blindly', async () => {
		const diagnostics = d.command('Collect Diagnostics');
		const run = await runNode({
			parameters: { resource: 'command', operation: 'run', command: fromList(diagnostics._id), runOn: 'chosen', devices: 'acme-ubuntu-db01', deviceGroups: 'Servers, Kiosks' },
			credentials: fixture.singleOrg(),
		});
		const expected = [d.device('acme-ubuntu-db01')._id, d.device('acme-ubuntu-build01')._id, d.device('acme-win-kiosk')._id];
		expect(run.json[0].deviceIds).toEqual(expected);
		expect(fixture.requests().find((r) => r.path === '/api/runCommand')!.body).toEqual({ _id: diagnostics._id, systemIds: expected });
		fixture.sim.clearRequests();
		fixture.sim.failNext({ fault: 'reset-after', method: 'POST', pathPrefix: '/api/runCommand' });
		const lost = await runNode({ parameters: { resource: 'command', operation: 'run', command: fromList(diagnostics._id), options: { maxRetryWait: 1 } }, credentials: fixture.singleOrg() });
		expect(lost.error?.description).toMatch(/whether it took effect/);
		expect(fixture.requests().filter((r) => r.path === '/api/runCommand')).toHaveLength(1);
		const unknown = await runNode({ parameters: { resource: 'command', operation: 'run', command: fromList(diagnostics._id), runOn: 'chosen', devices: 'no-such-host' }, credentials: fixture.singleOrg() });
		expect(unknown.error?.message).toBe('No JumpCloud device has the hostname "no-such-host"');
	});

	it('triggers the commands listening to a name with JSON variables; an unknown trigger fails the item', async () => {
		const result = await runNode({ parameters: { resource: 'command', operation: 'trigger', triggerName: 'deploy-hotfix', variables: '{"version": "1.2.3"}' }, credentials: fixture.singleOrg() });
		expect(result.json).toEqual([{ trigger: 'deploy-hotfix', triggered: ['Deploy Hotfix'], variables: { version: '1.2.3' } }]);
		expect(fixture.requests()[0]).toMatchObject({ method: 'POST', path: '/api/command/trigger/deploy-hotfix', body: { version: '1.2.3' } });
		const results = d.state().results(d.acme()).filter((r) => r.name === 'Deploy Hotfix');
		expect(results[0].response.data.output).toContain('"version":"1.2.3"');
		const typo = await runNode({ parameters: { resource: 'command', operation: 'trigger', triggerName: 'deploy-hotfx' }, credentials: fixture.singleOrg() });
		expect(typo.error?.message).toBe('No JumpCloud command listens to the trigger "deploy-hotfx"');
		fixture.sim.clearRequests();
		const badJson = await runNode({ parameters: { resource: 'command', operation: 'trigger', triggerName: 'deploy-hotfix', variables: '[1, 2]' }, credentials: fixture.singleOrg() });
		expect(badJson.error?.message).toBe("'Variables (JSON)' must be a JSON object");
		expect(fixture.requests()).toEqual([]);
	});

	it("gets every result of a command over several pages (Return All), or up to Limit", async () => {
		const diagnostics = d.command('Collect Diagnostics');
		for (let run = 0; run < 60; run++) d.state().runCommand(d.acme(), { _id: diagnostics._id });
		const total = d.state().results(d.acme()).filter((r) => r.workflowId === diagnostics._id).length;
		expect(total).toBe(122);
		const all = await runNode({ parameters: { resource: 'command', operation: 'getResults', command: byName('Collect Diagnostics'), returnAll: true, simplify: false }, credentials: fixture.singleOrg() });
		expect(all.json).toHaveLength(122);
		expect(new Set(all.json.map((result) => result._id)).size).toBe(122);
		const some = await runNode({ parameters: { resource: 'command', operation: 'getResults', command: byName('Collect Diagnostics'), limit: 5 }, credentials: fixture.singleOrg() });
		expect(some.json).toHaveLength(5);
	});
});
