/** `calibrate --format json`: every target with what was achieved and the values found. */
import type { Calibration } from '../../analysis/calibrate.js';
import { jsonText } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';
import type { CalibrationModel } from './model.js';

export function renderCalibrationJson(program: string, calibration: Calibration): string {
  return `${jsonText({
    format_version: 1,
    program,
    met: calibration.met,
    replays: calibration.replays,
    rounds: calibration.rounds,
    targets: calibration.pairs.map((r) => ({
      metric: r.target.metric.name,
      op: r.target.op,
      value: r.target.value,
      achieved: r.achieved,
      met: r.met,
      // A multiplier for --scale; null when the value itself was searched.
      scale: r.parameter.scale ? r.found : null,
      values: r.values,
      // For an = target no value hits exactly: the value on the other side of it, and its metric.
      neighbour: r.neighbour ?? null,
    })),
  })}\n`;
}

export const calibrationJsonFormat: Formatter<CalibrationModel> = {
  description: 'for tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (m) => renderCalibrationJson(m.program, m.calibration),
};
