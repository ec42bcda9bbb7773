import '@fastify/cookie';
import '@fastify/csrf-protection';
import '@fastify/view';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SignJWT } from 'jose';
import { ROLES, type Role } from '../auth/roles';
import { TokenVerifier, type VerifiedUser } from '../auth/token-verifier';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { en } from './i18n/en';
import { nl, type Texts } from './i18n/nl';

export const SESSION_COOKIE = 'iw_session';
export const LANG_COOKIE = 'iw_lang';
const SESSION_HOURS = 8;

export interface WebUser extends VerifiedUser {
  /** The role shown and acted under: the first of the user's roles. */
  role: Role;
}

/**
 * The browser's session: the same signed token the API takes, kept in an http-only,
 * same-site cookie. Development signs it in with a picked name and role; production
 * (NODE_ENV=production) switches that off.
 */
@Injectable()
export class WebSession {
  readonly devSignIn: boolean;
  private readonly secure: boolean;

  constructor(
    private readonly verifier: TokenVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.devSignIn = !config.production && !config.auth.jwksUrl && !!config.auth.secret;
    this.secure = config.production;
  }

  async user(request: FastifyRequest): Promise<WebUser | null> {
    const token = request.cookies[SESSION_COOKIE];
    const user = token ? await this.verifier.verify(token) : null;
    return user && user.roles.length > 0 ? { ...user, role: user.roles[0] } : null;
  }

  async signIn(reply: FastifyReply, name: string, role: string): Promise<boolean> {
    if (!this.devSignIn || !(ROLES as readonly string[]).includes(role) || !name.trim()) return false;
    const { secret, issuer, audience } = this.config.auth;
    let jwt = new SignJWT({ name: name.trim(), roles: [role] }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(`${SESSION_HOURS}h`);
    if (issuer) jwt = jwt.setIssuer(issuer);
    if (audience) jwt = jwt.setAudience(audience);
    const token = await jwt.sign(new TextEncoder().encode(secret));
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure, maxAge: SESSION_HOURS * 3600 });
    return true;
  }

  signOut(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  texts(request: FastifyRequest): Texts {
    return request.cookies[LANG_COOKIE] === 'en' ? en : nl;
  }

  setLanguage(reply: FastifyReply, lang: string): void {
    reply.setCookie(LANG_COOKIE, lang === 'en' ? 'en' : 'nl', { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure, maxAge: 365 * 24 * 3600 });
  }
}
