import { runNode } from '../../../../helpers/engine';
import { expectNoSecret, useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();

describe('user › create (WorkflowExecute → simulator)', () => {
	it('sends username, email, names and the additional fields, resolving the manager', async () => {
		const msmith = fixture.acmeUser('msmith');
		const result = await runNode({
			parameters: {
				resource: 'user',
				operation: 'create',
				username: 'nhire',
				email: 'new.hire@acme.example',
				firstname: 'New',
				lastname: 'Hire',
				additionalFields: {
					jobTitle: 'Engineer',
					department: 'Engineering',
					state: 'STAGED',
					manager: 'mary.smith@acme.example',
					password: 'Correct-Horse-9',
					phoneNumbers: { phoneNumber: [{ type: 'mobile', number: '+1 555 0100' }] },
					attributes: { attribute: [{ name: 'badge', value: '42' }] },
				},
			},
			credentials: fixture.singleOrg(),
		});
		expect(result.error).toBeUndefined();
		const created = result.json[0];
		expect(created).toMatchObject({ username: 'nhire', email: 'new.hire@acme.example', state: 'STAGED', manager: msmith._id, jobTitle: 'Engineer' });
		expect(created).not.toHaveProperty('password');
		expect(fixture.sim.directory.user(fixture.sim.orgs.acme, String(created._id))).toMatchObject({ username: 'nhire' });

		const post = fixture.requests().find((r) => r.method === 'POST')!;
		expect(post.path).toBe('/api/systemusers');
		expect(post.body).toEqual({
			username: 'nhire',
			email: 'new.hire@acme.example',
			firstname: 'New',
			lastname: 'Hire',
			jobTitle: 'Engineer',
			department: 'Engineering',
			state: 'STAGED',
			manager: msmith._id,
			password: 'Correct-Horse-9',
			phoneNumbers: [{ type: 'mobile', number: '+1 555 0100' }],
			attributes: [{ name: 'badge', value: '42' }],
		});
		expect(post.headers['content-type']).toContain('application/json');
		expectNoSecret(result, fixture);
	});

	it('reports a duplicate username with JumpCloud message and a fix', async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'create', username: 'jdoe', email: 'other@acme.example', additionalFields: {} },
			credentials: fixture.singleOrg(),
		});
		expect(result.error?.message).toContain('already exists');
		expect(result.error?.description).toContain('invalid');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('400');
	});
});
