import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { byId, byUsername } from '../../../../helpers/locators';

const fixture = useSimulator();

describe('user › update (WorkflowExecute → simulator)', () => {
	it('sends only the fields set (partial PUT)', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const result = await runNode({
			parameters: { resource: 'user', operation: 'update', user: byUsername('jdoe'), updateFields: { jobTitle: 'Staff Engineer', department: 'Platform' } },
			credentials: fixture.singleOrg(),
		});
		expect(result.json[0]).toMatchObject({ _id: jdoe._id, jobTitle: 'Staff Engineer', department: 'Platform', firstname: 'Jane' });
		const put = fixture.requests().find((r) => r.method === 'PUT')!;
		expect(put.path).toBe(`/api/systemusers/${jdoe._id}`);
		expect(put.body).toEqual({ jobTitle: 'Staff Engineer', department: 'Platform' });
	});

	it('refuses an update with no fields, naming the parameter, without calling JumpCloud', async () => {
		const jdoe = fixture.acmeUser('jdoe');
		const result = await runNode({
			parameters: { resource: 'user', operation: 'update', user: byId(jdoe._id), updateFields: {} },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe('Nothing to update');
		expect(result.error?.description).toContain("'Update Fields'");
		expect(fixture.requests()).toHaveLength(0);
	});
});
