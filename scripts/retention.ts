/**
 * Residents' personal data past its retention period (issue 18, AVG art. 5 lid 1 e):
 *
 *   npm run retention                      lists the ended projects whose period has passed
 *   npm run retention -- --erase --reason "Bewaartermijn verstreken"
 *                                          erases their personal data, each a recorded act
 *
 * Each kind has its period after the project ended: RETENTION_<KIND>_DAYS (reaction-sender,
 * initiator), by default RETENTION_PERSONAL_DATA_DAYS. Erasure keeps the digests
 * the trail committed to, so every chain still verifies, offline too.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { dutchDay } from '../machines/calendar/dutch-day';
import { AppModule } from '../src/app.module';
import { ConfigError, loadConfig } from '../src/config/app-config';
import { RetentionService } from '../src/retention/retention.service';
import { Tenancy } from '../src/tenancy/tenancy.service';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { erase: { type: 'boolean', default: false }, reason: { type: 'string' } } });
  if (values.erase && !values.reason?.trim()) throw new ConfigError('--erase needs --reason "…": the reason goes into each project’s trail.');
  const app = await NestFactory.createApplicationContext(AppModule.retention(loadConfig()), { logger: ['error'] });
  try {
    const retention = app.get(RetentionService);
    // Every municipality of the installation, each in its own scope (issue 21).
    await app.get(Tenancy).eachTenant(async (tenant) => {
      const due = await retention.due(dutchDay(new Date()));
      if (due.length === 0) console.log(`${tenant.name} (${tenant.id}): no project holds personal data past its retention period.`);
      if (!values.erase) {
        for (const line of due) console.log(`${tenant.id}  ${line.projectId}  ${line.title}: ${line.items} × ${line.kind}, to be erased from ${line.erasableFrom}`);
        return;
      }
      // One recorded act per project, for every kind whose period has passed.
      for (const [projectId, title] of new Map(due.map((line) => [line.projectId, line.title]))) {
        const erasure = await retention.erase(projectId, values.reason!, { name: 'retention command', role: 'admin', roles: ['admin'] });
        console.log(`${tenant.id}  ${projectId}  ${title}: ${erasure.items.length} items erased`);
      }
    });
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
