import type { ScanRoute } from '../flows/scan-route';
import { formatUitpasNumber } from '../format/numbers';
import { texts } from '../texts';

/** What a scan found when it opens no screen: what is wrong with the card, and what to do. */
export function ScanNotice({ outcome }: { outcome: Extract<ScanRoute, { to: 'refused' | 'unknown' }> }) {
  if (outcome.to === 'unknown') {
    return (
      <p className="notice warn" data-testid="scan-outcome">
        {outcome.chip ? texts.scan.unknownChip(outcome.identification) : texts.home.noResults}
      </p>
    );
  }
  const number = formatUitpasNumber(outcome.uitpasNumber);
  const refused = texts.scan.refused;
  const text = outcome.why === 'other-balie' ? refused['other-balie'](number, outcome.balieName ?? '') : refused[outcome.why](number);
  return (
    <p className="notice warn" data-testid="scan-outcome">
      {text}
    </p>
  );
}
