import { Inject, Injectable } from '@nestjs/common';
import { Tenancy } from '../tenancy/tenancy.service';
import { publicationBasis, WOO_CATEGORY_KEYS, type PublicationBasis, type WooCategory, type WooItem } from '../../machines/publication/woo';
import type { Actor } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProjectFileService } from '../project-file/project-file.service';
import { ProjectsService } from '../projects/projects.service';
import { FileWorkflow } from '../workflow/file-workflow.service';
import { diwooUrlset, SITEMAP_LIMIT, sitemapIndex, type PublishedItem, type WooPublisher } from './diwoo-sitemap';
import type { PublishWooDto } from './woo.dto';

/** Active publication under the Woo: what is marked, the DiWoo export of it, and the harvest of the whole municipality. */
@Injectable()
export class WooService {
  constructor(
    private readonly workflow: FileWorkflow,
    private readonly file: ProjectFileService,
    private readonly projects: ProjectsService,
    private readonly tenancy: Tenancy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  publish(projectId: string, input: PublishWooDto, actor: Actor): Promise<WooItem> {
    return this.workflow.publishForWoo(projectId, input, actor);
  }

  withdraw(projectId: string, itemId: string, reason: string, actor: Actor): Promise<WooItem> {
    return this.workflow.withdrawFromWoo(projectId, itemId, reason, actor);
  }

  /** Whether publishing the item was mandatory (its category's duty in force that day) or voluntary. */
  basis(item: WooItem): PublicationBasis {
    return publicationBasis(item.category, item.publishedOn, this.config.woo.categoriesInForce);
  }

  list(projectId: string): Promise<WooItem[]> {
    return this.file.wooItems(projectId);
  }

  async diwoo(projectId: string): Promise<string> {
    const publisher = this.publisher();
    const [project, items] = await Promise.all([this.projects.find(projectId), this.file.wooItems(projectId)]);
    return diwooUrlset(items.map((item) => ({ project, item })), publisher);
  }

  /**
   * The municipality's sitemap index for the Woo-index (DiWoo sitemap protocol): one sitemap per
   * information category of Woo art. 3.3 (and art. 3.1) that has published items, split in pages
   * of at most SITEMAP_LIMIT, each with the moment its newest item was published.
   */
  async harvestIndex(base: string): Promise<string> {
    // Without a publisher no sitemap it names could be made: refuse the index too.
    this.publisher();
    const byCategory = groupByCategory(await this.file.publishedWooItems());
    const sitemaps = [...byCategory].flatMap(([category, items]) =>
      pagesOf(items).map((page, index) => ({ loc: `${base}/${sitemapName(category, index + 1)}`, lastmod: page.map((p) => p.item.publishedAt).sort().at(-1)! })),
    );
    return sitemapIndex(sitemaps);
  }

  /** One sitemap of the index: a page of one category's items with their DiWoo metadata; 404 when there is no such page. */
  async harvestSitemap(name: string): Promise<string> {
    const publisher = this.publisher();
    const sitemap = parseSitemapName(name);
    const items = sitemap && groupByCategory(await this.file.publishedWooItems()).get(sitemap.category);
    const page = items && pagesOf(items)[sitemap.page - 1];
    if (!page) throw ApiError.notFound('sitemap', name);
    return diwooUrlset(page, publisher);
  }

  /** The municipality as DiWoo names it: by its CBS code in the TOOI register. */
  private publisher(): WooPublisher {
    const { municipalityCode: cbsCode, name } = this.tenancy.current();
    if (!cbsCode) throw new ApiError(409, 'municipality-code-missing', 'Set MUNICIPALITY_CODE (the municipality’s CBS code, e.g. 0363) so the export can name the municipality as publisher.');
    return { cbsCode, name, inForce: this.config.woo.categoriesInForce };
  }
}

const sitemapName = (category: WooCategory, page: number) => `${category}-${page}.xml`;

function parseSitemapName(name: string): { category: WooCategory; page: number } | null {
  const match = /^(.+)-([1-9]\d{0,5})\.xml$/.exec(name);
  return match && WOO_CATEGORY_KEYS.includes(match[1] as WooCategory) ? { category: match[1] as WooCategory, page: Number(match[2]) } : null;
}

/** Items per category, in the order of the categories in the law; within one, oldest first and then by id, so pages stay put. */
function groupByCategory(items: PublishedItem[]): Map<WooCategory, PublishedItem[]> {
  const sorted = [...items].sort((a, b) => a.item.publishedAt.localeCompare(b.item.publishedAt) || a.item.id.localeCompare(b.item.id));
  return new Map(WOO_CATEGORY_KEYS.map((category) => [category, sorted.filter((p) => p.item.category === category)] as const).filter(([, list]) => list.length > 0));
}

function pagesOf<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / SITEMAP_LIMIT) }, (_, i) => items.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT));
}
