/**
 * The BEID files the app reads, one entry per file (commons-eid's FileType idea).
 * Paths leave out the MF (3F00): SELECT with P1=08 takes the path below it.
 */
export interface CardFile {
  readonly label: string;
  /** File identifiers below 3F00, e.g. [0xdf01, 0x4031]. */
  readonly path: readonly number[];
}

export const CardFiles = {
  identity: { label: 'identity', path: [0xdf01, 0x4031] },
  identitySignature: { label: 'identity signature', path: [0xdf01, 0x4032] },
  address: { label: 'address', path: [0xdf01, 0x4033] },
  addressSignature: { label: 'address signature', path: [0xdf01, 0x4034] },
  photo: { label: 'photo', path: [0xdf01, 0x4035] },
  rrnCertificate: { label: 'RRN certificate', path: [0xdf00, 0x503c] },
} as const satisfies Record<string, CardFile>;

export type CardFileName = keyof typeof CardFiles;

/** The BEID Java Card applet; selecting it is only needed when it is not the default. */
export const beidAppletAid = Buffer.from('a00000003029057000ad13100101ff', 'hex');
