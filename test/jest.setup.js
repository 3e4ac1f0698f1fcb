// n8n-core writes its instance config under $N8N_USER_FOLDER/.n8n: keep it in a throwaway folder.
// This lives in a .js file because the n8n lint rules forbid `process` in TypeScript.
const os = require('os');
const fs = require('fs');
const path = require('path');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-jumpcloud-jest-'));
}
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'jest-only-not-a-secret';
