import * as Plot from '@observablehq/plot';
import { findKpi } from '../../engine/index.ts';
import type { KpiId, MonteCarloResult } from '../../engine/index.ts';
import { asSvg, scenarioScale, type ChartDef, type DataRow } from './chart.ts';

/** The BDC's Minimum Acceptance Performance: 36 appointments per 100 leads (60% reached × 60% booked). */
export const APPOINTMENT_TARGET = 36;

export const FUNNEL_STAGES = ['Leads', 'Contacted', 'Appointment', 'Show', 'Sale'] as const;

export interface FunnelRow extends DataRow {
  readonly scenario: string;
  readonly stage: (typeof FUNNEL_STAGES)[number];
  /** Leads reaching the stage per 100 leads (mean over iterations). */
  readonly per100: number | null;
}

/**
 * The lead funnel per 100 leads from the lead KPIs (means over iterations): contacted = contact rate,
 * appointments = appointment rate, shows = appointment rate × show rate, sales = conversion rate.
 */
export function funnelRows(result: MonteCarloResult): FunnelRow[] {
  return result.scenarios.flatMap(({ name, summary }) => {
    const mean = (id: KpiId) => findKpi(summary.kpis, id)?.mean ?? null;
    const appointment = mean('leads.appointmentRate');
    const show = mean('leads.showRate');
    const per100 = (x: number | null) => (x === null ? null : x * 100);
    const values: Record<FunnelRow['stage'], number | null> = {
      Leads: mean('leads.count') === null ? null : 100,
      Contacted: per100(mean('leads.contactRate')),
      Appointment: per100(appointment),
      Show: appointment === null || show === null ? null : appointment * show * 100,
      Sale: per100(mean('leads.conversionRate')),
    };
    return FUNNEL_STAGES.map((stage) => ({ scenario: name, stage, per100: values[stage] }));
  });
}

export const funnelChart: ChartDef = {
  id: 'lead-funnel',
  title: 'Lead funnel, per 100 leads',
  caption:
    'Of every 100 leads: how many were reached, booked an appointment, showed and bought (means over iterations). The dashed line is the BDC target of 36 appointments per 100 leads.',
  height: 300,
  data: funnelRows,
  plots: (result, width) => {
    const rows = funnelRows(result);
    const names = result.scenarios.map((s) => s.name);
    return [
      {
        element: asSvg(
          Plot.plot({
            width,
            height: 300,
            marginLeft: 50,
            marginTop: 30,
            marginBottom: 36,
            style: { fontSize: '12px' },
            fx: { label: null, domain: [...FUNNEL_STAGES], padding: 0.12 },
            x: { axis: null, domain: names, paddingInner: 0.1 },
            y: { label: 'Per 100 leads', domain: [0, 100], grid: true },
            color: scenarioScale(result),
            marks: [
              Plot.barY(rows, { fx: 'stage', x: 'scenario', y: 'per100', fill: 'scenario' }),
              Plot.text(rows, {
                fx: 'stage',
                x: 'scenario',
                y: 'per100',
                text: (d: FunnelRow) => (d.per100 === null ? '' : d.per100.toFixed(d.per100 >= 10 ? 0 : 1)),
                dy: -7,
                fontSize: 11,
              }),
              Plot.ruleY([APPOINTMENT_TARGET], { stroke: '#111', strokeDasharray: '5,4', strokeWidth: 1.5 }),
              Plot.text([{ stage: 'Appointment', y: APPOINTMENT_TARGET }], {
                fx: 'stage',
                y: 'y',
                frameAnchor: 'right',
                textAnchor: 'end',
                text: () => `BDC target ${APPOINTMENT_TARGET}`,
                dy: -8,
                fontSize: 11,
                fontWeight: 'bold',
                fill: '#111',
                stroke: 'white',
                strokeWidth: 3,
                paintOrder: 'stroke',
              }),
              Plot.ruleY([0]),
            ],
          }),
        ),
      },
    ];
  },
};
