import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProjectFileModule } from '../project-file/project-file.module';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { AccountabilityController } from './accountability.controller';
import { AccountabilityService } from './accountability.service';
import { PublicProjectsService } from './public-projects.service';

/** The documents a municipality accounts with: the participation account and the nota van beantwoording (issue 12). */
@Module({
  imports: [ProjectsModule, AuditModule, ProjectFileModule, WorkflowModule],
  controllers: [AccountabilityController],
  providers: [AccountabilityService, PublicProjectsService],
  exports: [AccountabilityService, PublicProjectsService],
})
export class AccountabilityModule {}
