import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { RedisHealth } from '../reminders/redis-health';
import { Answers, LIVE, READY } from '../common/response-schemas';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisHealth,
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @Answers(LIVE)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: 503 when the database does not answer. Redis down is reported (status degraded) but still 200: requests keep working and reminders catch up.',
  })
  @Answers(READY)
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      this.database().then(
        (details) => ({ status: 'up' as const, ...details }),
        (error: Error) => ({ status: 'down' as const, error: error.message }),
      ),
      this.redis.check(),
    ]);
    const ok = database.status === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: !ok ? 'unavailable' : redis.status === 'up' ? 'ok' : 'degraded', checks: { database, redis } };
  }

  /** The database answers; on SQLite it also says how durable a commit is (the live connection's own PRAGMA synchronous). */
  private async database(): Promise<{ synchronous?: string }> {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      await this.dataSource.query('SELECT 1');
      return {};
    }
    const [{ synchronous }] = await this.dataSource.query('PRAGMA synchronous');
    return { synchronous: SYNCHRONOUS_LEVELS[synchronous] ?? String(synchronous) };
  }
}

const SYNCHRONOUS_LEVELS: Record<number, string> = { 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' };
