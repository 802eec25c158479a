import { draftNameProblem } from '../../lib/workspace.ts';

/**
 * A free name for a new edited scenario: `<base>-edited`, then `-2`, `-3`…
 * @example suggestDraftName('tcm', 'scenarios/tcm.json', ['scenarios/tcm-edited.json']) // 'tcm-edited-2'
 */
export function suggestDraftName(baseName: string, base: string, existing: readonly string[]): string {
  const stem =
    `${baseName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '') || 'scenario'}-edited`.slice(
      0,
      52,
    );
  for (let n = 1; ; n++) {
    const name = n === 1 ? stem : `${stem}-${n}`;
    if (draftNameProblem(name, base, existing) === undefined) return name;
  }
}
