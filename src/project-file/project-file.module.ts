import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { ProjectFileController } from './project-file.controller';
import { ProjectFileService } from './project-file.service';

/** The project's file: quick scan, commitment, plan of approach, stakeholders, inspection and reactions. */
@Module({
  imports: [ProjectsModule, WorkflowModule],
  controllers: [ProjectFileController],
  providers: [ProjectFileService],
  exports: [ProjectFileService],
})
export class ProjectFileModule {}
