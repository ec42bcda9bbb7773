import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ROLES, type Role } from './roles';

export interface VerifiedUser {
  name: string;
  /** The token's `sub`, or the name where it has none. */
  subject: string;
  roles: Role[];
  /** The municipality the token names (its AUTH_TENANT_CLAIM claim), if it names one (issue 21). */
  tenant?: string;
}

/** Verified tokens are remembered until they expire (at most this many), so a client's every request is not a new signature check. */
const CACHE_SIZE = 10_000;

/** Verifies bearer tokens: HS256 with AUTH_SECRET, or an identity provider's keys from AUTH_JWKS_URL. */
@Injectable()
export class TokenVerifier {
  /** Checks signature, expiry, issuer and audience; built once, from AUTH_JWKS_URL or AUTH_SECRET. */
  private readonly check: (token: string) => Promise<JWTPayload>;
  private readonly verified = new Map<string, { user: VerifiedUser; expiresAt: number }>();
  private readonly maxAgeSeconds: number;
  private readonly tenantClaim: string;
  private readonly sessionKey: Uint8Array | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.tenantClaim = config.tenancy.claim;
    this.sessionKey = config.web.sessionSecret ? new TextEncoder().encode(config.web.sessionSecret) : undefined;
    const { jwksUrl, secret, issuer, audience, maxTokenAgeSeconds } = config.auth;
    this.maxAgeSeconds = maxTokenAgeSeconds;
    // A token without an expiry would be valid forever.
    const options = { issuer, audience, requiredClaims: ['exp'] };
    if (jwksUrl) {
      const keys = createRemoteJWKSet(new URL(jwksUrl));
      this.check = async (token) => (await jwtVerify(token, keys, options)).payload;
    } else {
      const key = new TextEncoder().encode(secret);
      this.check = async (token) => (await jwtVerify(token, key, { ...options, algorithms: ['HS256'] })).payload;
    }
  }

  /**
   * Resolves to the user, or null when the token is missing, malformed, expired, too long-lived
   * or not ours. Throws a 503 when the identity provider's keys cannot be fetched: that says
   * nothing about the token.
   */
  async verify(token: string, now = Date.now()): Promise<VerifiedUser | null> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > now) return known.user;
    this.verified.delete(token);
    let payload: JWTPayload;
    try {
      payload = await this.check(token);
    } catch (error) {
      if (keysUnavailable(error)) throw new ApiError(503, 'identity-provider-unavailable', 'The identity provider’s keys cannot be fetched right now; try again shortly.');
      return null;
    }
    // The lifetime is capped (AUTH_MAX_TOKEN_AGE), counted from its issue (or from now, without iat).
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : now / 1000;
    if (payload.exp! - issuedAt > this.maxAgeSeconds) return null;
    // A web session token is for the browser only, never an API bearer token.
    if ([payload.aud].flat().includes(WEB_SESSION_AUDIENCE)) return null;
    const user = userFrom(payload, this.tenantClaim);
    if (user) this.remember(token, user, payload.exp! * 1000);
    return user;
  }

  /** The tenant of a web session (its cookie, src/web/web-session.ts), or undefined without a valid one. */
  async sessionTenant(cookie: string | undefined): Promise<string | undefined> {
    if (!cookie || !this.sessionKey) return undefined;
    const payload = await jwtVerify(cookie, this.sessionKey, { issuer: WEB_SESSION_ISSUER, audience: WEB_SESSION_AUDIENCE, algorithms: ['HS256'] }).then((r) => r.payload, () => null);
    return typeof payload?.tenant === 'string' ? payload.tenant : undefined;
  }

  private remember(token: string, user: VerifiedUser, expiresAt: number): void {
    // Map keeps insertion order: the oldest entry goes first.
    if (this.verified.size >= CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { user, expiresAt });
  }
}

/** The audience of the web interface's session cookie (src/web/web-session.ts). */
export const WEB_SESSION_AUDIENCE = 'interactiewijzer-web';
export const WEB_SESSION_ISSUER = 'interactiewijzer';
export const SESSION_COOKIE = 'iw_session';

/** The key set could not be fetched (network, timeout, an answer other than 200 or not a key set): not the token's fault. */
function keysUnavailable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // jose reports a non-200 answer as a plain JOSEError; any error of its own besides is about the token.
  if (error instanceof errors.JOSEError) return error.code === 'ERR_JOSE_GENERIC';
  return true;
}

function userFrom(payload: JWTPayload, tenantClaim: string): VerifiedUser | null {
  const name = [payload.name, payload.preferred_username, payload.sub].find((v): v is string => typeof v === 'string' && v.length > 0);
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [];
  const tenant = payload[tenantClaim];
  return name ? { name, subject: typeof payload.sub === 'string' && payload.sub ? payload.sub : name, roles, ...(typeof tenant === 'string' && { tenant }) } : null;
}
