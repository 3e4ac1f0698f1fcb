// One throw-away n8n user folder for the whole jest run; workers inherit the environment set here.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
	if (!process.env.N8N_USER_FOLDER) {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-jumpcloud-jest-'));
		process.env.N8N_USER_FOLDER = folder;
		globalThis.__JUMPCLOUD_JEST_USER_FOLDER__ = folder;
	}
};
