import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Tenancy } from '../tenancy/tenancy.service';
import type { TenantSettings } from '../tenancy/tenant-settings';
import { WebSession } from './web-session';

const FLIGHT_COOKIE = 'iw_oidc';
export const CALLBACK_PATH = '/aanmelden/oidc';

/**
 * OpenID Connect sign-in against the municipality's identity provider (openid-client):
 * authorization code flow with PKCE, state and nonce kept in a sealed, short-lived cookie.
 * The ID token's `name` (or `preferred_username`, or `sub`) and `roles` claims make the session.
 * Each municipality signs in at its own provider (issue 21): the round trip carries which one,
 * and the session is that municipality's.
 */
@Injectable()
export class OidcSignIn {
  /** The providers' configurations, by tenant and its settings (the operator may change them). */
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();
  private readonly logger = new Logger('OidcSignIn');
  private readonly redirectUri: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly session: WebSession,
    private readonly tenancy: Tenancy,
  ) {
    this.redirectUri = `${config.reminders.publicUrl}${CALLBACK_PATH}`;
  }

  /** Whether this municipality signs in at an identity provider. */
  enabled(tenant: TenantSettings): boolean {
    return tenant.oidc !== null;
  }

  /** Where to send the browser: the municipality's provider's authorization endpoint. */
  async start(reply: FastifyReply, tenant: TenantSettings): Promise<string> {
    const configuration = await this.discover(tenant);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.session.seal(reply, FLIGHT_COOKIE, { verifier, state, nonce, tenant: tenant.id }, CALLBACK_PATH);
    return oidc
      .buildAuthorizationUrl(configuration, {
        redirect_uri: this.redirectUri,
        scope: 'openid profile roles',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString();
  }

  /** Finishes the round trip and starts the session; false when the provider's answer does not hold. */
  async finish(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const flight = await this.session.unseal(request, reply, FLIGHT_COOKIE, CALLBACK_PATH);
    if (!flight) {
      this.logger.warn('Sign-in failed: the round-trip cookie is missing, forged or older than ten minutes.');
      return false;
    }
    const tenant = this.tenancy.get(String(flight.tenant));
    if (!tenant?.oidc) {
      this.logger.warn('Sign-in failed: the round trip names no municipality that signs in at a provider.');
      return false;
    }
    try {
      const tokens = await oidc.authorizationCodeGrant(await this.discover(tenant), new URL(request.url, this.redirectUri), {
        pkceCodeVerifier: String(flight.verifier),
        expectedState: String(flight.state),
        expectedNonce: String(flight.nonce),
      });
      const claims: Record<string, unknown> = tokens.claims() ?? {};
      const name = [claims.name, claims.preferred_username, claims.sub].find((v): v is string => typeof v === 'string' && v.length > 0);
      if (!name) {
        this.logger.warn('Sign-in failed: the ID token names nobody (no name, preferred_username or sub).');
        return false;
      }
      if (!(await this.session.start(reply, name, Array.isArray(claims.roles) ? claims.roles : [], typeof claims.sub === 'string' ? claims.sub : name, tenant.id))) {
        this.logger.warn(`Sign-in failed for ${name}: the ID token holds no role of this service.`);
        return false;
      }
      return true;
    } catch (error) {
      this.logger.warn(`Sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  private discover(tenant: TenantSettings): Promise<oidc.Configuration> {
    const settings = tenant.oidc!;
    const key = JSON.stringify([tenant.id, settings]);
    let configuration = this.configurations.get(key);
    if (!configuration) {
      configuration = oidc
        .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, this.config.web.oidcAllowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined)
        .catch((error: unknown) => {
          this.configurations.delete(key); // try again on the next sign-in
          throw error;
        });
      this.configurations.set(key, configuration);
    }
    return configuration;
  }
}
