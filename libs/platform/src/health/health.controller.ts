import { Controller, Get, HttpCode, Inject, Optional, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/public.decorator';

export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
/** Optional: extra facts both probes report (e.g. chat's provider breakers) without deciding readiness. */
export const HEALTH_DETAILS = Symbol('HEALTH_DETAILS');
export type HealthDetails = () => Record<string, unknown>;

/** Liveness says the process runs; readiness says its dependencies answer. */
@Controller()
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    @Optional() @Inject(HEALTH_DETAILS) private readonly details?: HealthDetails,
  ) {}

  @Public()
  @Get('healthz')
  @HttpCode(200)
  live() {
    return { status: 'ok', ...this.details?.() };
  }

  @Public()
  @Get('readyz')
  async ready(@Res() reply: FastifyReply) {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        const started = Date.now();
        try {
          await withTimeout(c.check(), 2000);
          return { name: c.name, status: 'up', ms: Date.now() - started };
        } catch (error) {
          return { name: c.name, status: 'down', error: (error as Error).message };
        }
      }),
    );
    const ok = results.every((r) => r.status === 'up');
    void reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not-ready', checks: results, ...this.details?.() });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
