import type { EidCard, Passholder } from '../../electron/ipc/contract';
import { normaliseInsz } from '../../electron/rules/insz';
import { addressDiffers, type EidDifference } from '../form/eid-differences';
import { texts } from '../texts';

/** The pass holder's own eID, when one is in a reader. */
export function ownEid(holder: Passholder, card: EidCard | undefined): EidCard | null {
  return card && holder.inszNumber && normaliseInsz(card.prefill.inszNumber) === normaliseInsz(holder.inszNumber) ? card : null;
}

/** On the pass holder's screen with their own eID in: said when the eID's address is not the one UiTPAS has. */
export function EidAddressNotice({ holder, card }: { holder: Passholder; card: EidCard | undefined }) {
  const own = ownEid(holder, card);
  if (!own || !addressDiffers(holder, own)) return null;
  const address = `${own.prefill.street}, ${own.prefill.postalCode} ${own.prefill.city}`;
  return (
    <p className="notice warn" data-testid="eid-address-differs">
      {texts.passholder.eidAddressDiffers(address)}
    </p>
  );
}

/** What taking the eID's data over changed, old → new per field, so the counter sees it before saving. */
export function EidChangeList({ changes }: { changes: readonly EidDifference[] }) {
  if (changes.length === 0) return <p className="hint">{texts.passholder.eidNoChanges}</p>;
  return (
    <div className="notice info" data-testid="eid-changes">
      <p>{texts.passholder.eidChanges}</p>
      <ul className="changes">
        {changes.map((change) => (
          <li key={change.field}>{texts.labelled(texts.fields[change.field] ?? change.field, `${change.old || '—'} → ${change.new}`)}</li>
        ))}
      </ul>
    </div>
  );
}
