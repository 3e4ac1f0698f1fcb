/** Resource-locator parameter values as the n8n editor stores them. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
export const byUsername = (value: string) => ({ __rl: true, mode: 'username', value });
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
