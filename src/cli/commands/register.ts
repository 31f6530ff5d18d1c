import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

/** Each command module exports one of these; it adds its subcommand to the root and returns it. */
export type RegisterCommand = (root: Command, ctx: CommandContext) => Command;
