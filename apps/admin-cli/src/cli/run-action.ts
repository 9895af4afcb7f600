import { ConfigError } from '@ragstream/config';
import { DomainError } from '@ragstream/domain';
import type { Command } from 'commander';
import { loadAdminConfig, type AdminConfig } from '../admin.config';
import { IntegrityError, exitCodeFor } from './exit-codes';
import { Output } from './output';
import { ServiceError, redactUrl } from './service-error';

export interface ActionContext {
  readonly config: AdminConfig;
  readonly out: Output;
}

/**
 * Wraps a command's action: parses the config, sets up output, and turns every failure into a
 * clear message and its exit code (cli/exit-codes.ts; no stack traces for expected problems).
 */
export function action(run: (ctx: ActionContext, ...args: unknown[]) => Promise<void>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    const out = new Output(Boolean(command.optsWithGlobals().json));
    try {
      await run({ config: loadAdminConfig(), out }, ...args);
      out.succeed(command.name());
    } catch (error) {
      out.fail(command.name(), describe(error));
      process.exitCode = exitCodeFor(error);
    }
  };
}

function describe(error: unknown) {
  if (error instanceof ServiceError) {
    return { code: `${error.service.toUpperCase()}_UNAVAILABLE`, message: error.message, service: error.service, url: redactUrl(error.url), hint: error.hint };
  }
  if (error instanceof ConfigError) return { code: 'CONFIG_INVALID', message: error.message };
  if (error instanceof DomainError) return { code: error.code, message: error.message, ...error.details };
  if (error instanceof IntegrityError) return { code: 'INTEGRITY_BROKEN', message: error.message, ...error.details };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'FAILED', message, stack: error instanceof Error ? error.stack : undefined };
}
