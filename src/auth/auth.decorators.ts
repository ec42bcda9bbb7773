import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from './roles';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** No token needed (health checks). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call this route; the first of them the caller holds becomes the actor's role. */
export const AllowRoles = (...roles: readonly Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest().actor);
