import { Command } from 'commander';
import { registerDlqCommands } from '../src/commands/dlq.commands';
import { registerProjectionCommands } from '../src/commands/projections.commands';
import type { CatalogSource } from '../src/projections/catalog-source';
import { runProgram, type CliRun } from './run-cli';

/** Runs `projections` and `dlq` commands in-process against a test's catalog, capturing output and the exit code. */
export async function runOpsCli(catalog: CatalogSource, ...args: string[]): Promise<CliRun> {
  const program = new Command('ragstream-admin').option('--json').exitOverride();
  registerProjectionCommands(program, catalog);
  registerDlqCommands(program, catalog);
  for (const command of program.commands) command.exitOverride();
  return runProgram(program, args);
}
