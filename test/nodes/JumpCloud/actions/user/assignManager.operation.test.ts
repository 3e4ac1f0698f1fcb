import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { byEmail, byUsername } from '../../../../helpers/locators';

const fixture = useSimulator();

describe('user › assign manager (WorkflowExecute → simulator)', () => {
	it('resolves both locators and PUTs the manager ID', async () => {
		const user = fixture.acmeUser('user010');
		const manager = fixture.acmeUser('msmith');
		const result = await runNode({
			parameters: { resource: 'user', operation: 'assignManager', user: byUsername('user010'), manager: byEmail('mary.smith@acme.example') },
			credentials: fixture.singleOrg(),
		});
		expect(result.json[0]).toMatchObject({ _id: user._id, manager: manager._id });
		const put = fixture.requests().find((r) => r.method === 'PUT')!;
		expect(put).toMatchObject({ path: `/api/systemusers/${user._id}`, body: { manager: manager._id } });
	});

	it('refuses to make a user their own manager', async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'assignManager', user: byUsername('jdoe'), manager: byEmail('jane.doe@acme.example') },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toBe('A user cannot be their own manager');
		expect(fixture.requests().some((r) => r.method === 'PUT')).toBe(false);
	});
});
