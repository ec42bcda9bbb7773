// A real OpenID Connect provider (panva's oidc-provider) for the browser tests: the
// municipality's identity provider in miniature. Its development login accepts any password.
//   node oidc-provider.mjs <port> <client id> <client secret> <redirect uri>
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const accounts = {
  'a.de.vries': { name: 'A. de Vries', roles: ['process-manager'] },
  'zonder.rol': { name: 'Zonder Rol', roles: [] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
  claims: { openid: ['sub'], profile: ['name'], roles: ['roles'] },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...(accounts[id] ?? { name: id, roles: [] }) }) }),
  // The profile and roles claims in the ID token itself, as municipal providers configure it.
  conformIdTokenClaims: false,
  cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
  features: { devInteractions: { enabled: true } },
});
provider.listen(Number(port), '127.0.0.1', () => console.log('oidc-provider ready'));
