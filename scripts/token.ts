/**
 * Prints a development bearer token: npm run token -- --name "A. de Vries" --role process-manager [--tenant gemeente-a]
 * With several municipalities in the installation (issue 21) the token names one (its tenant claim).
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { ROLES, type Role } from '../src/auth/roles';
import { loadConfig } from '../src/config/app-config';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, role: { type: 'string', multiple: true }, hours: { type: 'string', default: '12' }, tenant: { type: 'string' } },
  });
  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!values.name || roles.length === 0 || unknown.length > 0) {
    console.error(`Usage: npm run token -- --name "A. de Vries" --role <${ROLES.join('|')}> [--role ...] [--hours 12] [--tenant <municipality id>]`);
    if (unknown.length > 0) console.error(`Unknown role: ${unknown.join(', ')}`);
    process.exit(2);
  }
  const { auth, tenancy } = loadConfig();
  if (!auth.secret) {
    console.error('This service verifies tokens from an identity provider (AUTH_JWKS_URL); get a token there.');
    process.exit(2);
  }
  const jwt = new SignJWT({ name: values.name, roles: roles as Role[], ...(values.tenant && { [tenancy.claim]: values.tenant }) }).setProtectedHeader({ alg: 'HS256' });
  if (auth.issuer) jwt.setIssuer(auth.issuer);
  if (auth.audience) jwt.setAudience(auth.audience);
  const token = await jwt
    .setSubject(values.name)
    .setIssuedAt()
    .setExpirationTime(`${Number(values.hours)}h`)
    .sign(new TextEncoder().encode(auth.secret));
  console.log(token);
}

void main();
