/**
 * Splits an RFC 6901 JSON pointer into its unescaped reference tokens.
 * Returns undefined for a string that is not a pointer (non-empty and not starting with '/').
 * @example parsePointer('/rules/0/a~1b') // ['rules', '0', 'a/b']
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}
