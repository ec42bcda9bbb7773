import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MilestoneEntity } from '../database/milestone.entity';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { MilestonesController } from './milestones.controller';

@Module({
  imports: [TypeOrmModule.forFeature([MilestoneEntity]), ProjectsModule, WorkflowModule],
  controllers: [MilestonesController],
})
export class MilestonesModule {}
