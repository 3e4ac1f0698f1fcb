'use strict';
/**
 * The contract layer inside a test run: one checker per test file (or e2e run) over the prepared operations,
 * the time it spends, and a report in reports/contract/<name>.json that the run's summary adds up.
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const { loadOperations, createContract, formatViolations } = require('./contract');
const { writeReport, REPORTS_DIR } = require('../reports');

const CONTRACT_REPORTS = path.join(REPORTS_DIR, 'contract');

/**
 * `check(entries, { requests, expected })` checks simulator log entries and returns the violations left
 * after those the test declared with `expected` (a list of { rule, detail: RegExp }), and the expected ones
 * that did not occur. `requests: false` checks answers only (a test that sends raw requests on purpose).
 */
async function createContractRun(name, { cacheDir = process.env.JUMPCLOUD_CONTRACT_CACHE } = {}) {
	const started = performance.now();
	const operations = await loadOperations(cacheDir);
	const contract = createContract(operations);
	const setupMs = performance.now() - started;
	let checkMs = 0;
	let violations = 0;
	let expectedSeen = 0;

	/**
	 * @param {Array<Record<string, any>>} entries simulator log entries
	 * @param {{ requests?: boolean, expected?: Array<{ rule: string, detail: RegExp }> }} [options]
	 */
	function check(entries, { requests = true, expected = [] } = {}) {
		const start = performance.now();
		const found = [];
		for (const entry of entries) found.push(...contract.check(entry, { requests }));
		checkMs += performance.now() - start;
		const matches = (violation, rule) => violation.rule === rule.rule && rule.detail.test(violation.detail);
		const unexpected = found.filter((violation) => !expected.some((rule) => matches(violation, rule)));
		const missing = expected.filter((rule) => !found.some((violation) => matches(violation, rule)));
		violations += unexpected.length;
		expectedSeen += found.length - unexpected.length;
		return { unexpected, missing };
	}

	function report() {
		const { stats } = contract;
		writeReport(`contract/${name}`, {
			requests: stats.requests,
			responses: stats.responses,
			routes: [...stats.routes].sort(),
			requestRoutes: [...stats.requestRoutes].sort(),
			deviations: stats.deviations,
			violations,
			expectedViolations: expectedSeen,
			setupMs: Math.round(setupMs),
			checkMs: Math.round(checkMs),
		});
	}

	return { check, report, stats: contract.stats, formatViolations };
}

/** A bare checker over the run's prepared operations (for the control tests, which count nothing). */
async function createCachedContract(cacheDir = process.env.JUMPCLOUD_CONTRACT_CACHE) {
	return createContract(await loadOperations(cacheDir));
}

/** Removes the reports of an earlier run (the run's global setup calls it). */
function clearContractReports() {
	fs.rmSync(CONTRACT_REPORTS, { recursive: true, force: true });
}

/** Adds up the reports of this run: one line for the log, and the totals. */
function summarizeContractReports() {
	if (!fs.existsSync(CONTRACT_REPORTS)) return undefined;
	const files = fs.readdirSync(CONTRACT_REPORTS).filter((file) => file.endsWith('.json'));
	const routes = new Set();
	const requestRoutes = new Set();
	const total = { suites: files.length, requests: 0, responses: 0, deviations: 0, violations: 0, expectedViolations: 0, setupMs: 0, checkMs: 0 };
	for (const file of files) {
		const data = JSON.parse(fs.readFileSync(path.join(CONTRACT_REPORTS, file), 'utf8'));
		for (const key of Object.keys(total)) if (key !== 'suites') total[key] += data[key] ?? 0;
		for (const route of data.routes) routes.add(route);
		for (const route of data.requestRoutes ?? []) requestRoutes.add(route);
	}
	total.routes = routes.size;
	total.requestRoutes = requestRoutes.size;
	const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
	const line =
		`contract: ${plural(total.requests, 'request')} and ${plural(total.responses, 'answer')} validated against the OpenAPI specs in ${plural(total.suites, 'suite')}, ` +
		`${total.routes} distinct (method, route) pairs (${total.requestRoutes} sent to by the node), ${plural(total.violations, 'violation')}, ` +
		`${plural(total.deviations, 'known deviation')} allowed, ${plural(total.expectedViolations, 'violation')} caused on purpose; ` +
		`validator ${(total.checkMs / 1000).toFixed(1)} s checking + ${(total.setupMs / 1000).toFixed(1)} s loading`;
	return { total, routes: [...routes].sort(), line };
}

module.exports = { createContractRun, createCachedContract, clearContractReports, summarizeContractReports, CONTRACT_REPORTS };
