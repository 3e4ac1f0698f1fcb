#!/usr/bin/env node
'use strict';
/**
 * `npm run screenshots`: the README's pictures of the node in the n8n editor, taken by headless Chromium from the
 * demo instance (`scripts/demo.js`: real n8n, the packed node, the simulator) and written as PNGs to docs/images/.
 *
 *   npm run screenshots                         build, start the demo, take every picture
 *   npm run screenshots -- --no-build           use the existing dist/
 *   npm run screenshots -- --demo-from <dir>    run <dir>/scripts/demo.js instead (a checkout of an older commit,
 *                                               for before/after pictures) and write to --out
 *   npm run screenshots -- --out <dir>          where the PNGs go (default docs/images)
 *
 * Needs Chromium (Debian: `apt-get install -y chromium`; CHROMIUM_PATH overrides /usr/bin/chromium), driven by
 * playwright-core.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const n8n = require('./lib/n8n');
const { log } = require('./lib/log');

const VIEWPORT = { width: 1440, height: 900 };

function parseArgs(argv) {
	const options = { build: true, demoFrom: n8n.REPO_ROOT, out: path.join(n8n.REPO_ROOT, 'docs', 'images') };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--no-build') options.build = false;
		else if (arg === '--demo-from') options.demoFrom = path.resolve(argv[++i]);
		else if (arg === '--out') options.out = path.resolve(argv[++i]);
		else throw new Error(`unknown argument ${arg} (use --no-build, --demo-from <dir>, --out <dir>)`);
	}
	return options;
}

/** Starts the demo (it runs the onboarding workflow once, then serves the editor) and reads what it prints. */
async function startDemo(options, port) {
	const args = [path.join(options.demoFrom, 'scripts', 'demo.js'), '--port', String(port), ...(options.build ? [] : ['--no-build'])];
	const child = spawn(process.execPath, args, { cwd: options.demoFrom, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	const collect = (chunk) => {
		output += chunk;
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGINT');
		} catch {
			// already gone
		}
		return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
	};
	const deadline = Date.now() + 30 * 60_000;
	while (Date.now() < deadline) {
		const login = output.match(/log in as (\S+) \/ (\S+)/);
		const workflow = output.match(/the workflow: (\S+)\/workflow\/(\S+)/);
		if (login && workflow) {
			return { url: workflow[1], workflowId: workflow[2], email: login[1], password: login[2], dir: options.demoFrom, stop };
		}
		if (child.exitCode !== null) throw new Error(`the demo exited (${child.exitCode}):\n${output.slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await stop();
	throw new Error(`the demo did not serve its editor in time:\n${output.slice(-3000)}`);
}

/** The icon at the sizes n8n shows it (canvas, node creator, credential list), on light and dark backgrounds. */
function iconSheet(lightSvg, darkSvg) {
	const row = (svg, background, color) => `
		<div style="display:flex;align-items:center;gap:28px;padding:18px 24px;background:${background};color:${color}">
			${[16, 24, 32, 48, 64].map((size) => `<div style="text-align:center"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"><div style="font:11px sans-serif;opacity:.7">${size}px</div></div>`).join('')}
			<div style="font:14px sans-serif">${background === '#ffffff' ? 'light theme' : 'dark theme'}</div>
		</div>`;
	return `<html><body style="margin:0;display:inline-block" id="sheet">${row(lightSvg, '#ffffff', '#333')}${row(darkSvg, '#1f2026', '#ddd')}</body></html>`;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	let chromium;
	try {
		({ chromium } = require('playwright-core'));
	} catch {
		throw new Error('playwright-core is missing: run `npm ci --ignore-scripts` first');
	}
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
	fs.mkdirSync(options.out, { recursive: true });

	const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
	const taken = [];
	const shoot = async (target, name) => {
		const file = path.join(options.out, name);
		await target.screenshot({ path: file });
		taken.push(file);
		log(`wrote ${path.relative(process.cwd(), file)}`);
	};
	try {
		// The icon needs no n8n.
		const iconPage = await browser.newPage({ viewport: VIEWPORT });
		const icons = path.join(options.demoFrom, 'icons');
		await iconPage.setContent(iconSheet(fs.readFileSync(path.join(icons, 'jumpcloud.svg'), 'utf8'), fs.readFileSync(path.join(icons, 'jumpcloud.dark.svg'), 'utf8')));
		await shoot(iconPage.locator('#sheet'), 'icon.png');
		await iconPage.close();

		const demo = await startDemo(options, await n8n.freePort());
		log(`demo editor at ${demo.url}`);
		try {
			const context = await browser.newContext({ viewport: VIEWPORT });
			const page = await context.newPage();
			const login = await page.request.post(`${demo.url}/rest/login`, { data: { emailOrLdapLoginId: demo.email, password: demo.password } });
			if (!login.ok()) throw new Error(`login to the demo's n8n failed: ${login.status()} ${await login.text()}`);
			await takeEditorShots(page, demo, shoot);
			await context.close();
		} finally {
			await demo.stop();
		}
	} finally {
		await browser.close();
	}
	log(`${taken.length} screenshots in ${path.relative(process.cwd(), options.out) || '.'}`);
}

/** Closes n8n's first-visit pop-ups (they differ between versions), if any. */
async function dismissPopups(page) {
	for (const label of ['Close', 'Got it', 'Skip', 'Dismiss']) {
		const button = page.getByRole('button', { name: label, exact: true });
		if (await button.first().isVisible().catch(() => false)) await button.first().click().catch(() => undefined);
	}
	await page.keyboard.press('Escape');
}

async function takeEditorShots(page, demo, shoot) {
	// 1. The onboarding workflow after its run: the last execution, as n8n shows it.
	await page.goto(`${demo.url}/workflow/${demo.workflowId}/executions`);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(1500);
	await dismissPopups(page);
	await shoot(page, 'executed-workflow.png');

	// 2. The node panel of an operation (n8n opens a node's panel from its URL).
	const workflow = JSON.parse(fs.readFileSync(path.join(demo.dir, 'examples', 'onboard-new-hire.json'), 'utf8'));
	const node = workflow.nodes.find((n) => n.name === 'Add to group');
	await page.goto(`${demo.url}/workflow/${demo.workflowId}/${node.id}`);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(1500);
	await shoot(page, 'node-panel.png');

	// 2b. The JumpCloud Trigger's panel, in the example that alerts on failed admin logins.
	const alert = JSON.parse(fs.readFileSync(path.join(demo.dir, 'examples', 'alert-failed-admin-logins.json'), 'utf8'));
	const trigger = alert.nodes.find((n) => n.type.endsWith('.jumpCloudTrigger'));
	if (trigger) {
		await page.goto(`${demo.url}/workflow/${alert.id}/${trigger.id}`);
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(1500);
		await shoot(page, 'trigger-panel.png');
	}

	// 3. The node creator: search "JumpCloud", open the node, see its actions.
	await page.goto(`${demo.url}/workflow/${demo.workflowId}`);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(1000);
	await dismissPopups(page);
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	await page.waitForTimeout(800);
	await page.keyboard.type('JumpCloud');
	await page.waitForTimeout(1000);
	await page.keyboard.press('Enter');
	await page.waitForTimeout(1500);
	await shoot(page, 'actions.png');

	// 4. The credential form.
	await page.goto(`${demo.url}/home/credentials`);
	await page.waitForLoadState('networkidle');
	await dismissPopups(page);
	await page.getByText('JumpCloud (simulator)', { exact: true }).first().click();
	await page.waitForTimeout(1500);
	await shoot(page, 'credential.png');
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`screenshots failed: ${error.stack}\n`);
		process.exit(1);
	},
);
