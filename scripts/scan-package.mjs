#!/usr/bin/env node
/**
 * `npm run scan`: the analysis n8n's @n8n/scan-community-package runs before it verifies a community package,
 * on the tarball `npm pack` makes here (the scanner's CLI only fetches published packages from the registry).
 * Both of its legs, with its own ESLint configuration:
 *   - source: package.json and nodes/, credentials/ sources (what the provenance attestation points at);
 *   - tarball: the compiled .js files and package.json that would be published.
 * Prints every finding and ends with `scan: N findings`; exits 1 when there is any.
 *
 *   node scripts/scan-package.mjs [--tarball <file.tgz>]   (default: npm pack --ignore-scripts of the current dist/)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jumpcloud-scan-'));

try {
	let tarball = args[0] === '--tarball' ? path.resolve(args[1]) : undefined;
	if (!tarball) {
		// dist/ is built by the caller (run.sh builds once for every step).
		const report = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
		const [{ filename, size, unpackedSize, entryCount }] = JSON.parse(report.slice(report.search(/^\[\s*\{/m)));
		tarball = path.join(work, filename);
		console.log(`packed ${filename}: ${(size / 1024).toFixed(1)} kB, ${entryCount} files, ${(unpackedSize / 1024).toFixed(1)} kB unpacked`);
	}
	const packageDir = path.join(work, 'package');
	fs.mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const legs = [
		['source (package.json, nodes/, credentials/)', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		['tarball (compiled .js, package.json)', await analyzePackage(packageDir, ['**/*.js', 'package.json'])],
	];
	let findings = 0;
	for (const [leg, result] of legs) {
		const count = result.passed ? 0 : Math.max(1, (result.details?.match(/^\s+\d+:\d+\s/gm) ?? []).length);
		findings += count;
		console.log(`${result.passed ? 'ok  ' : 'FAIL'}  ${leg}: ${result.passed ? 'no findings' : `${result.message}`}`);
		if (result.details) console.log(result.details);
	}
	console.log(`scan: ${findings} findings (@n8n/scan-community-package's analysis, both legs)`);
	process.exitCode = findings ? 1 : 0;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
