import { describeValue } from '../json/describe.ts';
import type { JsonDocument } from '../json/document.ts';
import { joinPointer, locatedIn, valueProblem, type Problem, type ValueProblem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import { MEASURES, type MeasureId } from './measures.ts';
import { TARGETS, type CalibrationTarget } from './targets.ts';
import { numericPaths } from './world-path.ts';

/*
 * A targets file (`cyclecast calibrate --targets FILE`) changes declared targets by id:
 *   { "targets": { "renewal": { "value": 0.52, "source": "…" } } }
 * A target's keys are those of targets.ts; a changed value or measure needs its own source, so no
 * figure reaches the defaults without one. Problems are located in the file.
 */

const KEYS = ['measure', 'value', 'source', 'parameter', 'bracket', 'tolerance'] as const;

/** The declared targets with the file's changes, or every problem found (located in the file). */
export function applyTargetFile(
  doc: JsonDocument,
  declared: readonly CalibrationTarget[] = TARGETS,
): { targets: CalibrationTarget[]; problems: Problem[] } {
  const syntax = doc.problems.filter((p) => p.severity === 'error');
  if (syntax.length > 0) return { targets: [], problems: syntax };
  const problems: ValueProblem[] = [];
  const targets = declared.map(
    (t) => ({ ...t }) as { -readonly [K in keyof CalibrationTarget]: CalibrationTarget[K] },
  );
  const root = doc.value;
  if (!isObject(root) || !isObject(root['targets'])) {
    problems.push(
      valueProblem(
        isObject(root) ? '/targets' : '',
        `invalid targets file: expected an object {"targets": {ID: {…}}}, got ${describeValue(root)}`,
        `targets: ${declared.map((t) => t.id).join(', ')}`,
      ),
    );
    return located();
  }
  for (const key of Object.keys(root)) {
    if (key !== 'targets' && key !== '$schema') {
      problems.push(valueProblem(`/${key}`, `unknown property "${key}": a targets file holds "targets"`));
    }
  }
  const ids = declared.map((t) => t.id);
  const domains = numericPaths();
  for (const [id, change] of Object.entries(root['targets'])) {
    const at = joinPointer('/targets', id);
    const target = targets.find((t) => t.id === id);
    if (target === undefined) {
      problems.push(
        valueProblem(
          at,
          `unknown target ${describeValue(id)}: expected one of ${ids.join(', ')}`,
          didYouMean(id, ids),
        ),
      );
      continue;
    }
    if (!isObject(change)) {
      problems.push(
        valueProblem(at, `invalid target "${id}": expected an object, got ${describeValue(change)}`),
      );
      continue;
    }
    for (const [key, value] of Object.entries(change)) {
      const p = joinPointer(at, key);
      switch (key) {
        case 'measure':
          if (!(MEASURES as readonly unknown[]).includes(value)) {
            problems.push(
              valueProblem(
                p,
                `invalid measure: expected one of ${MEASURES.join(', ')}, got ${describeValue(value)}`,
                didYouMean(String(value), MEASURES),
              ),
            );
          } else target.measure = value as MeasureId;
          break;
        case 'value':
          if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
            problems.push(
              valueProblem(p, `invalid value: expected a fraction 0–1, got ${describeValue(value)}`),
            );
          } else target.value = value;
          break;
        case 'source':
          if (typeof value !== 'string' || value.trim() === '') {
            problems.push(
              valueProblem(
                p,
                `invalid source: expected where the figure comes from, e.g. "calibration B: Household brand loyalty 51 (50–55) %", got ${describeValue(value)}`,
              ),
            );
          } else target.source = value;
          break;
        case 'parameter':
          if (typeof value !== 'string' || !domains.has(value)) {
            problems.push(
              valueProblem(
                p,
                `invalid parameter: expected the path of one number of the world, got ${describeValue(value)}`,
                didYouMean(String(value), domains.keys()),
              ),
            );
          } else target.parameter = value;
          break;
        case 'bracket':
          if (
            !Array.isArray(value) ||
            value.length !== 2 ||
            !value.every((x) => typeof x === 'number' && Number.isFinite(x)) ||
            !(value[0] < value[1])
          ) {
            problems.push(
              valueProblem(
                p,
                `invalid bracket: expected [low, high], two numbers with low < high, got ${describeValue(value)}`,
              ),
            );
          } else target.bracket = [value[0] as number, value[1] as number];
          break;
        case 'tolerance':
          if (typeof value !== 'number' || !(value > 0 && value < 1)) {
            problems.push(
              valueProblem(
                p,
                `invalid tolerance: expected a fraction above 0 and below 1, got ${describeValue(value)}`,
              ),
            );
          } else target.tolerance = value;
          break;
        default:
          problems.push(
            valueProblem(
              p,
              `unknown property ${describeValue(key)} of target "${id}": expected ${KEYS.join(', ')}`,
              didYouMean(key, KEYS),
            ),
          );
      }
    }
    if (('value' in change || 'measure' in change) && !('source' in change)) {
      problems.push(
        valueProblem(
          at,
          `invalid target "${id}": a changed value or measure needs its "source"`,
          'add "source": where the figure comes from',
        ),
      );
    }
    // The bracket as changed, against the parameter as changed: either may have moved.
    const domain = domains.get(target.parameter);
    if (domain !== undefined && ('bracket' in change || 'parameter' in change)) {
      const [low, high] = target.bracket;
      if (low < domain.lo || high > domain.hi) {
        problems.push(
          valueProblem(
            joinPointer(at, 'bracket' in change ? 'bracket' : 'parameter'),
            `invalid bracket: [${low}, ${high}] leaves "${target.parameter}"'s domain [${domain.lo}, ${domain.hi}] (${domain.unit})`,
            'bracket' in change ? undefined : 'give a "bracket" inside the new parameter’s domain',
          ),
        );
      }
    }
  }
  return located();

  function located(): { targets: CalibrationTarget[]; problems: Problem[] } {
    const found = problems.map((p) => {
      const { line, column } = doc.locate(p.pointer);
      return locatedIn(p, doc.file, line, column);
    });
    return { targets: found.length > 0 ? [] : targets, problems: found };
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
