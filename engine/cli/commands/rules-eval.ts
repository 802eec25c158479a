import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  compileRuleSet,
  createReferenceEngine,
  formatProblem,
  frameFromFacts,
  loadRuleSet,
} from '../../index.ts';
import type { RuleEvent } from '../../index.ts';
import { UserError } from '../errors.ts';
import { readText, type CliIo } from '../io.ts';

export type EngineChoice = 'compiled' | 'reference';

/**
 * `cyclecast rules eval RULESET [--facts FILE|-] [--engine compiled|reference]`: one output line of fired
 * events per input line of facts, in json-rules-engine's order, with the decision the hit policy takes. A bad line yields `{"error": …}` and the
 * following lines go on; the exit code is 1 when any line failed.
 */
export async function rulesEvalCommand(
  ruleSetFile: string,
  options: { facts?: string; engine?: string },
  io: CliIo,
): Promise<number> {
  const engineChoice = options.engine ?? 'compiled';
  if (engineChoice !== 'compiled' && engineChoice !== 'reference') {
    throw new UserError(`invalid --engine "${engineChoice}": expected compiled or reference`);
  }
  const { ruleSet, problems } = loadRuleSet(await readText(ruleSetFile, io.stdin), ruleSetFile);
  if (!ruleSet)
    throw new UserError(
      problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n'),
    );

  const policy = compileRuleSet(ruleSet);
  const reference = engineChoice === 'reference' ? createReferenceEngine(ruleSet) : undefined;
  const fired = new Int32Array(policy.rules.length);
  const evaluate = async (facts: Record<string, unknown>): Promise<readonly RuleEvent[]> => {
    const checked = frameFromFacts(policy, facts);
    if ('error' in checked) throw new LineError(checked.error);
    if (reference) return reference.run(facts);
    const count = policy.fire(checked.frame, fired);
    const events: RuleEvent[] = [];
    for (let i = 0; i < count; i++) events.push(policy.rules[fired[i]!]!.event);
    return events;
  };

  let failures = 0;
  let lineNo = 0;
  for await (const line of lines(options.facts ?? '-', io.stdin)) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      const facts = parseFactsLine(line);
      const events = await evaluate(facts);
      // `events` is json-rules-engine's answer; `decision` is what the simulator carries out under the hit policy.
      const decision = ruleSet.hitPolicy === 'first' ? events.slice(0, 1) : events;
      io.stdout(JSON.stringify({ events, decision }) + '\n');
    } catch (error) {
      if (!(error instanceof LineError)) throw error;
      failures++;
      io.stdout(JSON.stringify({ error: `line ${lineNo}: ${error.message}` }) + '\n');
    }
  }
  if (failures > 0) io.stderr(`${failures} of ${lineNo} lines had errors\n`);
  return failures > 0 ? 1 : 0;
}

class LineError extends Error {}

function parseFactsLine(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new LineError(`invalid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LineError('invalid facts: expected a JSON object of facts, one per line');
  }
  return value as Record<string, unknown>;
}

async function* lines(file: string, stdin: Readable): AsyncGenerator<string> {
  let input: Readable;
  if (file === '-') input = stdin;
  else {
    await readText(file); // turns a missing or unreadable file into a plain UserError before streaming
    input = createReadStream(file, 'utf8');
  }
  yield* createInterface({ input, crlfDelay: Infinity });
}
