/**
 * The page's languages, Dutch the default. French is for the counters of
 * Brussels (and any Walloon partner) where staff and citizens speak French.
 * Pure, so the payload guards (which the page loads too) can use it.
 */
export const languages = ['nl', 'fr'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'nl';

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}
