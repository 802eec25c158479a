/** One problem in a user's file, located for a person and for an editor. */
export interface Problem {
  readonly file: string;
  /** 1-based line and column of the offending value. */
  readonly line: number;
  readonly column: number;
  /** RFC 6901 JSON pointer to the offending value ('' for the whole document). */
  readonly pointer: string;
  readonly severity: 'error' | 'warning';
  /** `invalid X: Y` style, saying what was expected. */
  readonly message: string;
  /** What to do about it, where one helps: 'did you mean "monthsToEnd"?'. */
  readonly hint?: string;
  /**
   * For a file reached through another (a scenario's `extends`, its rule-set paths): where it was
   * named, nearest first, so a problem in a shared file also says which scenario led there.
   */
  readonly reachedFrom?: readonly ProblemOrigin[];
}

/** The place that named a file: `scenarios/x.json:3:14  /extends`. */
export interface ProblemOrigin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly pointer: string;
}

/**
 * `file:line:column  /json/pointer  message` — one line per problem (DESIGN §5), then, for a file
 * reached through another, one `  reached from file:line:column  /pointer` line per step.
 */
export function formatProblem(p: Problem): string {
  const level = p.severity === 'warning' ? 'warning: ' : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  const origins = (p.reachedFrom ?? []).map((o) => `\n  reached from ${place(o)}`).join('');
  return `${place(p)}  ${level}${p.message}${hint}${origins}`;
}

/** The first line of `formatProblem`: the same problem reached along two paths is one problem. */
export function problemKey(p: Problem): string {
  return formatProblem({ ...p, reachedFrom: [] });
}

function place(p: ProblemOrigin): string {
  const pointer = p.pointer === '' ? '/' : escapeControls(shortenPointer(p.pointer));
  return `${p.file}:${p.line}:${p.column}  ${pointer}`;
}

/** A pointer may hold a key of megabytes; each token is shown cut to a readable length. */
function shortenPointer(pointer: string): string {
  if (pointer.length <= MAX_TOKEN_SHOWN) return pointer;
  return pointer
    .split('/')
    .map((token) => (token.length > MAX_TOKEN_SHOWN ? token.slice(0, MAX_TOKEN_SHOWN - 1) + '…' : token))
    .join('/');
}

const MAX_TOKEN_SHOWN = 60;

/** A pointer may hold any key, line breaks included; the report stays one line per problem. */
function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (ch) =>
    ch === '\n'
      ? '\\n'
      : ch === '\r'
        ? '\\r'
        : ch === '\t'
          ? '\\t'
          : '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}

/** Escapes one JSON-pointer reference token (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => '/' + pointerToken(t)).join('');
}
