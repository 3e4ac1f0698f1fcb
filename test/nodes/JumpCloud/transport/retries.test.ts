import { runNode } from '../../../helpers/engine';
import { useSimulator } from '../../../helpers/simulator';

const fixture = useSimulator();
const getJdoe = { resource: 'user', operation: 'get', user: { __rl: true, mode: 'username', value: 'jdoe' } };

describe('retries (WorkflowExecute → simulator)', () => {
	it('retries a 429 after Retry-After and then succeeds', async () => {
		fixture.sim.failNext({ status: 429, count: 2, retryAfter: '0' });
		const result = await runNode({ parameters: getJdoe, credentials: fixture.singleOrg() });
		expect(result.json[0].username).toBe('jdoe');
		expect(fixture.requests().map((r) => r.status)).toEqual([429, 429, 200, 200]);
	});

	it('gives up after the attempts the policy allows and says it was rate limited', async () => {
		fixture.sim.failNext({ status: 503, count: 10, retryAfter: '0' });
		const result = await runNode({ parameters: getJdoe, credentials: fixture.singleOrg() });
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('503');
		expect(fixture.requests()).toHaveLength(4);
	});

	it('never repeats a create after an ambiguous gateway error', async () => {
		fixture.sim.failNext({ status: 502, count: 1, method: 'POST' });
		const result = await runNode({
			parameters: { resource: 'user', operation: 'create', username: 'once', email: 'once@acme.example', additionalFields: {} },
			credentials: fixture.singleOrg(),
		});
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('502');
		expect(fixture.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});
