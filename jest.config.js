/**
 * Nest 12 ships ES modules only. Node 20 can require() them, but Jest's module
 * loader cannot (before Node 24.9), so Jest compiles them to CommonJS with Babel.
 */
const nestToCommonJs = {
  babelrc: false,
  configFile: false,
  plugins: ['babel-plugin-transform-import-meta', '@babel/plugin-transform-modules-commonjs'],
};

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' } }],
    '/node_modules/(@nestjs|jose|canonicalize)/.+\\.js$': ['babel-jest', nestToCommonJs],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose|canonicalize)/)'],
};
