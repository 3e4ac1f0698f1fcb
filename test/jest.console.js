// After every test file: nothing it printed, and nothing n8n logged so far (see jest.global-setup.js), may
// hold an API key. Keys the harness ran the node with are registered in secrets.js.
const fs = require('fs');

const { assertNoSecrets } = require('./secrets');

const lines = [];
for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
	const original = console[method].bind(console);
	jest.spyOn(console, method).mockImplementation((...args) => {
		lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
		original(...args);
	});
}

afterAll(() => {
	assertNoSecrets(lines.join('\n'), 'the console output of this test file');
	const logFile = process.env.N8N_LOG_FILE_LOCATION;
	if (logFile && fs.existsSync(logFile)) assertNoSecrets(fs.readFileSync(logFile, 'utf8'), "n8n's log");
});
