import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ROLES, type Role } from './roles';

export interface VerifiedUser {
  name: string;
  roles: Role[];
}

/** Verifies bearer tokens: HS256 with AUTH_SECRET, or an identity provider's keys from AUTH_JWKS_URL. */
@Injectable()
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { jwksUrl, secret } = config.auth;
    this.key = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : new TextEncoder().encode(secret);
  }

  /** Resolves to the user, or null when the token is missing, malformed, expired or not ours. */
  async verify(token: string): Promise<VerifiedUser | null> {
    try {
      const { issuer, audience, jwksUrl } = this.config.auth;
      const options = { issuer, audience, algorithms: jwksUrl ? undefined : ['HS256'] };
      const { payload } =
        typeof this.key === 'function' ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options);
      return userFrom(payload);
    } catch {
      return null;
    }
  }
}

function userFrom(payload: JWTPayload): VerifiedUser | null {
  const name = [payload.name, payload.preferred_username, payload.sub].find((v): v is string => typeof v === 'string' && v.length > 0);
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [];
  return name ? { name, roles } : null;
}
