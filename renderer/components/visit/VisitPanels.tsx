import { useApp } from '../../context';
import { ActivitiesPanel } from './ActivitiesPanel';
import { AdvantagesPanel } from './AdvantagesPanel';
import { HistoryPanel } from './HistoryPanel';
import { VisitSide } from './VisitSide';

/** The visit's main panels (history when open, activities, advantages) for the pass holder or group pass on screen. */
export function VisitPanels() {
  const { store } = useApp();
  const visit = store((state) => state.visit);
  if (!visit) return null;
  return (
    <>
      {visit.history && <HistoryPanel visit={visit} />}
      <ActivitiesPanel key={visit.id} visit={visit} />
      <AdvantagesPanel visit={visit} />
    </>
  );
}

/** The visit's side panel: balance, "Historiek", "Bonnen". */
export function VisitSidePanel() {
  const { store } = useApp();
  const visit = store((state) => state.visit);
  return visit ? <VisitSide visit={visit} /> : null;
}
