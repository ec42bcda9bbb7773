import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { boundShutdown } from './common/shutdown';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  boundShutdown(config.shutdownGraceMs * 2);
  await app.listen(config.port, config.host);
  const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.path} (synchronous=${config.database.synchronous})` : 'PostgreSQL';
  Logger.log(`Listening on ${await app.getUrl()} with ${where}; API docs at /api/docs`, 'interactiewijzer');
  if (!config.production && !process.env.AUTH_SECRET && !config.auth.jwksUrl) {
    Logger.warn('Using the development token secret; set AUTH_SECRET or AUTH_JWKS_URL for real use.', 'interactiewijzer');
  }
}

main().catch((error: unknown) => {
  // A configuration problem is the operator's to fix: say what, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
