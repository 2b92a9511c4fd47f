import type { ReaderStatus } from '../../electron/ipc/contract';

/**
 * What is wrong with the card readers, as a code: the counter reads only what
 * to do (ask the IT service); the support screen words the code with its
 * technical detail per operating system (start pcscd, the Windows Smart Card
 * service, re-plugging the reader on macOS).
 */
export type ReaderProblemCode = `pcsc-service-down-${string}`;

export function readerProblemCode(status: ReaderStatus, platform: string): ReaderProblemCode | null {
  return status.service === 'unavailable' ? `pcsc-service-down-${platform}` : null;
}
