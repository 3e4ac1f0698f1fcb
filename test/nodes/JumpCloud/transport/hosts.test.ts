import {
	acceptsOrganizationHeader,
	baseUrlOf,
	defaultOrganizationOf,
	isObjectId,
	pathOf,
} from '../../../../nodes/JumpCloud/transport/hosts';

describe('hosts', () => {
	it('maps each region to its console host and trims a custom base URL', () => {
		expect(baseUrlOf({ region: 'us' })).toBe('https://console.jumpcloud.com');
		expect(baseUrlOf({ region: 'eu' })).toBe('https://console.eu.jumpcloud.com');
		expect(baseUrlOf({ region: 'in' })).toBe('https://console.in.jumpcloud.com');
		expect(baseUrlOf({})).toBe('https://console.jumpcloud.com');
		expect(baseUrlOf({ region: 'custom', baseUrl: ' http://127.0.0.1:8080// ' })).toBe('http://127.0.0.1:8080');
	});

	it('reads the path of relative and absolute URLs', () => {
		expect(pathOf('https://console.jumpcloud.com/api/systemusers?limit=1')).toBe('/api/systemusers');
		expect(pathOf('http://127.0.0.1:9')).toBe('/');
		expect(pathOf('/api/organizations/abc#x')).toBe('/api/organizations/abc');
	});

	it('refuses x-org-id only on organization and provider routes', () => {
		expect(acceptsOrganizationHeader('/api/organizations')).toBe(false);
		expect(acceptsOrganizationHeader('https://console.jumpcloud.com/api/organizations/5f0c1a2b3c4d5e6f7a8b9c0d')).toBe(false);
		expect(acceptsOrganizationHeader('/api/search/organizations')).toBe(false);
		expect(acceptsOrganizationHeader('/api/v2/providers/abc/organizations')).toBe(false);
		expect(acceptsOrganizationHeader('/api/v2/organizations/x')).toBe(false);
		expect(acceptsOrganizationHeader('/api/systemusers')).toBe(true);
		expect(acceptsOrganizationHeader('/api/v2/usergroups')).toBe(true);
		expect(acceptsOrganizationHeader('/api/organizationsX')).toBe(true);
	});

	it('uses the default organization only with the multiple-organizations switch on', () => {
		const organizationId = '5f0c1a2b3c4d5e6f7a8b9c0d';
		expect(defaultOrganizationOf({ multipleOrganizations: true, organizationId })).toBe(organizationId);
		expect(defaultOrganizationOf({ multipleOrganizations: false, organizationId })).toBeUndefined();
		expect(defaultOrganizationOf({ multipleOrganizations: true, organizationId: '  ' })).toBeUndefined();
	});

	it('recognises 24-hex object IDs only', () => {
		expect(isObjectId('5f0c1a2b3c4d5e6f7a8b9c0d')).toBe(true);
		expect(isObjectId('5F0C1A2B3C4D5E6F7A8B9C0D')).toBe(true);
		expect(isObjectId('5f0c1a2b3c4d5e6f7a8b9c0')).toBe(false);
		expect(isObjectId('jdoe')).toBe(false);
		expect(isObjectId(42)).toBe(false);
	});
});
