import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CommunicationsModule } from '../communications/communications.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { ProjectFileModule } from '../project-file/project-file.module';
import { ProjectsModule } from '../projects/projects.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { WebController } from './web.controller';
import { OidcSignIn } from './oidc-sign-in';
import { WebPages } from './web-pages';
import { WebSession } from './web-session';

/** The web interface for civil servants, at / (the API stays under /api). */
@Module({
  imports: [ProjectsModule, DecisionsModule, CommunicationsModule, AuditModule, WorkflowModule, ProjectFileModule],
  controllers: [WebController],
  providers: [WebSession, WebPages, OidcSignIn],
})
export class WebModule {}
