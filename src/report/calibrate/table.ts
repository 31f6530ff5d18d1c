/** `calibrate --format table`: each target, how close it came, and the value found for it. */
import type { Calibration, PairResult } from '../../analysis/calibrate.js';
import { formatCount, formatPoints } from '../../format/number.js';
import { formatMetric } from '../compare/metric-value.js';
import { terminalText as t } from '../sanitize/index.js';
import { plainStyle, type Style } from '../style.js';
import { headedTable } from '../terminal-table.js';
import type { Formatter } from '../formatter.js';
import type { CalibrationModel } from './model.js';

/** `tiers.Gold.share = 10.0%` */
export function targetText(r: PairResult, currency: string): string {
  return `${r.target.metric.name} ${r.target.op} ${formatMetric(r.target.metric.kind, r.target.value, currency)}`;
}

/** `tiers.Gold.min_points 2,500 → 3,117`, or `× 0.87 on 32 values` for a scale. */
export function changeText(r: PairResult): string {
  if (r.parameter.scale) return `× ${r.found.toFixed(4)} on ${formatCount(r.values.length)} value${r.values.length === 1 ? '' : 's'}`;
  return r.values.map((v) => `${v.path} ${formatPoints(v.from)} → ${formatPoints(v.to)}`).join('; ');
}

export function renderCalibrationTable(program: string, calibration: Calibration, currency: string, style: Style = plainStyle): string {
  const head = `${style.bold(t(program))}: calibrated in ${formatCount(calibration.replays)} replays (${calibration.rounds} round${calibration.rounds === 1 ? '' : 's'})`;
  const body = headedTable(
    style,
    ['Target', 'Achieved', 'Met', 'Change'],
    calibration.pairs.map((r) => [
      t(targetText(r, currency)),
      formatMetric(r.target.metric.kind, r.achieved, currency),
      r.neighbour !== undefined ? style.green('closest') : r.met ? style.green('yes') : style.red('no'),
      t(changeText(r)),
    ]),
    ['left', 'right', 'left', 'left'],
  );
  const scaled = calibration.pairs.filter((r) => r.parameter.scale).flatMap((r) => r.values);
  const lines = [head, body];
  if (scaled.length > 0) lines.push(headedTable(style, ['Value', 'As written', 'Calibrated'], scaled.map((v) => [t(v.path), formatPoints(v.from), formatPoints(v.to)]), ['left', 'right', 'right']));
  for (const r of calibration.pairs) {
    if (r.neighbour === undefined) continue;
    const kind = r.target.metric.kind;
    const name = r.parameter.scale ? '× ' : `${r.values[0]?.path ?? ''} `;
    const at = (v: number): string => (r.parameter.scale ? v.toFixed(4) : formatPoints(v));
    lines.push(
      t(
        `${targetText(r, currency)}: no value gives it exactly; ${name}${at(r.parameter.scale ? r.found : (r.values[0]?.to ?? r.found))} gives ${formatMetric(kind, r.achieved, currency)}, ${name}${at(r.neighbour.value)} gives ${formatMetric(kind, r.neighbour.metric, currency)}.`,
      ),
    );
  }
  const missed = calibration.pairs.filter((r) => !r.met);
  if (missed.length > 0) {
    lines.push(
      style.red(
        `Not met: ${missed.map((r) => t(targetText(r, currency))).join('; ')}. The values above are the closest the search reached (the targets bind one another, or no value of the parameter reaches them).`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const calibrationTableFormat: Formatter<CalibrationModel> = {
  description: 'for a terminal',
  mediaType: 'text/plain',
  terminal: true,
  render: (m, { style }) => renderCalibrationTable(m.program, m.calibration, m.currency, style),
};
