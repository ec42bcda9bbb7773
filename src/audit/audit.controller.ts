import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../auth/auth.decorators';
import { ANY_ROLE } from '../auth/roles';
import { AuditService } from './audit.service';
import { AUDIT_ENTRY, Answers, CHAIN_VERIFICATION, listOf } from '../common/response-schemas';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('projects/:id/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "The project's timeline, oldest first, each entry hash-chained to the one before" })
  @Answers(listOf(AUDIT_ENTRY))
  timeline(@Param('id') id: string) {
    return this.audit.timeline(id);
  }

  @Get('verify')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'Recompute the hash chain: reports the first entry that was edited, or a deleted tail' })
  @Answers(CHAIN_VERIFICATION)
  verify(@Param('id') id: string) {
    return this.audit.verify(id);
  }
}
