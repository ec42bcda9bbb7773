import { Injectable } from '@nestjs/common';
import { Tenancy } from '../tenancy/tenancy.service';
import type { WooItem } from '../../machines/publication/woo';
import type { Actor } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { ProjectFileService } from '../project-file/project-file.service';
import { ProjectsService } from '../projects/projects.service';
import { FileWorkflow } from '../workflow/file-workflow.service';
import { diwooSitemap } from './diwoo-sitemap';
import type { PublishWooDto } from './woo.dto';

/** Active publication under the Woo: what is marked, and the DiWoo export of it. */
@Injectable()
export class WooService {
  constructor(
    private readonly workflow: FileWorkflow,
    private readonly file: ProjectFileService,
    private readonly projects: ProjectsService,
    private readonly tenancy: Tenancy,
  ) {}

  publish(projectId: string, input: PublishWooDto, actor: Actor): Promise<WooItem> {
    return this.workflow.publishForWoo(projectId, input, actor);
  }

  withdraw(projectId: string, itemId: string, reason: string, actor: Actor): Promise<WooItem> {
    return this.workflow.withdrawFromWoo(projectId, itemId, reason, actor);
  }

  list(projectId: string): Promise<WooItem[]> {
    return this.file.wooItems(projectId);
  }

  async diwoo(projectId: string): Promise<string> {
    const { municipalityCode: cbsCode, name } = this.tenancy.current();
    if (!cbsCode) throw new ApiError(409, 'municipality-code-missing', 'Set MUNICIPALITY_CODE (the municipality’s CBS code, e.g. 0363) so the export can name the municipality as publisher.');
    const [project, items] = await Promise.all([this.projects.find(projectId), this.file.wooItems(projectId)]);
    return diwooSitemap(project, items, { cbsCode, name });
  }
}
