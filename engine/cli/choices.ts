// The fixed choices the command line offers, apart from the commands that act on them, so that parsing
// the command line loads no command's code.

/** `check --reporter`. */
export const REPORTERS = ['text', 'junit'] as const;
export type Reporter = (typeof REPORTERS)[number];

/** `explain --format`. */
export const EXPLAIN_FORMATS = ['text', 'json', 'md'] as const;

/** Debian's Chromium, which `report --pdf` prints through. */
export const CHROMIUM = '/usr/bin/chromium';
