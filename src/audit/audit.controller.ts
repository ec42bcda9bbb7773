import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../common/api-error';
import { linkNext, PageQuery } from '../common/page.query';
import { AllowRoles, Public } from '../auth/auth.decorators';
import { ANY_ROLE, AUDITORS } from '../auth/roles';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuditRootsService } from './audit-roots.service';
import { AuditSigner } from './audit-signer';
import { AuditService } from './audit.service';
import { AUDIT_ENTRY, AUDIT_EXPORT, AUDIT_ROOT, AUDIT_ROOT_WITH_HEADS, Answers, CHAIN_VERIFICATION, JWKS, listOf } from '../common/response-schemas';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('projects/:id/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('export')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The trail as a signed document anyone can check offline: entries, head, how each hash is made (SHA-256 over RFC 8785 canonical JSON) and an Ed25519 signature (npx interactiewijzer-verify)' })
  @Answers(AUDIT_EXPORT)
  export(@Param('id') id: string) {
    return this.audit.export(id, this.config.reminders.publicUrl);
  }

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "The project's timeline, oldest first, each entry hash-chained to the one before; 50 entries a page unless `limit` says otherwise (at most 500), the next page in the Link header (rel=\"next\", its cursor the last entry's seq). The whole trail in one document is the export." })
  @ApiResponse({ status: 400, description: 'invalid-request: limit outside 1–500, or a cursor that is not an entry number' })
  @Answers(listOf(AUDIT_ENTRY))
  async timeline(@Param('id') id: string, @Query() page: PageQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const after = page.cursor === undefined ? 0 : Number(page.cursor);
    if (!Number.isInteger(after) || after < 0) throw new ApiError(400, 'invalid-request', 'cursor is the seq of the last entry of the previous page.', { errors: [{ field: 'cursor', rules: ['isInt'], messages: ['cursor must be an entry number'] }] });
    const entries = await this.audit.after(id, after, page.limit);
    linkNext(reply, `/api/projects/${id}/audit`, page, entries.length, entries.at(-1) && String(entries.at(-1)!.seq));
    return entries;
  }

  @Get('verify')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'Recompute the hash chain: reports the first entry that was edited, or a deleted tail' })
  @Answers(CHAIN_VERIFICATION)
  verify(@Param('id') id: string) {
    return this.audit.verify(id);
  }
}

/** The roots over every project's chain head: daily, on request, and the latest for anyone. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/roots')
export class AuditRootsController {
  constructor(private readonly roots: AuditRootsService) {}

  @Post()
  @HttpCode(201)
  @AllowRoles(...AUDITORS)
  @ApiOperation({ summary: 'Compute a root over every project\'s chain head now; save it (with its heads) to prove later that no chain was rewritten' })
  @Answers(AUDIT_ROOT_WITH_HEADS, 'The root and the heads it covers', 201)
  compute() {
    return this.roots.compute();
  }

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'Every root computed, newest first' })
  @Answers(listOf(AUDIT_ROOT))
  list() {
    return this.roots.list();
  }

  @Get('latest')
  @Public()
  @ApiOperation({ summary: 'The latest root, for anyone: no personal data, no sign-in' })
  @Answers(AUDIT_ROOT)
  latest() {
    return this.roots.latest();
  }

  @Get(':rootId')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'One root with the chain heads it covers: what to save to check an export against later' })
  @Answers(AUDIT_ROOT_WITH_HEADS)
  get(@Param('rootId', new ParseUUIDPipe()) rootId: string) {
    return this.roots.get(rootId);
  }
}

/** The public half of the key audit exports are signed with. */
@ApiTags('audit')
@Controller('.well-known')
export class WellKnownController {
  constructor(private readonly signer: AuditSigner) {}

  @Get('jwks.json')
  @Public()
  @ApiOperation({ summary: "The public key (JWK Set) that audit exports are signed with: the default municipality's, or the one whose host name this is" })
  @Answers(JWKS)
  jwks() {
    return this.signer.jwks();
  }
}

/** Each municipality's public key, at its own public address (issue 21). */
@ApiTags('audit')
@Controller('openbaar/:tenant')
export class TenantKeysController {
  constructor(private readonly signer: AuditSigner) {}

  @Get('jwks.json')
  @Public()
  @ApiOperation({ summary: "The public key (JWK Set) that this municipality's audit exports are signed with (their signature.jwks)" })
  @ApiParam({ name: 'tenant', description: 'The municipality (tenant) id' })
  @Answers(JWKS)
  jwks() {
    return this.signer.jwks();
  }
}
