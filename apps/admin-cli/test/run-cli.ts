import { Command } from 'commander';
import { registerAuditCommands } from '../src/commands/audit.commands';
import { registerEventsCommands } from '../src/commands/events.commands';
import { registerTenantCommands } from '../src/commands/tenant.commands';
import { registerUsersCommands } from '../src/commands/users.commands';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs admin commands in-process, as main.ts wires them, capturing output and the exit code. */
export async function runCli(...args: string[]): Promise<CliRun> {
  const program = new Command('ragstream-admin').option('--json').exitOverride();
  for (const register of [registerEventsCommands, registerAuditCommands, registerTenantCommands, registerUsersCommands]) register(program);
  return runProgram(program, args);
}

/** Parses `args` with `program`, capturing stdout, stderr and the exit code a script would see. */
export async function runProgram(program: Command, args: readonly string[]): Promise<CliRun> {
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

/** The JSON document a `--json` run printed last on stdout. */
export function lastJson(text: string): any {
  const lines = text.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}
