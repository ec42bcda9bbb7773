import { Module, type OnModuleInit } from '@nestjs/common';
import { assertMachineGraph } from '../../machines/participation-project';
import { SilenceWorkflow } from './silence-workflow.service';
import { WorkflowService } from './workflow.service';

@Module({
  providers: [WorkflowService, SilenceWorkflow],
  exports: [WorkflowService, SilenceWorkflow],
})
export class WorkflowModule implements OnModuleInit {
  /** A broken machine graph fails the boot, not a user. */
  onModuleInit(): void {
    assertMachineGraph();
  }
}
