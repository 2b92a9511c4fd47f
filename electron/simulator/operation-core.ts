/**
 * What every simulated operation shares: the context it runs in, refusals and
 * how they are answered, and the checks all endpoints make (balie, removed
 * parameters, required fields, permissions, the kansenstatuut end date).
 */
import { isIsoDate, latestKansenStatuutEndDate } from '../rules/fields';
import type { SeedBalie } from './seed';
import type { SimulatorState } from './state';
import { escapeXml } from '../uitpas/xml';
import { document } from './xml-writer';


export interface Reply {
  status: number;
  body: string;
}

export interface OperationContext {
  state: SimulatorState;
  /** The first value of each parameter. */
  params: Map<string, string>;
  /** Every parameter as sent, repeated keys included. */
  all: readonly (readonly [string, string])[];
  /** null for a consumer request (no staff token). */
  employeeUid: string | null;
  today: Date;
  /** Files of a multipart/form-data request, by field name (uploadPicture). */
  files?: ReadonlyMap<string, Uint8Array>;
}

export const permissionNames = {
  create: 'PERMISSION_PASSHOLDER - ACTION_CREATE',
  kansenstatuut: 'PERMISSION_KANSENSTATUUT - ACTION_CREATE',
  update: 'PERMISSION_PASSHOLDER - ACTION_UPDATE',
  block: 'PERMISSION_PASSHOLDER - ACTION_BLOCK',
};

export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly requiredPermission?: string,
    readonly extra: Record<string, unknown> = {},
    readonly status = 400,
  ) {
    super(code);
  }
}

/** A parameter's value, "" when absent: callers check presence with required() first. */
export const param = (params: Map<string, string>, name: string): string => params.get(name) ?? '';

/**
 * A boolean as real clients send it: "true"/"false", or as CF sends a plain PHP bool through http_build_query,
 * "1" for true and the parameter left out for false (CF Uitpas/Passholder.php::toPostData, which overrides
 * ValueObject::toPostData, drops every false or empty property it is not told to keep; it converts kansenStatuut and
 * verified to 'true'/'false' itself, so legalTermsPaper, legalTermsDigital, parentalConsent and the opt-ins go as "1" or not at all).
 */
export const flag = (params: Map<string, string>, name: string): boolean => params.get(name) === 'true' || params.get(name) === '1';

export const refuse = (code: string, detail: string, requiredPermission?: string): never => {
  throw new Refusal(code, detail, requiredPermission);
};

export function run<R extends Reply | undefined>(operation: (context: OperationContext) => R, context: OperationContext): R | Reply {
  try {
    return operation(context);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const { userId, links } = error.extra;
    const extra = typeof userId === 'string' && typeof links === 'string' ? `<userId>${userId}</userId><cardSystemLinks>${links}</cardSystemLinks>` : '';
    const permission = error.requiredPermission ? `<requiredPermission>${error.requiredPermission}</requiredPermission>` : '';
    // Beside a refused check-in the holder's points, beside a refused points promotion its cashInState (DOC inchecken-pashouder.md, punten-verzilveren.md).
    const visit = ['points', 'cashInState'].map((name) => (typeof error.extra[name] === 'string' ? `<${name}>${escapeXml(error.extra[name])}</${name}>` : '')).join('');
    return {
      status: error.status,
      body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<response><code>${error.code}</code><message>${escapeXml(error.detail)}</message>${permission}${extra}${visit}</response>`,
    };
  }
}

export const ok = (tree: Parameters<typeof document>[1]): Reply => ({ status: 200, body: document('response', tree) });

/**
 * Every endpoint, before its own rules: the parameters UiTPAS 3.3.0 removed are refused with INVALID_PARAMETERS
 * (DOC pashouders/opt-in-voorkeuren-aanpassen.md), and a balieConsumerKey that names no balie, the empty one
 * included, is UNKNOWN_BALIE_CONSUMERKEY (DOC balies/opvragen-voorraadtellers-uitpassen.md; CF Uitpas/Error.php).
 */
export function refuseRemovedOrEmpty({ state, params }: OperationContext): undefined {
  const removed = ['emailPreference', 'smsPreference'].filter((name) => params.has(name));
  if (removed.length) refuse('INVALID_PARAMETERS', `removed parameters: ${removed.join(', ')}`);
  if (params.has('balieConsumerKey') && !state.balies.has(param(params, 'balieConsumerKey'))) refuse('UNKNOWN_BALIE_CONSUMERKEY', 'unknown balie consumer key');
  return undefined;
}

/** The balie a staff member acts for: required since UPS-3368 (DOC commit 1199665), and the employee must belong to it. */
export function balieOf({ state, params, employeeUid }: OperationContext): SeedBalie {
  const key = params.get('balieConsumerKey');
  if (!key) return refuse('MISSING_REQUIRED_FIELDS', 'balieConsumerKey is required');
  const balie = state.balies.get(key) ?? refuse('UNKNOWN_BALIE_CONSUMERKEY', 'unknown balie consumer key');
  if (employeeUid === null || !state.employees.has(employeeUid)) return refuse('ACCESS_DENIED', 'not an employee of this balie', permissionNames.create);
  return balie;
}

export function requirePermission(balie: SeedBalie, cardSystemId: string, permission: 'registratie' | 'kansenstatuut toekennen'): void {
  if (!(balie.permissions[cardSystemId] ?? []).includes(permission)) {
    refuse('ACCESS_DENIED', `balie lacks ${permission}`, permission === 'registratie' ? permissionNames.create : permissionNames.kansenstatuut);
  }
}

export function required(params: Map<string, string>, names: readonly string[]): void {
  const missing = names.filter((name) => !params.get(name)?.trim());
  if (missing.length) refuse('MISSING_REQUIRED_FIELDS', `missing: ${missing.join(', ')}`);
}

export function checkKansenStatuutEndDate(context: OperationContext, value: string | undefined): void {
  if (!value) return;
  if (!isIsoDate(value)) refuse('PARSE_INVALID_DATE', 'kansenStatuutEndDate is not a W3C date');
  if (value > latestKansenStatuutEndDate(context.today)) refuse('INVALID_DATE_CONSTRAINTS', 'kansenStatuutEndDate after the end of next year');
}
