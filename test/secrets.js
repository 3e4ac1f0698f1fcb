// The API keys a test run uses, and the check that none of them shows up where it must not (outputs, errors,
// execution data, log lines). Plain JS so jest's setup files can use it; the engine harness registers every
// key it runs the node with.
const { KEYS } = require('./simulator');

const secrets = new Set([KEYS.single, KEYS.msp]);

/** Remember a key the node is run with (shorter strings are too common to look for). */
function registerSecret(secret) {
	if (typeof secret === 'string' && secret.length >= 8) secrets.add(secret);
}

/** Throws when `text` holds any registered key; `where` names what was searched. */
function assertNoSecrets(text, where) {
	for (const secret of secrets) {
		if (text.includes(secret)) throw new Error(`An API key (${secret.slice(0, 6)}…) appears in ${where}`);
	}
}

module.exports = { registerSecret, assertNoSecrets };
