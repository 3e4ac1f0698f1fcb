// n8n-core writes its instance config under $N8N_USER_FOLDER/.n8n. The folder is made once per run by
// jest.global-setup.js (and removed by its teardown); this file only fills in the defaults for direct runs.
// It is .js because the n8n lint rules forbid `process` in TypeScript.
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'jest-only-not-a-secret';
