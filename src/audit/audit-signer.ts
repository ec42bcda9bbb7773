import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { calculateJwkThumbprint, exportJWK, FlattenedSign, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Signs audit exports with the service's Ed25519 key (EdDSA through jose). The public half is
 * published at /.well-known/jwks.json, so anyone can check an export without asking the server.
 */
@Injectable()
export class AuditSigner implements OnModuleInit {
  private readonly logger = new Logger('AuditSigner');
  private privateKey!: CryptoKey;
  private publicJwk!: JWK & { kid: string };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    let jwk: JWK;
    if (this.config.auditSigningKey) {
      jwk = JSON.parse(this.config.auditSigningKey) as JWK;
    } else {
      // Development only (production refuses to start without a key): exports signed now cannot be checked after a restart.
      const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      jwk = await exportJWK(pair.privateKey);
      this.logger.warn('AUDIT_SIGNING_KEY is not set: audit exports are signed with a key made for this run only');
    }
    this.privateKey = (await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
    const { kty, crv, x } = jwk;
    const publicJwk = { kty: kty!, crv: crv!, x: x! };
    this.publicJwk = { ...publicJwk, alg: 'EdDSA', use: 'sig', kid: await calculateJwkThumbprint(publicJwk) };
  }

  /** The public keys, as a JSON Web Key Set. */
  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /**
   * A detached JWS over the RFC 8785 canonical JSON of the document: `<protected header>..<signature>`.
   * To check it, put the base64url of that canonical JSON between the two dots and verify with the public key.
   */
  async sign(document: unknown): Promise<{ alg: 'EdDSA'; kid: string; publicKey: JWK; jws: string }> {
    const payload = new TextEncoder().encode(canonicalize(document) ?? '');
    const signed = await new FlattenedSign(payload).setProtectedHeader({ alg: 'EdDSA', kid: this.publicJwk.kid }).sign(this.privateKey);
    return { alg: 'EdDSA', kid: this.publicJwk.kid, publicKey: this.publicJwk, jws: `${signed.protected}..${signed.signature}` };
  }
}
