/**
 * Where the counter's requests go. Demo runs the built-in simulator on this
 * computer (no keys, made-up data); the others are UiTiD's own environments.
 */
export const environmentNames = ['demo', 'test', 'acceptance', 'production'] as const;
export type EnvironmentName = (typeof environmentNames)[number];

export interface Environment {
  /** null for demo: the simulator's address is known once it runs. */
  prefix: string | null;
  /** What the environment calls a card replaced because it is defective ("REMOVAL" before 2020). */
  defectReason: 'DEFECT' | 'REMOVAL';
}

export const environments: Readonly<Record<EnvironmentName, Environment>> = {
  demo: { prefix: null, defectReason: 'DEFECT' },
  test: { prefix: 'https://test.uitid.be/uitid/rest', defectReason: 'DEFECT' },
  acceptance: { prefix: 'https://acc.uitid.be/uitid/rest', defectReason: 'DEFECT' },
  production: { prefix: 'https://www.uitid.be/uitid/rest', defectReason: 'DEFECT' },
};
