// Package entry: n8n loads the node and credential through package.json#n8n; this makes the same classes
// available to `require('n8n-nodes-jumpcloud')` (scripts, tests, other tooling). Build first (npm run build).
const { JumpCloud } = require('./dist/nodes/JumpCloud/JumpCloud.node.js');
const { JumpCloudTrigger } = require('./dist/nodes/JumpCloud/JumpCloudTrigger.node.js');
const { JumpCloudApi } = require('./dist/credentials/JumpCloudApi.credentials.js');

module.exports = { JumpCloud, JumpCloudTrigger, JumpCloudApi, nodes: [JumpCloud, JumpCloudTrigger], credentials: [JumpCloudApi] };
