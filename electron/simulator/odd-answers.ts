/**
 * Odd answers production has been seen to give, which the simulator gives
 * only when a test queues one (state.oddAnswers) for the next request to a path:
 * - `ok-with-code`: HTTP 200 whose <response><code> is an error
 *   (INSZ_ALREADY_USED, ACTION_FAILED): CF CultureFeed/CultureFeed/Uitpas/Default.php::createPassholder reads
 *   INSZ_ALREADY_USED from a 200 (CF DefaultOAuthClient.php reads <code> otherwise only on non-200 answers), and
 *   SX src/Auth/UiTIDv1TokenService.php reads <code> from a 200 too; the app refusing every such 200 is its choice;
 * - `refusal`: a 400 with a code the docs do not list for that call, such as EMAIL_ADDRESS_INVALID, the code the real
 *   counter maps to the e-mail field (NG app/scripts/registration/registration-api-error.constant.js; raised by SX
 *   src/PassHolder/Properties/EmailAddressInvalidException.php; that UiTPAS answers it too is inferred);
 * - `redirect`: a 3xx to another origin (SX config.dist.yml still configures http:// base URLs, which an
 *   https host answers with a redirect; issue 10 measured a 307 to another origin);
 * - `junk`: HTTP 200 with a body that is not the answer asked (an HTML error page, a truncated or empty document),
 *   as a proxy or a failing back end gives; nothing is carried out, but the client cannot know that: for a write,
 *   an unknown outcome (issue 24 item 6);
 * - `character-references`: the real answer, with every non-ASCII character and CR written as a numeric
 *   character reference, as production writes free text (CF CultureFeed/test/uitpas/data/passholder/search.xml:
 *   `<moreInfo>Nieuwe aanvraag&#13; OCMW Ja&#13; …</moreInfo>`).
 */
export type OddAnswer =
  | { path: string; kind: 'ok-with-code'; code: string }
  | { path: string; kind: 'refusal'; code: string }
  | { path: string; kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string }
  | { path: string; kind: 'junk'; body: string; type?: string }
  | { path: string; kind: 'character-references' };

export interface RawAnswer {
  status: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

/** Takes the first odd answer queued for this path, if any. */
export function takeOddAnswer(queue: OddAnswer[], path: string): OddAnswer | undefined {
  const index = queue.findIndex((odd) => odd.path === path);
  return index === -1 ? undefined : queue.splice(index, 1)[0];
}

/** The answer given instead of running the operation; undefined when the operation runs (and may be rewritten after). */
export function answerInstead(odd: OddAnswer): RawAnswer | undefined {
  if (odd.kind === 'ok-with-code' || odd.kind === 'refusal') {
    const status = odd.kind === 'refusal' ? 400 : 200;
    return { status, body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<response><code>${odd.code}</code><message>refused</message></response>` };
  }
  if (odd.kind === 'junk') return { status: 200, body: odd.body, type: odd.type ?? 'application/xml; charset=UTF-8' };
  if (odd.kind === 'redirect') return { status: odd.status, body: '', type: 'text/plain', headers: { Location: odd.location } };
  return undefined;
}

export function rewriteAnswer(odd: OddAnswer | undefined, answer: RawAnswer): RawAnswer {
  if (odd?.kind !== 'character-references') return answer;
  // Only the text between tags: markup stays ASCII anyway.
  const body = answer.body.replace(/>([^<]+)</g, (_whole, content: string) => `>${content.replace(/[^\n\x20-\x7e]/gu, toReference)}<`);
  return { ...answer, body };
}

function toReference(character: string): string {
  return `&#${character.codePointAt(0) ?? 0};`;
}
