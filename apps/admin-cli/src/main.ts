#!/usr/bin/env node
import { Command } from 'commander';
import { EXIT_CODES_HELP } from './cli/exit-codes-help';
import { registerAuditCommands } from './commands/audit.commands';
import { registerDlqCommands } from './commands/dlq.commands';
import { registerEventsCommands } from './commands/events.commands';
import { registerProjectionCommands } from './commands/projections.commands';
import { registerProvisionCommands } from './commands/provision.commands';
import { registerTenantCommands } from './commands/tenant.commands';
import { registerUsersCommands } from './commands/users.commands';

/** ragstream-admin: operator commands. Each group registers itself from commands/; this file only wires. */
const program = new Command('ragstream-admin')
  .description('Operate a Ragstream deployment (settings come from the environment, as for the apps)')
  .option('--json', 'print one JSON document on stdout; progress goes to stderr')
  .addHelpText('after', EXIT_CODES_HELP);

registerProvisionCommands(program);
registerEventsCommands(program);
registerAuditCommands(program);
registerTenantCommands(program);
registerUsersCommands(program);
registerProjectionCommands(program);
registerDlqCommands(program);

void program.parseAsync(process.argv);
