import { randomUUID } from 'node:crypto';
import { ForgetReason } from '@ragstream/contracts';
import { forgetUser } from '@ragstream/identity';
import { Option, type Command } from 'commander';
import { locateTenant } from '../cli/locate-aggregate';
import { openLog, openVault } from '../cli/log-session';
import { parseToken } from '../cli/option-parsers';
import { withExitCodes } from '../cli/exit-codes-help';
import { action, type ActionContext } from '../cli/run-action';

const OPERATOR = { type: 'system' as const, id: 'admin-cli' };

/** `users forget`: crypto-shredding of one person. */
export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('people and their personal data');
  users
    .command('forget')
    .description('erase a user: record user.forgotten, destroy their key, free their e-mail address, end their sessions; safe to repeat')
    .argument('<userId>', 'the user', parseToken)
    .option('--tenant <tenantId>', 'the user’s home tenant (found from the log when omitted)', parseToken)
    .addOption(new Option('--reason <reason>', 'recorded with the event').choices(ForgetReason.options).default('user_request'))
    .action(action((ctx, userId, opts) => forget(ctx, userId as string, opts as { tenant?: string; reason: ForgetReason })));
  withExitCodes(users);
}

async function forget(ctx: ActionContext, userId: string, options: { tenant?: string; reason: ForgetReason }): Promise<void> {
  const log = await openLog(ctx.config);
  const { vault, dataSource } = await openVault(ctx.config);
  try {
    const tenantId = options.tenant ?? (await locateTenant(log.store, 'user', userId));
    const correlationId = randomUUID();
    const commit = () => ({ commitId: randomUUID(), actor: OPERATOR, correlationId, occurredAt: new Date() });
    const result = await ctx.out.step('forget', () => forgetUser({ executor: log.executor, store: log.store, vault }, { tenantId, userId, reason: options.reason, authority: { tenantRole: null }, commit }),
      (r) => `user ${userId} forgotten (key ${r.keyDestroyed ? 'destroyed' : 'already gone'}, e-mail ${r.emailReleased ? 'released' : 'already free'}, ${r.sessionsRevoked} sessions ended) at position ${r.position}`);
    ctx.out.result({ tenantId, userId, ...result });
  } finally {
    await log.close();
    await dataSource.destroy();
  }
}
