import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DecisionsController } from './decisions.controller';
import { GreenLightRequestsController } from './green-light-requests.controller';
import { ProjectFileModule } from '../project-file/project-file.module';
import { DecisionsService } from './decisions.service';

@Module({
  imports: [ProjectsModule, WorkflowModule, ProjectFileModule],
  controllers: [DecisionsController, GreenLightRequestsController],
  providers: [DecisionsService],
  exports: [DecisionsService],
})
export class DecisionsModule {}
