import { assertionLabel, observedText } from '../index.ts';
import type { CheckOutcome } from '../index.ts';

/**
 * The verdicts of `cyclecast check` as JUnit XML, the format CI systems (GitHub Actions reporters,
 * GitLab, Jenkins, Azure) display: one testsuite per scenario file, one testcase per assertion, a
 * failure carrying the observed value, its confidence interval and why it failed. No timings, so the
 * same inputs give byte-identical XML.
 * @param vsNames the name of each compared scenario by its path, for readable test names
 */
export function renderJUnit(outcome: CheckOutcome, vsNames: ReadonlyMap<string, string> = new Map()): string {
  const total = outcome.passed + outcome.failed;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cyclecast check" tests="${total}" failures="${outcome.failed}" errors="0">`,
  ];
  for (const { scenario, verdicts, settings } of outcome.scenarios) {
    const failures = verdicts.filter((v) => !v.passed).length;
    lines.push(
      `  <testsuite name="${attr(scenario.file)}" tests="${verdicts.length}" failures="${failures}" errors="0" skipped="0">`,
      '    <properties>',
      `      <property name="scenario" value="${attr(scenario.name)}"/>`,
      `      <property name="iterations" value="${settings.iterations}"/>`,
      `      <property name="horizonMonths" value="${settings.horizonMonths}"/>`,
      `      <property name="seed" value="${settings.seed}"/>`,
      '    </properties>',
    );
    for (const verdict of verdicts) {
      const { expectation } = verdict;
      const vsName = expectation.kind === 'paired' ? vsNames.get(expectation.vs) : undefined;
      const name = assertionLabel(expectation, vsName);
      const observed = observedText(verdict);
      const details = [
        `${verdict.passed ? 'PASS' : 'FAIL'}  ${name}`,
        `observed: ${observed}`,
        `${verdict.passed ? 'holds' : 'fails'}: ${verdict.reason}`,
        ...(expectation.description ? [`claim: ${expectation.description}`] : []),
        `at: ${scenario.file} /expect/${expectation.index}`,
      ].join('\n');
      lines.push(
        `    <testcase classname="${attr(scenario.name)}" name="${attr(name)}" file="${attr(scenario.file)}">`,
      );
      if (verdict.passed) {
        lines.push(`      <system-out>${text(details)}</system-out>`);
      } else {
        lines.push(
          `      <failure type="ExpectationFailed" message="${attr(`${observed}: ${verdict.reason}`)}">${text(details)}</failure>`,
        );
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

/**
 * Text content for XML 1.0: markup characters escaped, and characters XML cannot carry at all (C0
 * controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) written as visible `\uXXXX`,
 * so any scenario name or description gives well-formed XML.
 * @example text('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function text(value: string): string {
  return visible(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** An attribute value: as {@link text}, with tab and line breaks as character references (parsers would fold them to spaces). */
export function attr(value: string): string {
  return text(value).replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function visible(value: string): string {
  const escape = (ch: string) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, escape)
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, escape)
  );
}
