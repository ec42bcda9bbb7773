import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OPERATOR } from '../auth/roles';
import { Tenancy } from '../tenancy/tenancy.service';
import { AuthModule } from '../auth/auth.module';
import { tokenFromHeader } from '../auth/bearer-token';
import { ApiError } from '../common/api-error';
import { TokenVerifier } from '../auth/token-verifier';
import { REMINDER_QUEUE } from '../reminders/reminder-queue';

export const QUEUE_BOARD_ROUTE = '/admin/queues';

export function isQueueBoardRoute(route: string | undefined): boolean {
  return route !== undefined && (route === QUEUE_BOARD_ROUTE || route.startsWith(`${QUEUE_BOARD_ROUTE}/`));
}

/**
 * Bull Board over the reminder queue, for the platform's `operator`, and for `admin` while the
 * installation serves one municipality: the queue holds every municipality's jobs (issue 21).
 * Its routes are a Fastify plugin,
 * outside Nest's guards, so a request hook checks the token in front of them. A browser
 * asks for it with its own sign-in prompt: any user name, the token as password.
 */
@Module({
  imports: [
    AuthModule,
    BullBoardModule.forRoot({ route: QUEUE_BOARD_ROUTE, adapter: FastifyAdapter, boardOptions: { uiConfig: { boardTitle: 'interactiewijzer' } } }),
    BullBoardModule.forFeature({ name: REMINDER_QUEUE, adapter: BullMQAdapter }),
  ],
})
export class QueueBoardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: TokenVerifier,
    private readonly tenancy: Tenancy,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, reply) => this.admitAdmin(request, reply));
  }

  private async admitAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // The route the router matched, never the raw URL: "/admin/%71ueues" is routed here too.
    if (!isQueueBoardRoute(request.routeOptions.url)) return;
    const token = tokenFromHeader(request.headers.authorization, { basic: true });
    let user;
    try {
      user = token ? await this.verifier.verify(token) : null;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return reply.code(error.status).send({ statusCode: error.status, code: error.code, message: error.message });
    }
    if (!user) {
      return reply
        .code(401)
        .header('www-authenticate', 'Basic realm="interactiewijzer queues", charset="UTF-8"')
        .send({ statusCode: 401, code: token ? 'invalid-token' : 'unauthenticated', message: 'Sign in with an admin token (as bearer token, or as the password).' });
    }
    const admitted = user.roles.includes(OPERATOR) || (user.roles.includes('admin') && this.tenancy.single());
    if (!admitted) {
      const needs = this.tenancy.single() ? 'admin or operator' : 'operator (it shows every municipality’s jobs)';
      return reply.code(403).send({ statusCode: 403, code: 'forbidden', message: `The queue board needs the role: ${needs}.` });
    }
  }
}
