/**
 * Return All is exact while the directory changes: every group that exists for the whole read comes back
 * exactly once, none twice, whatever is created or deleted meanwhile; in exactly ceil(N/100) requests when
 * nothing changes. Checked by IDs against the simulator's directory.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../../../helpers/engine';
import { useSimulator } from '../../../helpers/simulator';
import type { LoggedRequest } from '../../../helpers/simulator';

const fixture = useSimulator();
const acme = () => fixture.sim.orgs.acme;
const returnAll = (concurrency = 32): INodeParameters => ({ resource: 'userGroup', operation: 'getAll', returnAll: true, options: { concurrency } });
const isListRead = (entry: LoggedRequest) => entry.method === 'GET' && entry.path === '/api/v2/usergroups';

/** 1,000 groups in Acme (988 made here + the 12 of the seed). */
function seedGroups() {
	for (let i = 0; i < 988; i++) fixture.sim.directory.createGroup(acme(), { name: `Team ${String(i).padStart(4, '0')}` });
	return fixture.sim.directory.groups(acme()).map((group) => String(group.id));
}

/** Every group that existed throughout is there exactly once, and no ID is there twice. */
function expectExact(ids: unknown[], throughout: string[]) {
	expect(new Set(ids).size).toBe(ids.length);
	const got = new Set(ids);
	expect(throughout.filter((id) => !got.has(id))).toEqual([]);
}

describe('exact Return All while the directory changes (WorkflowExecute → simulator)', () => {
	it.each([1, 32])('reads 1,000 groups in exactly 10 requests, in creation order (concurrency %i)', async (concurrency) => {
		const all = seedGroups();
		const result = await runNode({ parameters: returnAll(concurrency), credentials: fixture.singleOrg() });
		expect(result.json.map((group) => group.id)).toEqual(all);
		expect(fixture.requests().filter(isListRead)).toHaveLength(10);
		expect(fixture.requests().map((r) => Number(r.query.skip))).toEqual([0, 900, 800, 700, 600, 500, 400, 300, 200, 100]);
	});

	it.each([1, 32])('is exact when a group is created during the read (concurrency %i)', async (concurrency) => {
		const before = seedGroups();
		let reads = 0;
		fixture.sim.onRequest = (entry) => {
			// A name that sorts first: with a name sort it would shift every page.
			if (isListRead(entry) && ++reads === 4) fixture.sim.directory.createGroup(acme(), { name: 'AAA Created Meanwhile' });
		};
		const result = await runNode({ parameters: returnAll(concurrency), credentials: fixture.singleOrg() });
		expectExact(result.json.map((group) => group.id), before);
	});

	it.each([1, 32])('is exact when groups are deleted during the read (concurrency %i)', async (concurrency) => {
		const before = seedGroups();
		const doomed = [before[3], before[450]];
		let reads = 0;
		fixture.sim.onRequest = (entry) => {
			if (isListRead(entry) && ++reads === 5) for (const id of doomed) fixture.sim.directory.deleteGroup(acme(), id);
		};
		const result = await runNode({ parameters: returnAll(concurrency), credentials: fixture.singleOrg() });
		expectExact(result.json.map((group) => group.id), before.filter((id) => !doomed.includes(id)));
		// A deleted group is either gone from the result or was read before it went; never doubled.
		expect(fixture.requests().filter(isListRead).length).toBeGreaterThan(10);
	});

	it.each([1, 32])('is exact when one group is created and another deleted at the same moment (concurrency %i)', async (concurrency) => {
		const before = seedGroups();
		let reads = 0;
		fixture.sim.onRequest = (entry) => {
			if (isListRead(entry) && ++reads === 6) {
				fixture.sim.directory.createGroup(acme(), { name: 'Created Meanwhile' });
				fixture.sim.directory.deleteGroup(acme(), before[10]);
			}
		};
		const result = await runNode({ parameters: returnAll(concurrency), credentials: fixture.singleOrg() });
		expectExact(result.json.map((group) => group.id), before.filter((id) => id !== before[10]));
	});

	it('reads again until a read is consistent, and fails clearly when the directory never keeps still', async () => {
		const before = seedGroups();
		let reads = 0;
		// Changes during the first two reads, then quiet: the third read is returned.
		fixture.sim.onRequest = (entry) => {
			if (isListRead(entry) && ++reads <= 20 && reads % 5 === 0) fixture.sim.directory.deleteGroup(acme(), fixture.sim.directory.groups(acme())[reads].id);
		};
		const settled = await runNode({ parameters: returnAll(), credentials: fixture.singleOrg() });
		const gone = new Set(before.filter((id) => !fixture.sim.directory.group(acme(), id)));
		expectExact(settled.json.map((group) => group.id), before.filter((id) => !gone.has(id)));
		expect(settled.json).toHaveLength(before.length - gone.size);

		fixture.sim.clearRequests();
		fixture.sim.onRequest = (entry) => {
			if (isListRead(entry) && Number(entry.query.skip) === 500) fixture.sim.directory.createGroup(acme(), { name: `Churn ${fixture.sim.requests.length}` });
		};
		const churning = await runNode({ parameters: returnAll(), credentials: fixture.singleOrg() });
		expect(churning.error?.message).toBe("JumpCloud's list /api/v2/usergroups kept changing while the node read it");
		expect(churning.error?.description).toContain('3 reads in a row');
	});
});
