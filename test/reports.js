// Figures a test measured, written to reports/<name>.json for the run's summary (plain JS: the lint rules
// keep node:fs out of TypeScript).
const fs = require('fs');
const path = require('path');

const REPORTS_DIR = path.resolve(__dirname, '..', 'reports');

/** Writes reports/<name>.json; a name may hold a folder (contract/<suite>). */
function writeReport(name, data) {
	const file = path.join(REPORTS_DIR, `${name}.json`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

module.exports = { writeReport, REPORTS_DIR };
