import { Command } from 'commander';
import { registerDlqCommands } from '../src/commands/dlq.commands';
import { registerProjectionCommands } from '../src/commands/projections.commands';
import type { CatalogSource } from '../src/projections/catalog-source';
import type { CliRun } from './run-cli';

/** Runs `projections` and `dlq` commands in-process against a test's catalog, capturing output and the exit code. */
export async function runOpsCli(catalog: CatalogSource, ...args: string[]): Promise<CliRun> {
  const program = new Command('ragstream-admin').option('--json').exitOverride();
  registerProjectionCommands(program, catalog);
  registerDlqCommands(program, catalog);
  for (const command of program.commands) command.exitOverride();
  const captured = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') =>
    jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      captured[stream] += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
      return true;
    });
  const spies = [capture('stdout'), capture('stderr')];
  process.exitCode = 0;
  let code: number;
  try {
    await program.parseAsync(['node', 'ragstream-admin', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    code = (error as { exitCode?: number }).exitCode ?? 99;
  } finally {
    for (const spy of spies) spy.mockRestore();
    process.exitCode = 0;
  }
  return { code, ...captured };
}
