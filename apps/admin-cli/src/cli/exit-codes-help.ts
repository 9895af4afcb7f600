import type { Command } from 'commander';
import { EXIT } from './exit-codes';

/** The help epilogue every command shows, so scripts know what the exit status means. */
export const EXIT_CODES_HELP = `
Exit codes:
  ${EXIT.ok}  ok
  ${EXIT.usage}  usage error (bad arguments or settings)
  ${EXIT.notFound}  not found (projection, dead letter, commit, aggregate, user)
  ${EXIT.conflict}  conflict or locked (a rebuild already running, a letter already closed)
  ${EXIT.failed}  failed (a service down, an interrupted rebuild, a retry that failed again, a broken integrity chain)`;

/** Adds the epilogue to a command and every subcommand under it. */
export function withExitCodes(command: Command): Command {
  command.addHelpText('after', EXIT_CODES_HELP);
  for (const sub of command.commands) withExitCodes(sub);
  return command;
}
