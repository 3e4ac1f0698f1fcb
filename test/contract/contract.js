'use strict';
/**
 * The contract layer: every request the node sends, and every answer the simulator gives, checked against
 * JumpCloud's official OpenAPI 3.1 specs (../shared/jumpcloud-openapi, read unmodified) with Stoplight Prism's
 * validator (@stoplight/prism-http, pinned: its dist/ modules are used directly, as its package index pulls in
 * an ES-module-only faker that jest cannot load).
 *
 * Checked per exchange (one simulator log entry):
 * - the route exists for the method in the spec of its API (v1 `/api`, v2 `/api/v2`, Insights);
 * - the request: path parameters, query (with the serialization each parameter declares, e.g. v2 `filter`
 *   `form, explode: false`), headers, JSON body (Prism), plus what Prism does not check: query parameters the
 *   operation does not declare, `x-org-id` sent to an operation that does not declare it (or missing where its
 *   security requires it, as Directory Insights' does), and `x-api-key`;
 * - the answer: its status is declared, its body matches the schema of that status (Prism).
 * Statuses JumpCloud really sends though its spec does not declare them are listed, each with its reason and
 * source, in known-deviations.json; nothing else may deviate. Injected faults (faults.js) are not the
 * simulator's claims about JumpCloud: their requests are checked, their answers are not.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const YAML = require('yaml');

const PRISM_VERSION = require('@stoplight/prism-http/package.json').version;

/** The three APIs, by the path prefix they serve on the console (or api.*) host. */
const SPECS = [
	{ name: 'v2', file: 'v2.yaml', prefix: '/api/v2' },
	{ name: 'insights', file: 'directory-insights-v1.yaml', prefix: '/insights/directory/v1' },
	{ name: 'v1', file: 'v1.yaml', prefix: '/api' },
];

const DEVIATIONS_FILE = path.join(__dirname, 'known-deviations.json');
/** A request the test harness makes itself (to read facts), not the node: only its answer is checked. */
const HARNESS_HEADER = 'x-test-harness';

/** The folder of the official specs: ../shared/jumpcloud-openapi next to the repository (CI has it too). */
function specDir() {
	const dir = process.env.JUMPCLOUD_OPENAPI_DIR || path.resolve(__dirname, '..', '..', '..', 'shared', 'jumpcloud-openapi');
	if (!SPECS.every((spec) => fs.existsSync(path.join(dir, spec.file)))) {
		throw new Error(`The official JumpCloud OpenAPI specs are not in ${dir} (set JUMPCLOUD_OPENAPI_DIR to their folder)`);
	}
	return dir;
}

/** Prism's operations for every spec, prepared from the YAML (slow: ~3 s) or read from a cache file (~50 ms). */
async function loadOperations(cacheDir) {
	const dir = specDir();
	const hash = crypto.createHash('sha256').update(PRISM_VERSION);
	for (const spec of SPECS) hash.update(fs.readFileSync(path.join(dir, spec.file)));
	const cacheFile = cacheDir ? path.join(cacheDir, `jumpcloud-operations-${hash.digest('hex').slice(0, 16)}.json`) : undefined;
	if (cacheFile && fs.existsSync(cacheFile)) return JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
	const { getHttpOperationsFromSpec } = require('@stoplight/prism-http/dist/utils/operations');
	const operations = {};
	for (const spec of SPECS) {
		operations[spec.name] = await getHttpOperationsFromSpec(YAML.parse(fs.readFileSync(path.join(dir, spec.file), 'utf8')));
	}
	if (cacheFile) {
		fs.mkdirSync(cacheDir, { recursive: true });
		fs.writeFileSync(`${cacheFile}.tmp-${process.pid}`, JSON.stringify(operations));
		fs.renameSync(`${cacheFile}.tmp-${process.pid}`, cacheFile);
	}
	return operations;
}

const ERROR = 0; // Prism's DiagnosticSeverity.Error; a Warning (1) is e.g. an undeclared non-2xx status
const leftOf = (either) => (either._tag === 'Left' ? either.left : []);

function queryOf(rawQuery) {
	const query = {};
	for (const [key, value] of new URLSearchParams(rawQuery || '')) query[key] = key in query ? [].concat(query[key], value) : value;
	return query;
}

function parseBody(response) {
	if (!response || response.status === 204 || response.text === '') return undefined;
	const type = String(response.headers['content-type'] ?? '');
	if (!type.includes('json')) return response.text;
	try {
		return JSON.parse(response.text);
	} catch {
		return response.text;
	}
}

/**
 * A checker over prepared operations. `check(entry, { requests })` returns the violations of one exchange;
 * `stats` counts what was checked.
 */
function createContract(operations, deviations = JSON.parse(fs.readFileSync(DEVIATIONS_FILE, 'utf8')).deviations) {
	const route = require('@stoplight/prism-http/dist/router').default;
	const { validateInput, validateOutput } = require('@stoplight/prism-http/dist/validator');
	// Prism's router scores every operation on each call; grouping by segment count makes a match ~20x cheaper.
	const bySegments = {};
	for (const [name, list] of Object.entries(operations)) {
		bySegments[name] = new Map();
		for (const operation of list) {
			const count = operation.path.split('/').length;
			if (!bySegments[name].has(count)) bySegments[name].set(count, []);
			bySegments[name].get(count).push(operation);
		}
	}
	/** routes: every (method, route) seen; requestRoutes: those the node (not the harness) sent requests to. */
	const stats = { requests: 0, responses: 0, routes: new Set(), requestRoutes: new Set(), deviations: 0 };

	function locate(method, fullPath) {
		const spec = SPECS.find((candidate) => fullPath === candidate.prefix || fullPath.startsWith(`${candidate.prefix}/`));
		if (!spec) return { error: `${fullPath} is not under any JumpCloud API (/api, /api/v2, /insights/directory/v1)` };
		const relative = fullPath.slice(spec.prefix.length) || '/';
		const candidates = bySegments[spec.name].get(relative.replace(/\/$/, '').split('/').length) ?? [];
		const matched = route({ resources: candidates, input: { method: method.toLowerCase(), url: { path: relative } } });
		if (matched._tag === 'Left') return { spec, relative, error: `${method} ${spec.prefix}${relative} is not in the ${spec.name} spec (${matched.left.message})` };
		return { spec, relative, operation: matched.right };
	}

	const applies = (deviation, method, template) =>
		(deviation.method === '*' || deviation.method === method) && (deviation.route === '*' || deviation.route === template);
	const statusDeviations = deviations.filter((deviation) => deviation.status !== undefined);
	const requestDeviations = deviations.filter((deviation) => deviation.rule !== undefined);

	/** The known deviation that allows this answer, if any (its `message` pattern tested against the body's). */
	function allowed(method, template, status, body) {
		return statusDeviations.find(
			(deviation) =>
				applies(deviation, method, template) &&
				deviation.status === status &&
				(deviation.message === undefined || new RegExp(deviation.message).test(String(body?.message))),
		);
	}

	/** Whether a request violation is one the spec contradicts itself on (listed with `rule` and `detail`). */
	function excused(method, template, rule, detail) {
		return requestDeviations.some((deviation) => applies(deviation, method, template) && deviation.rule === rule && new RegExp(deviation.detail).test(detail));
	}

	function check(entry, { requests = true } = {}) {
		const violations = [];
		const call = `${entry.method} ${entry.path}`;
		const located = locate(entry.method, entry.path);
		if (!located.operation) {
			// An answer to a route the spec lacks has no schema to meet: only sending there is a violation.
			if (requests && !entry.headers?.[HARNESS_HEADER]) violations.push({ call, rule: 'route', detail: located.error });
			return violations;
		}
		const { spec, relative, operation } = located;
		const template = `${spec.prefix}${operation.path}`;
		const label = operation.iid || template;
		stats.routes.add(`${entry.method} ${template}`);
		const add = (rule, detail) => {
			if (excused(entry.method, template, rule, detail)) stats.deviations++;
			else violations.push({ call, operation: label, rule, detail });
		};

		if (requests && !entry.headers?.[HARNESS_HEADER]) {
			stats.requests++;
			stats.requestRoutes.add(`${entry.method} ${template}`);
			const query = queryOf(entry.rawQuery);
			const element = { method: entry.method.toLowerCase(), url: { path: relative, query }, headers: entry.headers ?? {}, body: entry.body };
			for (const diagnostic of leftOf(validateInput({ resource: operation, element }))) {
				if (diagnostic.severity === ERROR) add('request', `${(diagnostic.path ?? []).join('.')}: ${diagnostic.message}`);
			}
			const declared = new Map((operation.request?.query ?? []).map((parameter) => [parameter.name, parameter]));
			for (const [key, value] of Object.entries(query)) {
				// v1 documents filter[0]=…, filter[or][0]=… for its `filter` parameter (trait_filter_filter).
				const base = spec.name === 'v1' ? key.replace(/\[.*$/, '') : key;
				const parameter = declared.get(base);
				if (!parameter) add('query', `query parameter "${key}" is not declared for ${label}`);
				// Prism reads a repeated key as an array whatever the style; JumpCloud's v2 reads only one `filter`
				// when it is repeated (its spec: form, explode: false), so a repeat is a violation here.
				else if (Array.isArray(value) && (parameter.explode === false || parameter.schema?.type !== 'array')) {
					add('query', `query parameter "${key}" is repeated, but ${label} declares it ${parameter.schema?.type === 'array' ? `form, explode: false (one comma-separated value)` : 'a single value'}`);
				}
			}
			// x-org-id is a header parameter in v1/v2, and a security scheme (required with x-api-key) in Insights.
			const orgScheme = (scheme) => scheme.type === 'apiKey' && scheme.in === 'header' && String(scheme.name).toLowerCase() === 'x-org-id';
			const security = operation.security ?? [];
			const declaresOrg =
				(operation.request?.headers ?? []).some((header) => header.name.toLowerCase() === 'x-org-id') || security.some((alternative) => alternative.some(orgScheme));
			const requiresOrg = security.length > 0 && security.every((alternative) => alternative.some(orgScheme));
			if (entry.orgId !== undefined && !declaresOrg) add('header', `x-org-id sent to ${label}, which does not declare it`);
			if ((entry.orgId === undefined || entry.orgId === '') && requiresOrg) add('security', `no x-org-id header, which ${label}'s security requires`);
			if (entry.apiKey === 'missing' && security.length > 0) add('security', 'no x-api-key header');
		}

		const response = entry.response;
		if (response && !entry.fault) {
			stats.responses++;
			const body = parseBody(response);
			const headers = response.headers['content-type'] ? { 'content-type': String(response.headers['content-type']) } : {};
			const diagnostics = leftOf(validateOutput({ resource: operation, element: { statusCode: response.status, headers, body } }));
			const undeclared = diagnostics.some((diagnostic) => /Unable to match the returned status code/.test(diagnostic.message));
			if (undeclared) {
				if (!allowed(entry.method, template, response.status, body)) {
					add('status', `${response.status} is not a status the spec declares for ${label} (${operation.responses.map((r) => r.code).join(', ')}), nor a known deviation (${response.text.slice(0, 120)})`);
				} else if (typeof body !== 'object' || body === null || typeof body.message !== 'string') {
					// An allowed deviation still has JumpCloud's observed error shape (fact sheet §3).
					add('response', `${response.status} (a known deviation) must answer a JSON object with a string "message", not ${response.text.slice(0, 120)}`);
				} else {
					stats.deviations++;
				}
			} else {
				for (const diagnostic of diagnostics) {
					if (diagnostic.severity === ERROR) add('response', `${response.status} ${(diagnostic.path ?? []).join('.')}: ${diagnostic.message}`);
				}
			}
		}
		return violations;
	}

	return { check, stats, locate };
}

/** One line per violation: the call, the spec operation and the rule it broke. */
function formatViolations(violations) {
	return violations.map((violation) => `${violation.call} [${violation.operation ?? 'no operation'}] ${violation.rule}: ${violation.detail}`).join('\n');
}

module.exports = { loadOperations, createContract, formatViolations, specDir, HARNESS_HEADER, SPECS };
