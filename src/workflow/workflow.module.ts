import { Module, type OnModuleInit } from '@nestjs/common';
import { assertMachineGraph } from '../../machines/participation-project';
import { ReminderWorkflow } from './reminder-workflow.service';
import { FileWorkflow } from './file-workflow.service';
import { GuideWorkflow } from './guide-workflow.service';
import { RetentionWorkflow } from './retention-workflow.service';
import { UnitOfWork } from './unit-of-work';
import { WorkflowService } from './workflow.service';

@Module({
  providers: [UnitOfWork, WorkflowService, ReminderWorkflow, FileWorkflow, RetentionWorkflow, GuideWorkflow],
  exports: [WorkflowService, ReminderWorkflow, FileWorkflow, RetentionWorkflow, GuideWorkflow],
})
export class WorkflowModule implements OnModuleInit {
  /** A broken machine graph fails the boot, not a user. */
  onModuleInit(): void {
    assertMachineGraph();
  }
}
