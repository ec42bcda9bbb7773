import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProjectRepository } from '../database/project.repository';
import { tenantScope } from '../database/tenant-scope';
import { Tenancy } from '../tenancy/tenancy.service';
import { tokenFromHeader } from './bearer-token';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { OPERATOR, type Role } from './roles';
import { SESSION_COOKIE, TokenVerifier, type VerifiedUser } from './token-verifier';

/** At most this many project ids are remembered with their tenant (some 10 MB). */
const OWNERS_REMEMBERED = 100_000;

/**
 * Every route needs a valid bearer token and one of its roles, unless marked @Public(); and every
 * request acts for one municipality (issue 21), set here once for everything it reads and writes:
 * - with a bearer token, the one its tenant claim names (without the claim: the only one there is);
 * - on a public route, the one its address names (`/openbaar/<tenant>/…`, a TENANT_HOSTS host
 *   name), else a web session's, else the default tenant (the addresses from before tenants);
 * - the operator's routes (the tenants) act for none.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly tenancy: Tenancy,
    private readonly projects: ProjectRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Projects found, by id, with their tenant: what a project route checks first. */
  private readonly owners = new Map<string, string>();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest();
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      tenantScope.enter(await this.publicTenant(request));
      return true;
    }

    const token = tokenFromHeader(request.headers.authorization);
    if (!token) throw new ApiError(401, 'unauthenticated', 'Send a bearer token in the Authorization header.');
    const user = await this.verifier.verify(token);
    if (!user) throw new ApiError(401, 'invalid-token', 'The bearer token is invalid or has expired.');

    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    const role = allowed.find((r) => user.roles.includes(r));
    if (!role) throw new ApiError(403, 'forbidden', `This needs one of the roles: ${allowed.join(', ')}.`);
    // The platform's routes act for no municipality; every other route for exactly one.
    if (role !== OPERATOR) {
      tenantScope.enter(this.tokenTenant(user));
      await this.projectOfTenant(request);
    }
    request.actor = { name: user.name, subject: user.subject, role, roles: user.roles };
    return true;
  }

  /**
   * Everything under /api/projects/:id is that project's: another municipality's project (or
   * none) is 404 before its body is even read, so an answer never tells whether an id exists
   * elsewhere. A project never changes tenant: once found, it is remembered.
   */
  private async projectOfTenant(request: { params?: Record<string, string>; routeOptions?: { url?: string } }): Promise<void> {
    const id = request.params?.id;
    if (id === undefined || !request.routeOptions?.url?.startsWith('/api/projects/:id')) return;
    const tenant = tenantScope.required();
    const known = this.owners.get(id);
    if (known === tenant) return;
    if (known !== undefined || !(await this.projects.exists(id))) throw ApiError.notFound('project', id);
    if (this.owners.size >= OWNERS_REMEMBERED) this.owners.delete(this.owners.keys().next().value!);
    this.owners.set(id, tenant);
  }

  private tokenTenant(user: VerifiedUser): string {
    const claim = this.config.tenancy.claim;
    if (user.tenant === undefined) {
      if (this.tenancy.single()) return this.tenancy.defaultTenant;
      throw new ApiError(401, 'tenant-claim-missing', `This installation serves several municipalities: the token must name one in its "${claim}" claim.`);
    }
    if (!this.tenancy.get(user.tenant)) throw new ApiError(401, 'tenant-unknown', `The token's "${claim}" claim names no municipality of this installation.`);
    return user.tenant;
  }

  private async publicTenant(request: { params?: Record<string, string>; url: string; hostname?: string; headers: Record<string, unknown>; cookies?: Record<string, string> }): Promise<string> {
    // `/openbaar/<tenant>` and what is under it; `/openbaar/<project>` stays the default tenant's.
    const first = /^\/openbaar\/([^/?#]+)/.exec(request.url)?.[1];
    const named = request.params?.tenant ?? (first && this.tenancy.get(first) ? first : undefined);
    if (named !== undefined) {
      if (!this.tenancy.get(named)) throw ApiError.notFound('tenant', named);
      return named;
    }
    const hosted = this.tenancy.hostedBy(String(request.hostname ?? request.headers.host ?? ''));
    if (hosted) return hosted;
    const session = await this.verifier.sessionTenant(request.cookies?.[SESSION_COOKIE]);
    if (session && this.tenancy.get(session)) return session;
    return this.tenancy.defaultTenant;
  }
}
