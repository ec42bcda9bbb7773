/**
 * The service runs as its own process in the tests (test/support/test-app.ts), so Jest
 * never loads Nest. jose ships ES modules only: Node 20 can require() them, Jest's
 * module loader cannot (before Node 24.9), so Jest compiles it to CommonJS with Babel.
 */
const esmOnlyPackages = 'jose';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/machines', '<rootDir>/src', '<rootDir>/test'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 30000,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' } }],
    [`/node_modules/(${esmOnlyPackages})/.+\\.js$`]: [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: ['babel-plugin-transform-import-meta', '@babel/plugin-transform-modules-commonjs'] },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages})/)`],
};
