const fs = require('fs');

module.exports = async () => {
	const folder = globalThis.__JUMPCLOUD_JEST_USER_FOLDER__;
	if (folder) fs.rmSync(folder, { recursive: true, force: true });
};
