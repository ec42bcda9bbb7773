import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ROLES, type Role } from './roles';

export interface VerifiedUser {
  name: string;
  roles: Role[];
}

/** Verified tokens are remembered until they expire (at most this many), so a client's every request is not a new signature check. */
const CACHE_SIZE = 10_000;

/** Verifies bearer tokens: HS256 with AUTH_SECRET, or an identity provider's keys from AUTH_JWKS_URL. */
@Injectable()
export class TokenVerifier {
  /** Checks signature, expiry, issuer and audience; built once, from AUTH_JWKS_URL or AUTH_SECRET. */
  private readonly check: (token: string) => Promise<JWTPayload>;
  private readonly verified = new Map<string, { user: VerifiedUser; expiresAt: number }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { jwksUrl, secret, issuer, audience } = config.auth;
    if (jwksUrl) {
      const keys = createRemoteJWKSet(new URL(jwksUrl));
      this.check = async (token) => (await jwtVerify(token, keys, { issuer, audience })).payload;
    } else {
      const key = new TextEncoder().encode(secret);
      this.check = async (token) => (await jwtVerify(token, key, { issuer, audience, algorithms: ['HS256'] })).payload;
    }
  }

  /** Resolves to the user, or null when the token is missing, malformed, expired or not ours. */
  async verify(token: string, now = Date.now()): Promise<VerifiedUser | null> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > now) return known.user;
    this.verified.delete(token);
    try {
      const payload = await this.check(token);
      const user = userFrom(payload);
      if (user && payload.exp !== undefined) this.remember(token, user, payload.exp * 1000);
      return user;
    } catch {
      return null;
    }
  }

  private remember(token: string, user: VerifiedUser, expiresAt: number): void {
    // Map keeps insertion order: the oldest entry goes first.
    if (this.verified.size >= CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { user, expiresAt });
  }
}

function userFrom(payload: JWTPayload): VerifiedUser | null {
  const name = [payload.name, payload.preferred_username, payload.sub].find((v): v is string => typeof v === 'string' && v.length > 0);
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [];
  return name ? { name, roles } : null;
}
