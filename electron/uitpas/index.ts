export { createUitpasClient } from './client';
export type { UitpasClient, UitpasClientOptions } from './client';
export type * from './types';
export * from './errors';
export type { Balie, CardInfo, Passholder, UitpasPrice } from './model';
