import { Catch, createParamDecorator, Injectable, SetMetadata, type ArgumentsHost, type CanActivate, type ExceptionFilter, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { tenantScope } from '../database/tenant-scope';
import { WebPages } from './web-pages';
import { WebSession, type WebUser } from './web-session';

const OPEN_PAGE = 'web:open';
const PAGE_ROLES = 'web:roles';

/** A page anyone may see without signing in (sign-in itself, the language switch). Every other page needs a session. */
export const OpenPage = () => SetMetadata(OPEN_PAGE, true);

/** Only these roles may use this page or form. */
export const PageRoles = (...roles: readonly Role[]) => SetMetadata(PAGE_ROLES, roles);

/** The signed-in user, as the guard found them. */
export const SignedInUser = createParamDecorator((_data: unknown, context: ExecutionContext): WebUser => context.switchToHttp().getRequest<FastifyRequest & { webUser: WebUser }>().webUser);

/** No session: the browser is sent to sign in. */
class SignInRequired extends Error {}

/**
 * Signed in is the default for every page of the web interface: a handler cannot forget it.
 * The few open pages say so with @OpenPage().
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly session: WebSession,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(OPEN_PAGE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { webUser?: WebUser }>();
    const user = await this.session.user(request);
    // A session reaches its own municipality's pages only (issue 21); at another's address it is none.
    if (!user || user.tenant !== tenantScope.current()) throw new SignInRequired();
    request.webUser = user;
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(PAGE_ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ApiError(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}.`);
    return true;
  }
}

/** A page's refusal as a page: to the sign-in page without a session, otherwise the error page in the site's layout. */
@Catch(SignInRequired, ApiError)
export class WebRefusalFilter implements ExceptionFilter {
  constructor(private readonly pages: WebPages) {}

  async catch(exception: SignInRequired | ApiError, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<FastifyRequest & { webUser?: WebUser }>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof SignInRequired) {
      await reply.redirect('/aanmelden', 303);
      return;
    }
    await this.pages.errorPage(request, reply, exception.status, exception);
  }
}
