export { createUitpasClient } from './client';
export type {
  CardSystemTarget,
  NewCardReason,
  NewCardRequest,
  PriceQuery,
  PriceReason,
  RegisterInCardSystemOptions,
  RegisterPassholderFields,
  Registered,
  UitpasClient,
  UitpasClientOptions,
  UpdatePassholderFields,
} from './client';
export * from './errors';
export type { Balie, CardInfo, Passholder, UitpasPrice } from './model';
