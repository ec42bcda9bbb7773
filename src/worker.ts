import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { boundShutdown } from './common/shutdown';
import { ConfigError, loadConfig } from './config/app-config';

/** Reminder workers alone, for scale-out: run the API with WORKERS=off and as many of these as needed. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.worker(config), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  boundShutdown(config.shutdownGraceMs * 2);
  // The host only: the URL may hold a password.
  Logger.log(`Reminder workers running against Redis at ${new URL(config.reminders.redisUrl).host} (prefix ${config.reminders.queuePrefix})`, 'interactiewijzer');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
