import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../common/api-error';
import { tokenFromHeader } from './bearer-token';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import type { Role } from './roles';
import { TokenVerifier } from './token-verifier';

/** Every route needs a valid bearer token and one of its roles, unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const token = tokenFromHeader(request.headers.authorization);
    if (!token) throw new ApiError(401, 'unauthenticated', 'Send a bearer token in the Authorization header.');
    const user = await this.verifier.verify(token);
    if (!user) throw new ApiError(401, 'invalid-token', 'The bearer token is invalid or has expired.');

    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    const role = allowed.find((r) => user.roles.includes(r));
    if (!role) throw new ApiError(403, 'forbidden', `This needs one of the roles: ${allowed.join(', ')}.`);
    request.actor = { name: user.name, subject: user.subject, role, roles: user.roles };
    return true;
  }
}
