import type { INodeParameterResourceLocator } from 'n8n-workflow';

/** Resource-locator parameter values as the n8n editor stores them. */
const locator = (mode: string) => (value: string): INodeParameterResourceLocator => ({ __rl: true, mode, value });
export const byId = locator('id');
export const byEmail = locator('email');
export const byUsername = locator('username');
export const byName = locator('name');
export const fromList = locator('list');
export const byHostname = locator('hostname');
