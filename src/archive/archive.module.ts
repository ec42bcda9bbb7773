import { Module } from '@nestjs/common';
import { AccountabilityModule } from '../accountability/accountability.module';
import { AuditModule } from '../audit/audit.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { ProjectFileModule } from '../project-file/project-file.module';
import { ProjectsModule } from '../projects/projects.module';
import { ArchiveController } from './archive.controller';
import { ArchiveService } from './archive.service';

/** Records that last (issue 23): a closed project's archive package for the e-depot, with MDTO metadata. */
@Module({
  imports: [ProjectsModule, ProjectFileModule, DecisionsModule, AccountabilityModule, AuditModule],
  controllers: [ArchiveController],
  providers: [ArchiveService],
  exports: [ArchiveService],
})
export class ArchiveModule {}
