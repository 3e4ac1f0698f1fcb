/**
 * The only way the node talks to JumpCloud: hosts and organizations (hosts.ts), query serialization
 * (query.ts), sending with retries (request.ts, retry.ts), paging (paging.ts), Directory Insights queries and
 * their cursor paging (insights.ts) and error mapping (errors.ts).
 */
export * from './errors';
export * from './hosts';
export * from './insights';
export * from './limiter';
export * from './paging';
export * from './query';
export * from './request';
export * from './retry';
