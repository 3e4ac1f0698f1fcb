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

/** The credential's JumpCloud host, without a trailing slash. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.region === 'custom') {
		return String(credentials.baseUrl ?? '')
			.trim()
			.replace(/\/+$/, '');
	}
	return REGION_BASE_URLS[String(credentials.region ?? 'us')] ?? REGION_BASE_URLS.us;
}

/** Path of a relative or absolute URL, without query or fragment. */
export function pathOf(url: string): string {
	const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
	const path = absolute ? absolute[1] : url.split(/[?#]/)[0];
	return path === '' ? '/' : path;
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
