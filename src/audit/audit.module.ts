import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectsModule } from '../projects/projects.module';
import { AuditRootEntity } from '../database/audit-root.entity';
import { ProjectEntity } from '../database/project.entity';
import { AuditController, AuditRootsController, WellKnownController } from './audit.controller';
import { AuditRootsService } from './audit-roots.service';
import { AuditSigner } from './audit-signer';
import { AuditService } from './audit.service';

@Module({
  imports: [TypeOrmModule.forFeature([AuditRootEntity, ProjectEntity]), ProjectsModule],
  controllers: [AuditController, AuditRootsController, WellKnownController],
  providers: [AuditService, AuditSigner, AuditRootsService],
  exports: [AuditService, AuditRootsService],
})
export class AuditModule {}
