#!/usr/bin/env node
import { Command } from 'commander';
import { registerProvisionCommands } from './commands/provision.commands';

/** ragstream-admin: operator commands. Each group registers itself from commands/; this file only wires. */
const program = new Command('ragstream-admin')
  .description('Operate a Ragstream deployment (settings come from the environment, as for the apps)')
  .option('--json', 'print one JSON document on stdout; progress goes to stderr');

registerProvisionCommands(program);

void program.parseAsync(process.argv);
