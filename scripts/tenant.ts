/**
 * The operator's first set-up of the municipalities of one installation (issue 21):
 *
 *   npm run tenant -- add --id gemeente-a --name "Gemeente A" --code 0363 [--guide voorbeeldrijk-2026] [--mail-from "Gemeente A <participatie@gemeente-a.nl>"]
 *   npm run tenant -- list
 *
 * The same as POST and GET /api/tenants with an operator token; the environment is the service's
 * (DATABASE_URL, or the SQLite file).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { ApiError } from '../src/common/api-error';
import { validated } from '../src/common/validation';
import { ConfigError, loadConfig } from '../src/config/app-config';
import { CreateTenantDto } from '../src/tenants/dto/tenant.dto';
import { TenantsService } from '../src/tenants/tenants.service';

const USAGE = 'Usage: npm run tenant -- add --id <slug> --name "Gemeente A" --code <CBS code, 4 digits> [--guide <guide id>] [--mail-from "<sender>"]\n       npm run tenant -- list';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { id: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' }, guide: { type: 'string' }, 'mail-from': { type: 'string' } },
  });
  const command = positionals[0];
  if (command !== 'add' && command !== 'list') throw new ConfigError(USAGE);
  // Checked before anything connects: a typo costs no start-up.
  const input =
    command === 'add'
      ? await validated(CreateTenantDto, { id: values.id, name: values.name, municipalityCode: values.code, ...(values.guide && { guide: values.guide }), ...(values['mail-from'] && { mail: { from: values['mail-from'] } }) })
      : undefined;
  const app = await NestFactory.createApplicationContext(AppModule.tenants(loadConfig()), { logger: ['error'] });
  try {
    const tenants = app.get(TenantsService);
    if (input) {
      const added = await tenants.create(input);
      console.log(`Added ${added.name} (${added.id}), guide ${added.guide}; public pages at ${added.publicPages}, signing key at ${added.jwks}.`);
      console.log(`Its users' tokens name it in the "${loadConfig().tenancy.claim}" claim.`);
      return;
    }
    for (const t of await tenants.list()) console.log(`${t.id}  ${t.name}  ${t.municipalityCode ?? '(no CBS code)'}  guide ${t.guide}${t.fromEnvironment ? '  (default, from the environment)' : ''}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ApiError) {
    const details = (error.details.errors as Array<{ field?: string; messages?: string[]; message?: string }> | undefined) ?? [];
    console.error(`${error.message}${details.map((d) => `\n- ${d.field ?? ''}: ${d.messages?.join('; ') ?? d.message ?? ''}`).join('')}\n${USAGE}`);
  } else {
    console.error(error instanceof ConfigError ? error.message : error);
  }
  process.exit(2);
});
