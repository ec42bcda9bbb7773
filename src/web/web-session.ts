import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { MUNICIPAL_ROLES, type Actor, type Role } from '../auth/roles';
import { SESSION_COOKIE, WEB_SESSION_AUDIENCE, WEB_SESSION_ISSUER } from '../auth/token-verifier';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { en } from './i18n/en';
import { nl, type Texts } from './i18n/nl';

export { SESSION_COOKIE };
export const LANG_COOKIE = 'iw_lang';
const SESSION_HOURS = 8;
/** Session tokens name their purpose, so an API token is no session and a session no API token. */
const ISSUER = WEB_SESSION_ISSUER;
const AUDIENCE = WEB_SESSION_AUDIENCE;

export interface WebUser {
  name: string;
  /** The identity provider's subject (`sub`); in development sign-in, the name picked. */
  subject: string;
  roles: Role[];
  /** The role shown and acted under: the first of the user's roles. */
  role: Role;
  /** The municipality signed in to (issue 21): the session reaches its pages only. */
  tenant: string;
}

/** The signed-in user as the services' actor, under the role they act in. */
export function actorOf(user: WebUser): Actor {
  return { name: user.name, subject: user.subject, role: user.role, roles: user.roles };
}

/**
 * The browser's session: a token signed with SESSION_SECRET in an http-only, same-site
 * cookie, holding the name and roles that sign-in established (picked in development,
 * from the identity provider's ID token with OpenID Connect).
 */
@Injectable()
export class WebSession {
  /** Picking a name and role: development only, and only when no identity provider is configured. */
  readonly devSignIn: boolean;
  private readonly key: Uint8Array | undefined;
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = config.web.sessionSecret ? new TextEncoder().encode(config.web.sessionSecret) : undefined;
    this.devSignIn = !config.production && !config.web.oidc && !!this.key;
    this.secure = config.production;
  }

  async user(request: FastifyRequest): Promise<WebUser | null> {
    const payload = await this.verify(request.cookies[SESSION_COOKIE], AUDIENCE);
    const roles = rolesOf(payload);
    if (!payload || typeof payload.name !== 'string' || typeof payload.tenant !== 'string' || roles.length === 0) return null;
    return { name: payload.name, subject: payload.sub ?? payload.name, roles, role: roles[0], tenant: payload.tenant };
  }

  /** Development sign-in with a picked name and role; false when it is off or the input is not valid. */
  async signInAs(reply: FastifyReply, name: string, role: string, tenant: string): Promise<boolean> {
    if (!this.devSignIn || !name.trim()) return false;
    // As a token without `sub` is its name's (token-verifier.ts): the same person over the API and the pages.
    return this.start(reply, name.trim(), [role], name.trim(), tenant);
  }

  /** Starts a session for a user the identity provider vouched for; false without any known role. */
  async start(reply: FastifyReply, name: string, roles: unknown[], subject: string, tenant: string): Promise<boolean> {
    const known = rolesOf({ roles });
    if (!this.key || known.length === 0) return false;
    const token = await new SignJWT({ name, roles: known, tenant }).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime(`${SESSION_HOURS}h`).sign(this.key);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure, maxAge: SESSION_HOURS * 3600 });
    return true;
  }

  signOut(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  /** A short-lived, signed value in its own cookie (the OIDC round trip's state). */
  async seal(reply: FastifyReply, cookie: string, value: Record<string, string>, path: string): Promise<void> {
    const token = await new SignJWT(value).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(cookie).setExpirationTime('10m').sign(this.key!);
    reply.setCookie(cookie, token, { path, httpOnly: true, sameSite: 'lax', secure: this.secure, maxAge: 600 });
  }

  async unseal(request: FastifyRequest, reply: FastifyReply, cookie: string, path: string): Promise<JWTPayload | null> {
    const token = request.cookies[cookie];
    reply.clearCookie(cookie, { path });
    return this.verify(token, cookie);
  }

  /** The payload of one of our own tokens for this purpose (audience), or null when absent, forged or expired. */
  private async verify(token: string | undefined, audience: string): Promise<JWTPayload | null> {
    if (!token || !this.key) return null;
    return jwtVerify(token, this.key, { issuer: ISSUER, audience, algorithms: ['HS256'] }).then((r) => r.payload, () => null);
  }

  texts(request: FastifyRequest): Texts {
    return request.cookies[LANG_COOKIE] === 'en' ? en : nl;
  }

  setLanguage(reply: FastifyReply, lang: string): void {
    reply.setCookie(LANG_COOKIE, lang === 'en' ? 'en' : 'nl', { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure, maxAge: 365 * 24 * 3600 });
  }
}

function rolesOf(payload: JWTPayload | { roles: unknown[] } | null): Role[] {
  const roles = payload && Array.isArray(payload.roles) ? payload.roles : [];
  return roles.filter((r): r is Role => (MUNICIPAL_ROLES as readonly unknown[]).includes(r));
}
