import { useCallback, useEffect, useRef, useState } from 'react';
import type { SupportReport } from '../../electron/ipc/contract';
import { useApp } from '../context';
import { texts } from '../texts';

/**
 * "Hulp bij problemen": what IT or publiq's helpdesk asks first, on one screen, and as text for a ticket.
 * Putting a card in a reader while it is open is the reader test: the read shows here (kind, APDUs, time).
 */
export function SupportScreen() {
  const { api, store } = useApp();
  const { readers, card, readFailure } = store();
  const [answer, setAnswer] = useState<{ report: SupportReport; text: string }>();
  const [trying, setTrying] = useState(false);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (probe: boolean) => {
      if (probe) setTrying(true);
      const result = await api.getSupportReport({ probe });
      if (probe) setTrying(false);
      if (result.ok) setAnswer(result.value);
    },
    [api],
  );
  useEffect(() => {
    heading.current?.focus();
    void load(true);
  }, [load]);
  // A card put in or taken out (the reader test): the new read shows without trying the network again.
  useEffect(() => {
    void load(false);
  }, [readers, card, readFailure, load]);

  const copy = async () => {
    const result = await api.getSupportReport({ copy: true });
    if (!result.ok) return;
    // The app's main process copies; in the browser host the page does it itself.
    if (!result.value.copied) await navigator.clipboard.writeText(result.value.text);
    setCopied(true);
  };

  const report = answer?.report;
  return (
    <main className="support" data-testid="support">
      <h2 ref={heading} tabIndex={-1}>
        {texts.support.title}
      </h2>
      <div className="actions support-actions">
        <button type="button" className="primary" disabled={!report} onClick={() => void copy()}>
          {texts.support.copy}
        </button>
        <button type="button" disabled={trying} onClick={() => void load(true)}>
          {trying ? texts.busy : texts.support.tryAgain}
        </button>
        <button type="button" onClick={() => void store.go({ name: 'home' })}>
          {texts.session.back}
        </button>
        {copied && <span role="status">{texts.support.copied}</span>}
      </div>
      {!report ? (
        <p>{texts.loading}</p>
      ) : (
        <div className="support-grid">
          <section className="panel" aria-labelledby="support-app">
            <h3 id="support-app">{texts.support.app}</h3>
            <dl className="facts">
              <dt>{texts.support.version}</dt>
              <dd data-testid="support-version">{report.app.version}</dd>
              <dt>{texts.support.versions}</dt>
              <dd>
                Electron {report.versions.electron ?? '–'}, Chromium {report.versions.chromium ?? '–'}, Node {report.versions.node}
              </dd>
              <dt>{texts.support.os}</dt>
              <dd>{report.versions.os}</dd>
              <dt>{texts.session.environment}</dt>
              <dd>{texts.environments[report.environment]}</dd>
              <dt>{texts.support.login}</dt>
              <dd>{report.login === 'uitid-v2' ? 'UiTiD v2' : 'UiTiD v1'}</dd>
              <dt>{texts.support.policy}</dt>
              <dd>
                <code>{report.policy.file || '–'}</code> ({texts.support.policyStatus[report.policy.status]})
              </dd>
            </dl>
            {report.policy.ignored.length > 0 && (
              <>
                <h3>{texts.support.ignoredKeys}</h3>
                <ul className="plain" data-testid="support-ignored">
                  {report.policy.ignored.map((entry) => (
                    <li key={`${entry.origin}-${entry.level}-${entry.key}`}>
                      <code>{entry.key}</code>: {texts.support.ignoredProblems[entry.problem]}
                      {entry.level === 'recommended' && ` (${texts.support.recommendedLevel})`}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <dl className="facts">
              <dt>{texts.support.proxyInForce}</dt>
              <dd data-testid="support-proxy">
                <code>{report.proxy.mode}</code> ({texts.support.proxySources[report.proxy.source]})
              </dd>
              {!report.updates && (
                <>
                  <dt>{texts.support.updates}</dt>
                  <dd data-testid="support-updates">{texts.support.noUpdater}</dd>
                </>
              )}
              {report.updates && (
                <>
                  <dt>{texts.support.updates}</dt>
                  <dd data-testid="support-updates">
                    {texts.support.updateModes[report.updates.mode]}; {texts.support.installers[report.updates.installer]}; {report.updates.channel}
                    {report.updates.targetVersion && ` ≤ ${report.updates.targetVersion}`}
                  </dd>
                  <dt>{texts.support.lastCheck}</dt>
                  <dd>{report.updates.lastCheck ? `${report.updates.lastCheck.at.slice(0, 16).replace('T', ' ')} ${report.updates.lastCheck.outcome}` : texts.support.neverChecked}</dd>
                </>
              )}
            </dl>
            <h3>{texts.support.settings}</h3>
            <ul className="plain" data-testid="support-sources">
              {Object.entries(report.sources).map(([key, source]) => (
                <li key={key}>
                  <code>{key}</code>
                  {texts.colon}
                  {texts.support.sources[source]}
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="support-readers">
            <h3 id="support-readers">{texts.support.readers}</h3>
            {report.readerService === 'unavailable' && <p className="notice warn">{texts.eidCauses['pcsc-unavailable']}</p>}
            <ul className="plain" data-testid="support-readers">
              {report.readers.map((reader) => (
                <li key={reader.name}>
                  {reader.name} – {texts.support.roles[reader.role]} – {reader.cardPresent ? texts.support.cardPresent : texts.support.empty}
                </li>
              ))}
            </ul>
            <p className="muted">{texts.support.readerTest}</p>
            <ul className="plain" data-testid="support-reads">
              {report.reads.map((read) => (
                <li key={`${read.reader}-${read.at}`}>
                  {read.reader}
                  {texts.colon}
                  {texts.support.cardKinds[read.cardKind]}, {read.apdus === null ? texts.support.noApdus : texts.support.apdus(read.apdus)}, {read.ms} ms,{' '}
                  {read.outcome === 'read' ? texts.support.readOk : read.outcome === 'ignored' ? texts.support.ignored : texts.eidCauses[read.outcome]}
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="support-network">
            <h3 id="support-network">{texts.support.network}</h3>
            {report.network.length === 0 && <p>{trying ? texts.busy : texts.support.notTried}</p>}
            <ul className="plain" data-testid="support-network">
              {report.network.map((probe) => (
                <li key={probe.target}>
                  <strong>{probe.target === 'uitpas' ? 'UiTPAS' : 'UiTiD'}</strong>:{' '}
                  {probe.reachable ? texts.support.reachable(probe.latencyMs ?? 0) : texts.support.unreachable(probe.failure ?? '?')}; {texts.labelled(texts.support.proxy, probe.proxy)}
                  {probe.clockOffsetSeconds !== undefined && `; ${texts.support.clock(probe.clockOffsetSeconds)}`}
                </li>
              ))}
            </ul>
            <h3>{texts.support.failures}</h3>
            {report.failures.length === 0 ? (
              <p className="muted">{texts.support.noFailures}</p>
            ) : (
              <ul className="plain" data-testid="support-failures">
                {report.failures.map((failure) => (
                  <li key={`${failure.at}-${failure.channel}`}>
                    {failure.at.slice(11, 19)} <code>{failure.code}</code>
                    {failure.detail && <> ({failure.detail})</>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </main>
  );
}
