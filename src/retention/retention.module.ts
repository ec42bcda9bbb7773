import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Residents' personal data kept no longer than needed, and erased by a recorded act (issue 18). */
@Module({
  imports: [ProjectsModule, WorkflowModule],
  controllers: [RetentionController],
  providers: [RetentionService],
  exports: [RetentionService],
})
export class RetentionModule {}
