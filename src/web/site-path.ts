const SITE = 'http://site.invalid';

/**
 * A path of this site to send the browser back to, normalised by the URL parser as a browser
 * would read it (tabs and line breaks dropped, backslashes as slashes, non-ASCII encoded);
 * anything that would leave the site, or is no path at all, becomes "/".
 */
export function sitePath(candidate: string): string {
  if (!candidate.startsWith('/')) return '/';
  try {
    const url = new URL(candidate, SITE);
    return url.origin === SITE ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
