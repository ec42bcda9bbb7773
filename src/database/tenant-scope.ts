import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which municipality (tenant) the code now running acts for (issue 21). Every statement on a
 * tenant's table binds it (`@tenant`, src/database/sql-repository.ts); on PostgreSQL every
 * transaction also sets it (`SET LOCAL app.tenant`) for the row-level security policies.
 *
 * A request opens an empty scope when it arrives; the sign-in (token, session, public path)
 * fills it once. A job, a timer or a command runs in a scope of its own: `within`.
 */
interface Scope {
  tenant: string | undefined;
}

const scopes = new AsyncLocalStorage<Scope>();

/** A tenant's id: a slug, as it appears in its public addresses (`/openbaar/<tenant>/…`) and in SQL (inlined in SET LOCAL, so nothing else passes). */
export const TENANT_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Code that touched a tenant's data outside any tenant's scope: a fault of the code, never of the user. */
export class TenantScopeMissing extends Error {
  constructor() {
    super('A statement on a tenant table ran outside any tenant scope (issue 21): set the tenant first (tenantScope.within).');
  }
}

export const tenantScope = {
  /** Runs `work` (and everything it starts) for this tenant. */
  within<T>(tenant: string, work: () => T): T {
    if (!TENANT_ID.test(tenant)) throw new Error(`Not a tenant id: ${JSON.stringify(tenant)}`);
    return scopes.run({ tenant }, work);
  },

  /** Runs `next` in an empty scope that `enter` fills later: one per request. */
  open(next: () => void): void {
    scopes.run({ tenant: undefined }, next);
  },

  /** Sets the tenant of the request's scope, once; a second, different tenant is a fault of the code. */
  enter(tenant: string): void {
    const scope = scopes.getStore();
    if (!scope) throw new Error('No scope to enter a tenant in: the request hook did not run.');
    if (!TENANT_ID.test(tenant)) throw new Error(`Not a tenant id: ${JSON.stringify(tenant)}`);
    if (scope.tenant !== undefined && scope.tenant !== tenant) throw new Error(`This request acts for ${scope.tenant}; it cannot switch to ${tenant}.`);
    scope.tenant = tenant;
  },

  /** The tenant now in scope, if any. */
  current(): string | undefined {
    return scopes.getStore()?.tenant;
  },

  /** The tenant now in scope; a statement on a tenant's table without one is refused. */
  required(): string {
    const tenant = scopes.getStore()?.tenant;
    if (tenant === undefined) throw new TenantScopeMissing();
    return tenant;
  },
};
