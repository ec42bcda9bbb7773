import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { AuditController, AuditRootsController, TenantKeysController, WellKnownController } from './audit.controller';
import { AuditRootsService } from './audit-roots.service';
import { AuditSigner } from './audit-signer';
import { AuditService } from './audit.service';

@Module({
  imports: [ProjectsModule],
  controllers: [AuditController, AuditRootsController, WellKnownController, TenantKeysController],
  providers: [AuditService, AuditSigner, AuditRootsService],
  exports: [AuditService, AuditRootsService],
})
export class AuditModule {}
