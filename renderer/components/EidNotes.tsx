import type { PassholderForm } from '../form/passholder-form';
import { texts } from '../texts';

/** Under the identity fields: how far to trust what the eID filled in, and what it could not give. */
export function EidNotes({ form }: { form: PassholderForm }) {
  // No second first name is normal, not something to ask for.
  const missing = form.notFromEid.filter((field) => field !== 'secondName' && !form.values[field]).map((field) => texts.fields[field]?.toLowerCase() ?? field);
  return (
    <>
      {form.eidTrust === 'unverified' && form.fromEid.size > 0 && (
        <p className="notice warn" data-testid="eid-unverified">
          {texts.eid.unverifiedNext}
        </p>
      )}
      {form.eidReadId && missing.length > 0 && (
        <p className="notice info" data-testid="eid-missing">
          {texts.eid.notOnCard(missing.join(', '))}
        </p>
      )}
    </>
  );
}
