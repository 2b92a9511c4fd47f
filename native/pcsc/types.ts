/** What the app knows about one card reader, as plain data that may cross IPC. */
export interface ReaderInfo {
  name: string;
  cardPresent: boolean;
}

/**
 * The PC/SC service as seen by the app. `unavailable` means pcscd (Linux) or the
 * Smart Card service (Windows) could not be reached; the watcher keeps retrying.
 */
export interface ReaderStatus {
  service: 'running' | 'unavailable';
  readers: ReaderInfo[];
}
