/**
 * The demo environment's back end: the simulator runs in this process, on loopback, from its first use until
 * the app leaves demo; then it stops, and what it held (pass holders registered in practice, perhaps from a
 * real eID) goes with it. Its consumer secret is this run's and stays in this process.
 */
import type { SessionView } from '../ipc/contract';
import { startSimulator, type Simulator } from '../simulator/server';
import { practiceLostAnswers } from '../uitpas/practice-lost-answers';
import type { HttpTransport } from '../uitpas/transport';

export interface DemoEnvironment {
  /** The running simulator, started on first use. */
  simulator(): Promise<Simulator>;
  /** The network UiTPAS calls take: loses write answers on the demo while the practice switch is on. */
  fetch: HttpTransport;
  /** The practice switch for lost answers (demo:practiseLostAnswers). */
  practise(on: boolean): void;
  /** Stops the simulator when a session view says the app is no longer in demo. */
  leaveUnlessDemo(view: SessionView): Promise<SessionView>;
  stop(): Promise<void>;
}

export function demoEnvironment(options: { fetch?: HttpTransport; startDemoSimulator?: () => Promise<Simulator> }): DemoEnvironment {
  let running: Promise<Simulator> | undefined;
  /** The running demo's prefix: the only place the practice switch for lost answers acts on. */
  let prefix: string | undefined;
  const practice = practiceLostAnswers(options.fetch ?? fetch, () => prefix);
  const start = options.startDemoSimulator ?? (() => startSimulator());
  const stop = async () => {
    const stopping = running;
    running = undefined;
    prefix = undefined;
    await (await stopping?.catch(() => undefined))?.close();
  };
  return {
    simulator: () =>
      (running ??= start().then(
        (simulator) => {
          prefix = simulator.prefix;
          return simulator;
        },
        (error: unknown) => {
          running = undefined;
          throw error;
        },
      )),
    fetch: practice.fetch,
    practise: (on) => practice.set(on),
    leaveUnlessDemo: async (view) => {
      if (view.environment !== 'demo') await stop();
      return view;
    },
    stop,
  };
}
