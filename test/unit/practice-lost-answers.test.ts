import { describe, expect, it, vi } from 'vitest';
import { practiceLostAnswers } from '../../electron/uitpas/practice-lost-answers';
import { transportFailure } from '../../electron/uitpas/transport';
import { UitpasUnreachableError } from '../../electron/uitpas/errors';

const prefix = 'http://127.0.0.1:40123/uitid/rest';

function setUp() {
  const base = vi.fn<typeof fetch>(() => Promise.resolve(new Response('<response/>', { status: 200 })));
  const practice = practiceLostAnswers(base, () => prefix);
  return { base, practice };
}

describe("the demo's practice switch for lost answers", () => {
  it('passes everything through while off', async () => {
    const { base, practice } = setUp();
    const response = await practice.fetch(`${prefix}/uitpas/passholder/register`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(base).toHaveBeenCalledTimes(1);
  });

  it('while on, sends a write to the demo and loses its answer: an outcome the app cannot know', async () => {
    const { base, practice } = setUp();
    practice.set(true);
    const failure = await practice.fetch(`${prefix}/uitpas/passholder/register`, { method: 'POST' }).catch((error: unknown) => error);
    expect(base).toHaveBeenCalledTimes(1);
    const mapped = transportFailure(failure, true);
    expect(mapped).toBeInstanceOf(UitpasUnreachableError);
    expect(mapped).toMatchObject({ outcomeUnknown: true });
  });

  it('never touches look-ups, logging in or another environment', async () => {
    const { base, practice } = setUp();
    practice.set(true);
    await expect(practice.fetch(`${prefix}/uitpas/retrieve?identification=1`)).resolves.toBeInstanceOf(Response);
    await expect(practice.fetch(`${prefix}/requestToken`, { method: 'POST' })).resolves.toBeInstanceOf(Response);
    await expect(practice.fetch('https://www.uitid.be/uitid/rest/uitpas/passholder/register', { method: 'POST' })).resolves.toBeInstanceOf(Response);
    expect(base).toHaveBeenCalledTimes(3);
  });
});
