import type { UnresolvedTap } from '../flows/registration';
import { ErrorNotice } from './ErrorNotice';
import { ScanNotice } from './ScanNotice';

/** A card tapped or scanned into an open form that UiTPAS does not know, or whose look-up failed: said beside the card field. */
export function UnresolvedTapNotice({ tap }: { tap: UnresolvedTap | null }) {
  return (
    <div aria-live="polite">
      {tap &&
        ('error' in tap ? (
          <ErrorNotice key={tap.id} error={tap.error} takeFocus={false} />
        ) : (
          <ScanNotice key={tap.id} outcome={{ to: 'unknown', identification: tap.unknown, chip: tap.chip }} />
        ))}
    </div>
  );
}
