/** Every text the counter employee reads, in one place (Dutch first; French can follow). */
export const texts = {
  appTitle: 'UiTPAS Balie',
  version: (version: string) => `versie ${version}`,
  browserHostBadge: 'browser (ontwikkeling)',
  loading: 'Even geduld…',
  readers: {
    title: 'Kaartlezers',
    none: 'Geen kaartlezer gevonden. Sluit een kaartlezer aan.',
    cardPresent: 'kaart aanwezig',
    noCard: 'geen kaart',
    serviceDown: 'De kaartlezerdienst (PC/SC) is niet bereikbaar. De app probeert het zelf opnieuw.',
    serviceHelp: {
      linux: 'Start de dienst met: sudo systemctl start pcscd',
      win32: 'Controleer in Windows of de dienst "Smartcard" draait.',
      darwin: 'Koppel de kaartlezer los en weer aan.',
    } as Readonly<Record<string, string>>,
  },
} as const;
