import { cut } from './describe.ts';

/** One problem in a user's file, located for a person and for an editor. */
export interface Problem {
  readonly file: string;
  /** 1-based line and column of the offending value; 0 when `file` is a command-line option (`--set …`). */
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
 * A problem found in a value before its place in a file is known (a world, a portfolio, run settings
 * checked as plain JSON): the loader that holds the file locates it ({@link locatedIn}).
 */
export type ValueProblem = Omit<Problem, 'file' | 'line' | 'column'>;

/** An error at `pointer`; `message` reads `invalid X: what is wrong, what was expected`. */
export function valueProblem(pointer: string, message: string, hint?: string): ValueProblem {
  return { pointer, severity: 'error', message, ...(hint ? { hint } : {}) };
}

/** A value problem placed in `file` at `line`:`column`. */
export function locatedIn(p: ValueProblem, file: string, line: number, column: number): Problem {
  return { file, line, column, ...p };
}

/**
 * `file:line:column  /json/pointer  message`: one line per problem (docs/design.md §5, located
 * problems), then, for a file reached through another, one `  reached from file:line:column  /pointer`
 * line per step.
 */
export function formatProblem(p: Problem): string {
  const origins = (p.reachedFrom ?? []).map((o) => `\n  reached from ${place(o)}`).join('');
  // Line 0: a value given on the command line (`--set PATH=VALUE`), which the "file" names.
  if (p.line === 0) return `${p.file}: ${messageText(p)}${origins}`;
  return `${p.file}:${p.line}:${p.column}  ${formatValueProblem(p)}${origins}`;
}

/** `/json/pointer  message (hint)`: a problem without a file, e.g. of a world passed in code. */
export function formatValueProblem(p: ValueProblem): string {
  return `${pointerText(p.pointer)}  ${messageText(p)}`;
}

/** `warning: message (hint)`: what is wrong, without where. */
function messageText(p: ValueProblem): string {
  const level = p.severity === 'warning' ? 'warning: ' : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${level}${p.message}${hint}`;
}

/** The first line of `formatProblem`: the same problem reached along two paths is one problem. */
export function problemKey(p: Problem): string {
  return formatProblem({ ...p, reachedFrom: [] });
}

function place(p: ProblemOrigin): string {
  return `${p.file}:${p.line}:${p.column}  ${pointerText(p.pointer)}`;
}

function pointerText(pointer: string): string {
  return pointer === '' ? '/' : escapeControls(shortenPointer(pointer));
}

/** A pointer may hold a key of megabytes; each token is shown cut to a readable length. */
function shortenPointer(pointer: string): string {
  return pointer
    .split('/')
    .map((token) => cut(token))
    .join('/');
}

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
