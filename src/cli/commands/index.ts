import type { RegisterCommand } from './register.js';
import { registerValidate } from './validate.js';
import { registerSchema } from './schema.js';
import { registerRun } from './run.js';
import { registerCheck } from './check.js';
import { registerCompare } from './compare.js';
import { registerSensitivity } from './sensitivity.js';
import { registerSimulate } from './simulate.js';
import { registerCalibrate } from './calibrate.js';
import { registerTransition } from './transition.js';
import { registerExplain } from './explain.js';
import { registerGenerate } from './generate.js';
import { registerInit } from './init.js';

/** In the order `pointsmith --help` lists them. */
export const commands: readonly RegisterCommand[] = [
  registerValidate,
  registerRun,
  registerCheck,
  registerCompare,
  registerSensitivity,
  registerSimulate,
  registerCalibrate,
  registerTransition,
  registerExplain,
  registerGenerate,
  registerInit,
  registerSchema,
];
