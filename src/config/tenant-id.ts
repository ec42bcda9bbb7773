import { TENANT_ID } from '../database/tenant-scope';

/**
 * The default tenant's id (TENANT_ID, default "default"): the municipality the environment
 * configures, whose rows an installation stored before tenants existed (issue 21). The tenants
 * migration reads it too, so set it before the first start of this version if the address
 * `/openbaar/<id>/…` should say the municipality's name.
 */
export function defaultTenantId(env: NodeJS.ProcessEnv = process.env): string {
  const id = env.TENANT_ID || 'default';
  if (!TENANT_ID.test(id)) throw new Error(`TENANT_ID must be a slug of lower-case letters, digits and hyphens (at most 40), not "${id}"`);
  return id;
}
