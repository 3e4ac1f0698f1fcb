import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../../../helpers/engine';
import { byId, byUsername } from '../../../helpers/locators';
import { useSimulator } from '../../../helpers/simulator';

const fixture = useSimulator();
const JDOE = '660000000000000000000002';
const getJdoe = (options: INodeParameters = {}): INodeParameters => ({ resource: 'user', operation: 'get', user: byId(JDOE), options });
const httpCode = (error: unknown) => (error as { httpCode?: string } | undefined)?.httpCode;

describe('transport: retries, timeouts and what an error says (WorkflowExecute → simulator)', () => {
	it('retries a 429 after Retry-After (seconds) and then succeeds', async () => {
		fixture.sim.failNext({ status: 429, count: 2, retryAfter: '0' });
		const result = await runNode({ parameters: getJdoe(), credentials: fixture.singleOrg() });
		expect(result.json[0].username).toBe('jdoe');
		expect(fixture.requests().map((r) => r.status)).toEqual([429, 429, 200]);
	});

	it('reads Retry-After given as an HTTP date', async () => {
		fixture.sim.failNext({ status: 429, retryAfter: new Date(Date.now() - 5000).toUTCString() });
		const started = Date.now();
		const result = await runNode({ parameters: getJdoe(), credentials: fixture.singleOrg() });
		expect(result.json[0].username).toBe('jdoe');
		expect(Date.now() - started).toBeLessThan(5000);
		expect(fixture.requests().map((r) => r.status)).toEqual([429, 200]);
	});

	it('gives up at once when Retry-After is longer than the item may wait, and says which option to raise', async () => {
		fixture.sim.failNext({ status: 429, retryAfter: '3600' });
		const result = await runNode({ parameters: getJdoe(), credentials: fixture.singleOrg() });
		expect(httpCode(result.error)).toBe('429');
		expect(result.error?.description).toContain("'Options > Max Retry Wait'");
		expect(fixture.requests()).toHaveLength(1);
	});

	it('sends a failing GET at most 5 times and says so', async () => {
		fixture.sim.failNext({ status: 503, count: 10, retryAfter: '0' });
		const result = await runNode({ parameters: getJdoe(), credentials: fixture.singleOrg() });
		expect(httpCode(result.error)).toBe('503');
		expect(result.error?.message).toBe('JumpCloud: Service Unavailable');
		expect(result.error?.description).toContain('(sent 5 times)');
		expect(fixture.requests()).toHaveLength(5);
	});

	it("does not retry at all with 'Max Retry Wait' 0", async () => {
		fixture.sim.failNext({ status: 503, count: 10, retryAfter: '0' });
		const result = await runNode({ parameters: getJdoe({ maxRetryWait: 0 }), credentials: fixture.singleOrg() });
		expect(httpCode(result.error)).toBe('503');
		expect(fixture.requests()).toHaveLength(1);
	});

	it('shares the retry wait between all the calls of one item', async () => {
		// The lookup waits 1 s for its 429; the update that follows may then only wait 0.5 s more.
		fixture.sim.failNext({ status: 429, retryAfter: '1', method: 'GET' });
		fixture.sim.failNext({ status: 429, retryAfter: '1', method: 'PUT' });
		const result = await runNode({
			parameters: { resource: 'user', operation: 'update', user: byUsername('jdoe'), updateFields: { jobTitle: 'X' }, options: { maxRetryWait: 1.5 } },
			credentials: fixture.singleOrg(),
		});
		expect(httpCode(result.error)).toBe('429');
		expect(fixture.calls()).toEqual(['GET /api/systemusers 429(status)', 'GET /api/systemusers 200', `PUT /api/systemusers/${JDOE} 429(status)`]);
	});

	it('times a call out after Options > Timeout, retries it, and names the call and the option', async () => {
		fixture.sim.failNext({ fault: 'hang', count: 10 });
		const result = await runNode({ parameters: getJdoe({ timeout: 200, maxRetryWait: 0.3 }), credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe(`JumpCloud did not answer GET /api/systemusers/${JDOE} within 0.2 s`);
		expect(result.error?.description).toContain("Raise 'Options > Timeout'");
		expect(fixture.requests().length).toBeGreaterThan(1);
	});

	it('retries reads whose connection broke, before or after JumpCloud answered', async () => {
		fixture.sim.failNext({ fault: 'reset-before' });
		fixture.sim.failNext({ fault: 'reset-after' });
		fixture.sim.failNext({ fault: 'truncated' });
		const result = await runNode({ parameters: getJdoe({ maxRetryWait: 1 }), credentials: fixture.singleOrg() });
		expect(result.json[0].username).toBe('jdoe');
		expect(fixture.requests()).toHaveLength(4);
	});

	it('says the connection broke (not "check Region") when it keeps breaking', async () => {
		fixture.sim.failNext({ fault: 'truncated', count: 10 });
		const result = await runNode({ parameters: getJdoe({ maxRetryWait: 0.5 }), credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe(`The connection to JumpCloud broke before it answered GET /api/systemusers/${JDOE}`);
		expect(result.error?.description).toMatch(/^ERR_BAD_RESPONSE: the network or JumpCloud closed the connection \(sent \d times\)/);
		expect(result.error?.description).not.toContain('Region');
	});

	it("says JumpCloud cannot be reached, and to check 'Region', when nothing listens", async () => {
		const result = await runNode({ parameters: getJdoe({ maxRetryWait: 0.2 }), credentials: { ...fixture.singleOrg(), baseUrl: 'http://127.0.0.1:1' } });
		expect(result.error?.message).toBe('Could not reach JumpCloud');
		expect(result.error?.description).toMatch(/^ECONNREFUSED: check the credential's 'Region'/);
	});

	it('never follows a redirect with the API key, and says to check the region', async () => {
		fixture.sim.failNext({ status: 302, headers: { location: 'https://attacker.example/api/systemusers' }, body: '' });
		const result = await runNode({ parameters: getJdoe(), credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe(`The server redirected GET /api/systemusers/${JDOE} to attacker.example`);
		expect(result.error?.description).toContain("Check the credential's 'Region'");
		expect(fixture.requests()).toHaveLength(1);
	});

	describe('organizations JumpCloud does not know', () => {
		const unknownOrg = '65a00000000000000000ffff';

		it("blame the 'Organization' parameter, not the 'User', and are looked up once per execution", async () => {
			const result = await runNode({
				parameters: { resource: 'user', operation: 'get', user: byUsername('={{ $json.u }}'), options: { organization: byId(unknownOrg) } },
				credentials: fixture.msp(),
				items: [{ u: 'gadmin' }, { u: 'iadmin' }],
				continueOnFail: true,
			});
			expect(result.json).toEqual([0, 1].map(() => ({
				error: `JumpCloud has no organization with the ID ${unknownOrg}`,
				details: { httpCode: '404', description: expect.stringContaining("Check the 'Organization' parameter") },
			})));
			expect(fixture.requests().filter((r) => r.path === `/api/organizations/${unknownOrg}`)).toHaveLength(1);
		});

		it("blame the credential's 'Default Organization ID' when that is where it came from", async () => {
			const result = await runNode({ parameters: { resource: 'userGroup', operation: 'getAll', limit: 5 }, credentials: fixture.msp(unknownOrg) });
			expect(result.error?.description).toContain("Check the credential's 'Default Organization ID'");
		});

		it('leave a 404 for a record in a known organization as it was', async () => {
			const result = await runNode({
				parameters: { resource: 'user', operation: 'get', user: byId('0123456789abcdef01234567'), options: { organization: byId(fixture.sim.orgs.globex) } },
				credentials: fixture.msp(),
			});
			expect(result.error?.description).toContain("Check the 'User' parameter");
		});
	});
});
