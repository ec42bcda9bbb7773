import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DatabaseHealth } from '../database/database-health';
import { Public } from '../auth/auth.decorators';
import { RedisHealth } from '../reminders/redis-health';
import { Answers, LIVE, READY } from '../common/response-schemas';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
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
      this.database.check().then(
        (details) => ({ status: 'up' as const, ...details }),
        (error: Error) => ({ status: 'down' as const, error: error.message }),
      ),
      this.redis.check(),
    ]);
    const ok = database.status === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: !ok ? 'unavailable' : redis.status === 'up' ? 'ok' : 'degraded', checks: { database, redis } };
  }
}
