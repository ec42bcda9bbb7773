import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { MilestonesController } from './milestones.controller';

@Module({
  imports: [ProjectsModule, WorkflowModule],
  controllers: [MilestonesController],
})
export class MilestonesModule {}
