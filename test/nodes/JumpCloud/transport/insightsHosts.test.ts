import { INSIGHTS_BASE_URLS, baseUrlOf, isInsightsPath, requiresOrganizationHeader } from '../../../../nodes/JumpCloud/transport/hosts';

describe('hosts: Directory Insights', () => {
	it("sends Insights paths to the region's api.* host, and a custom Base URL serves both", () => {
		const path = '/insights/directory/v1/events';
		expect(baseUrlOf({ region: 'us' }, path)).toBe('https://api.jumpcloud.com');
		expect(baseUrlOf({ region: 'eu' }, path)).toBe('https://api.eu.jumpcloud.com');
		expect(baseUrlOf({ region: 'in' }, path)).toBe('https://api.in.jumpcloud.com');
		expect(baseUrlOf({}, path)).toBe('https://api.jumpcloud.com');
		expect(baseUrlOf({ region: 'eu' }, '/api/systemusers')).toBe('https://console.eu.jumpcloud.com');
		expect(baseUrlOf({ region: 'custom', baseUrl: 'http://127.0.0.1:8080/' }, path)).toBe('http://127.0.0.1:8080');
		expect(baseUrlOf({ region: 'custom', baseUrl: 'http://127.0.0.1:8080/' }, '/api/v2/usergroups')).toBe('http://127.0.0.1:8080');
		expect(Object.keys(INSIGHTS_BASE_URLS).sort()).toEqual(['eu', 'in', 'us']);
	});

	it('recognises Insights paths, which always carry x-org-id', () => {
		expect(isInsightsPath('/insights/directory/v1/events/count')).toBe(true);
		expect(isInsightsPath('https://api.jumpcloud.com/insights/directory/v1/events?x=1')).toBe(true);
		expect(isInsightsPath('/insights/directory/v10/events')).toBe(false);
		expect(isInsightsPath('/api/insights/directory/v1/events')).toBe(false);
		expect(requiresOrganizationHeader('/insights/directory/v1/events')).toBe(true);
		expect(requiresOrganizationHeader('/api/systemusers')).toBe(false);
	});
});
