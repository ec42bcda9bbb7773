/**
 * The token in an Authorization header: `Bearer <jwt>`, or — so that a browser's own
 * sign-in prompt can carry it to the queue board — `Basic` with the token as password.
 */
export function tokenFromHeader(header: string | undefined, options: { basic: boolean } = { basic: false }): string | undefined {
  const [scheme, credentials] = String(header ?? '').split(' ');
  switch (scheme?.toLowerCase()) {
    case 'bearer':
      return credentials || undefined;
    case 'basic': {
      if (!options.basic || !credentials) return undefined;
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      return decoded.slice(decoded.indexOf(':') + 1) || undefined;
    }
    default:
      return undefined;
  }
}
