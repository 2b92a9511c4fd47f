import { useState } from 'react';
import { useApp } from '../context';
import { texts } from '../texts';

const people = { jonas: 'Jonas Vermeulen (Gent)', zoe: 'Zoë Lambrecht (Liège)', lukas: 'Lukas Schmitz (Eupen)', aylin: 'Aylin Kaya (Antwerpen)' } as const;
type Person = keyof typeof people;

/** Demo environment only: puts a made-up person's card in the demo reader, through the real read path. */
export function DemoEidControl() {
  const { api, store } = useApp();
  const { session, card } = store();
  const [person, setPerson] = useState<Person>('jonas');
  if (session?.environment !== 'demo') return null;
  const demoCardIn = card?.reader.startsWith('Demo-eID') ?? false;
  return (
    <section className="panel demo" aria-labelledby="demo-title">
      <h2 id="demo-title">
        {texts.demo.title} <span className="badge warn">{texts.demo.badge}</span>
      </h2>
      <p className="muted">{texts.demo.explain}</p>
      <p className="muted" data-testid="demo-real-cards">
        {texts.demo.realCards}
      </p>
      <label htmlFor="demo-person">{texts.demo.person}</label>
      <select id="demo-person" value={person} onChange={(event) => setPerson(event.target.value as Person)}>
        {Object.entries(people).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
      <div className="actions">
        <button type="button" onClick={() => void api.insertDemoCard({ person })}>
          {texts.demo.insert}
        </button>
        <button type="button" onClick={() => void api.insertDemoCard({ person, forged: true })}>
          {texts.demo.forged}
        </button>
        {demoCardIn && (
          <button type="button" onClick={() => void api.removeDemoCard()}>
            {texts.demo.remove}
          </button>
        )}
      </div>
    </section>
  );
}
