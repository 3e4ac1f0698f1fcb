// Figures a test measured, written to reports/<name>.json for the run's summary (plain JS: the lint rules
// keep node:fs out of TypeScript).
const fs = require('fs');
const path = require('path');

function writeReport(name, data) {
	const dir = path.resolve(__dirname, '..', 'reports');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}

module.exports = { writeReport };
