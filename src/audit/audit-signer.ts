import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { calculateJwkThumbprint, exportJWK, FlattenedSign, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Tenancy } from '../tenancy/tenancy.service';

interface SigningKey {
  privateKey: CryptoKey;
  publicJwk: JWK & { kid: string };
}

/**
 * Signs audit exports with the municipality's Ed25519 key (EdDSA through jose); each tenant has
 * its own (issue 21). The public half is published at /.well-known/jwks.json (the default
 * tenant's, or a TENANT_HOSTS host's) and at /openbaar/<tenant>/jwks.json, so anyone can check
 * an export without asking the server.
 */
@Injectable()
export class AuditSigner implements OnModuleInit {
  private readonly logger = new Logger('AuditSigner');
  private readonly keys = new Map<string, Promise<SigningKey>>();
  /** The default tenant's key without AUDIT_SIGNING_KEY: development only, made per run. */
  private developmentKey: JWK | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenancy: Tenancy,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.auditSigningKey) return;
    // Development only (production refuses to start without a key): exports signed now cannot be checked after a restart.
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    this.developmentKey = await exportJWK(pair.privateKey);
    this.logger.warn('AUDIT_SIGNING_KEY is not set: audit exports are signed with a key made for this run only');
  }

  /** The tenant in scope's key: the environment's for the default tenant, else the one made when the tenant was added. */
  private key(): Promise<SigningKey> {
    const tenant = this.tenancy.current();
    let key = this.keys.get(tenant.id);
    if (!key) {
      const stored = tenant.fromEnvironment ? this.config.auditSigningKey : this.tenancy.row(tenant.id)?.signingKey;
      const jwk = stored ? (JSON.parse(stored) as JWK) : this.developmentKey;
      if (!jwk) throw new Error(`Tenant ${tenant.id} has no audit signing key`);
      key = imported(jwk);
      this.keys.set(tenant.id, key);
    }
    return key;
  }

  /** The public keys, as a JSON Web Key Set. */
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.key()).publicJwk] };
  }

  /**
   * A detached JWS over the RFC 8785 canonical JSON of the document: `<protected header>..<signature>`.
   * To check it, put the base64url of that canonical JSON between the two dots and verify with the public key.
   */
  async sign(document: unknown): Promise<{ alg: 'EdDSA'; kid: string; publicKey: JWK; jws: string }> {
    const { privateKey, publicJwk } = await this.key();
    const payload = new TextEncoder().encode(canonicalize(document) ?? '');
    const signed = await new FlattenedSign(payload).setProtectedHeader({ alg: 'EdDSA', kid: publicJwk.kid }).sign(privateKey);
    return { alg: 'EdDSA', kid: publicJwk.kid, publicKey: publicJwk, jws: `${signed.protected}..${signed.signature}` };
  }
}

async function imported(jwk: JWK): Promise<SigningKey> {
  const privateKey = (await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
  const { kty, crv, x } = jwk;
  const publicJwk = { kty: kty!, crv: crv!, x: x! };
  return { privateKey, publicJwk: { ...publicJwk, alg: 'EdDSA', use: 'sig', kid: await calculateJwkThumbprint(publicJwk) } };
}

/** A new tenant's signing key, a private JWK (issue 21). */
export async function newSigningKey(): Promise<string> {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return JSON.stringify(await exportJWK(pair.privateKey));
}
