import { Controller, Get, Header, HttpCode, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { register } from 'prom-client';

/** A dependency `/readiness` checks; `check` rejects (or times out) when the dependency is not usable. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol.for('mallbots.platform.ReadinessChecks');

const CHECK_TIMEOUT_MS = 2_000;

interface RawResponse {
  status(code: number): RawResponse;
  type(contentType: string): RawResponse;
  send(body: string): void;
}

/**
 * `/liveness` (the process serves HTTP: the reference's chi Heartbeat, body "."), `/readiness` (every dependency
 * answers: PostgreSQL, NATS, …; Kubernetes stops routing to a replica that is not ready) and `/metrics`
 * (prom-client's default registry, which the libraries' metrics use).
 */
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[]) {}

  @Get('liveness')
  @HttpCode(200)
  @Header('Content-Type', 'text/plain')
  liveness(): string {
    return '.';
  }

  @Get('readiness')
  async readiness(): Promise<{ status: 'ok'; checks: Record<string, 'ok'> }> {
    const results = await Promise.all(this.checks.map(async (c) => [c.name, await outcome(c)] as const));
    const failed = results.filter(([, r]) => r !== 'ok');
    if (failed.length > 0) throw new ServiceUnavailableException(`not ready: ${failed.map(([name, r]) => `${name}: ${r}`).join('; ')}`);
    return { status: 'ok', checks: Object.fromEntries(results) as Record<string, 'ok'> };
  }

  @Get('metrics')
  async metrics(@Res() response: RawResponse): Promise<void> {
    response.status(200).type(register.contentType).send(await register.metrics());
  }
}

async function outcome(check: ReadinessCheck): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS))),
    ]);
    return 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(timer);
  }
}
