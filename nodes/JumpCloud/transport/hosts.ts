import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Console host per region; v1 lives under `/api`, v2 under `/api/v2` (fact sheet §1). */
export const REGION_BASE_URLS: Readonly<Record<string, string>> = {
	us: 'https://console.jumpcloud.com',
	eu: 'https://console.eu.jumpcloud.com',
	in: 'https://console.in.jumpcloud.com',
};

export const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/i;

export function isObjectId(value: unknown): boolean {
	return typeof value === 'string' && OBJECT_ID_PATTERN.test(value);
}

/**
 * Directory Insights host per region (fact sheet §1; the Insights spec's servers): the `api.*` hosts, which serve
 * `/insights/directory/v1` only. The key and organization are the same as on the console host.
 */
export const INSIGHTS_BASE_URLS: Readonly<Record<string, string>> = {
	us: 'https://api.jumpcloud.com',
	eu: 'https://api.eu.jumpcloud.com',
	in: 'https://api.in.jumpcloud.com',
};

/** Where the Directory Insights API lives on its host. */
export const INSIGHTS_PATH_PREFIX = '/insights/directory/v1';

/** Whether a path (or URL) is a Directory Insights route, which is served by the region's `api.*` host. */
export function isInsightsPath(url: string): boolean {
	const path = pathOf(url);
	return path === INSIGHTS_PATH_PREFIX || path.startsWith(`${INSIGHTS_PATH_PREFIX}/`);
}

/** The custom Base URL, trimmed; it serves both the console routes and the Insights routes (the simulator does). */
function customBaseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/**
 * The credential's JumpCloud host for a path, without a trailing slash: the region's console host, or its
 * `api.*` host for Directory Insights paths; with 'Custom Base URL', that URL for both.
 */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject, path = '/api'): string {
	if (credentials.region === 'custom') return customBaseUrlOf(credentials);
	const hosts = isInsightsPath(path) ? INSIGHTS_BASE_URLS : REGION_BASE_URLS;
	return hosts[String(credentials.region ?? 'us')] ?? hosts.us;
}

/** Path of a relative or absolute URL, without query or fragment. */
export function pathOf(url: string): string {
	const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
	const path = absolute ? absolute[1] : url.split(/[?#]/)[0];
	return path === '' ? '/' : path;
}

/**
 * Directory Insights declares `x-org-id` required on every operation (a security requirement next to
 * `x-api-key`), unlike v1 and v2: a request to it always names an organization (see transport/request.ts).
 */
export function requiresOrganizationHeader(url: string): boolean {
	return isInsightsPath(url);
}

/**
 * Routes that reject `x-org-id` with 403 (fact sheet §9): organization discovery and provider routes
 * (`search_organizations_post` lists no x-org-id in the v1 spec either).
 */
export function acceptsOrganizationHeader(url: string): boolean {
	return !/^\/api\/(organizations|search\/organizations|v2\/organizations|v2\/providers)(\/|$)/.test(pathOf(url));
}

/** The credential's default organization, only when the multi-organization switch is on. */
export function defaultOrganizationOf(credentials: ICredentialDataDecryptedObject): string | undefined {
	if (credentials.multipleOrganizations !== true) return undefined;
	const organizationId = String(credentials.organizationId ?? '').trim();
	return organizationId === '' ? undefined : organizationId;
}
