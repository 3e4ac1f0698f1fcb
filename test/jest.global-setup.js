// One throw-away n8n user folder for the whole jest run; workers inherit the environment set here. n8n-core
// logs the errors the tests provoke on purpose: into a file there, not the test output (set JEST_SHOW_LOGS=1
// to print them instead). jest.console.js and the teardown check that file for API keys.
const fs = require('fs');
const os = require('os');
const path = require('path');

const { loadOperations } = require('./contract/contract');
const { clearContractReports } = require('./contract/run');

/** Prism's prepared operations of the three specs, cached here by the specs' hash (3 s to build, 50 ms to read). */
const CONTRACT_CACHE = path.join(process.env.N8N_JUMPCLOUD_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-jumpcloud'), 'contract');

module.exports = async () => {
	// The specs are read once per run (or taken from the cache) and every test file reads the prepared operations.
	process.env.JUMPCLOUD_CONTRACT_CACHE = CONTRACT_CACHE;
	await loadOperations(CONTRACT_CACHE);
	clearContractReports();
	if (!process.env.N8N_USER_FOLDER) {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-jumpcloud-jest-'));
		process.env.N8N_USER_FOLDER = folder;
		globalThis.__JUMPCLOUD_JEST_USER_FOLDER__ = folder;
	}
	if (!process.env.JEST_SHOW_LOGS) {
		process.env.N8N_LOG_OUTPUT = 'file';
		process.env.N8N_LOG_FILE_LOCATION = path.join(process.env.N8N_USER_FOLDER, 'n8n-jest.log');
	}
};
