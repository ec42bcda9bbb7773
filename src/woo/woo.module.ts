import { Module } from '@nestjs/common';
import { ProjectFileModule } from '../project-file/project-file.module';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { WooController } from './woo.controller';
import { WooService } from './woo.service';

/** Active publication under the Wet open overheid: marking decisions and documents, and the DiWoo export. */
@Module({
  imports: [ProjectsModule, ProjectFileModule, WorkflowModule],
  controllers: [WooController],
  providers: [WooService],
  exports: [WooService],
})
export class WooModule {}
