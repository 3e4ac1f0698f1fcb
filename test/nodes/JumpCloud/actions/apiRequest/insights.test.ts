/**
 * API Request reaching Directory Insights: by the Service choice or by an /insights/directory/v1/... path, sent to
 * the region's api.* host (the custom Base URL here), always with x-org-id, never anywhere else.
 */
import type { INodeParameters } from 'n8n-workflow';

import { parseApiPath } from '../../../../../nodes/JumpCloud/actions/apiRequest/request.operation';
import { TEST_NODE, runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import { insightsOf } from '../../../../simulator';

const fixture = useSimulator();
const run = (parameters: INodeParameters, credentials = fixture.singleOrg()) =>
	runNode({ parameters: { resource: 'apiRequest', operation: 'request', ...parameters }, credentials });

describe('API Request > Directory Insights', () => {
	it('posts an events query with Service: Directory Insights and a short path, with the organization header', async () => {
		const acme = fixture.sim.orgs.acme;
		insightsOf(fixture.sim.directory).generate(acme, 3, { startMs: Date.now() - 60_000 });
		const body = { service: ['all'], start_time: new Date(Date.now() - 600_000).toISOString(), limit: 2 };
		const result = await run({ service: 'insights', method: 'POST', path: '/events', jsonBody: JSON.stringify(body), options: { fullResponse: true } });
		expect(result.error).toBeUndefined();
		const [answer] = result.json;
		expect(answer.statusCode).toBe(200);
		expect((answer.body as unknown[]).length).toBe(2);
		expect(answer.headers).toEqual(expect.objectContaining({ 'x-result-count': '2', 'x-limit': '2' }));
		const call = fixture.requests().find((r) => r.path.startsWith('/insights'))!;
		expect(call.path).toBe('/insights/directory/v1/events');
		expect(call.orgId).toBe(acme);
		expect(call.body).toEqual(body);
	});

	it('reaches Insights by its full path with the default Service too, and counts', async () => {
		const result = await run({ method: 'POST', path: '/insights/directory/v1/events/count', jsonBody: JSON.stringify({ service: ['all'], start_time: '2026-01-01T00:00:00Z' }) });
		expect(result.json).toEqual([{ count: 0 }]);
	});

	it('keeps paths on the credential hosts', () => {
		expect(parseApiPath(TEST_NODE, 0, 'events/distinct', 'insights').path).toBe('/insights/directory/v1/events/distinct');
		expect(parseApiPath(TEST_NODE, 0, '/insights/directory/v1/events', 'insights').path).toBe('/insights/directory/v1/events');
		expect(() => parseApiPath(TEST_NODE, 0, '/api/systemusers', 'insights')).toThrow("is not a Directory Insights path (/insights/directory/v1/...), though 'Service' is Directory Insights");
		expect(() => parseApiPath(TEST_NODE, 0, 'https://api.jumpcloud.com/insights/directory/v1/events', 'insights')).toThrow('must be a path, not a URL');
		expect(() => parseApiPath(TEST_NODE, 0, '/insights/directory/v2/events')).toThrow('must start with /api/');
		expect(() => parseApiPath(TEST_NODE, 0, '/insights/directory/v1/../../api/organizations', 'insights')).toThrow('has characters or segments');
	});
});
