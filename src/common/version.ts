/** The release, as package.json names it (test/config.spec.ts holds the two together). */
export const PACKAGE_VERSION = '0.1.0';
