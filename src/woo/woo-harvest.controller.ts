import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Tenancy } from '../tenancy/tenancy.service';
import { WooService } from './woo.service';

/** Where a harvester finds a municipality's sitemap index. */
const harvestPath = (tenant: string) => `/openbaar/${tenant}/woo`;

/**
 * The harvest path of the Woo-index (open.overheid.nl), as the DiWoo sitemap protocol has it:
 * `/robots.txt` names each municipality's sitemap index, the index lists a sitemap per
 * information category (Woo art. 3.3, and art. 3.1 for voluntary publication), and each sitemap
 * lists the published documents with their DiWoo metadata. Public, like the published documents.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WooHarvestController {
  constructor(
    private readonly woo: WooService,
    private readonly tenancy: Tenancy,
  ) {}

  /**
   * Crawlers keep to the public pages; the sitemap indexes of the municipalities this host serves:
   * its own on a municipality's host name (TENANT_HOSTS), else each that has a CBS code.
   */
  @Get('robots.txt')
  robots(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
    const hosted = this.tenancy.hostedBy(req.hostname);
    const tenants = this.tenancy.all().filter((t) => t.municipalityCode && (hosted === undefined || t.id === hosted));
    reply.type('text/plain; charset=utf-8');
    return ['User-agent: *', 'Allow: /openbaar/', 'Allow: /toegankelijkheid', 'Disallow: /', '', ...tenants.map((t) => `Sitemap: ${originOf(req)}${harvestPath(t.id)}/sitemapindex.xml`), ''].join('\n');
  }

  @Get('openbaar/:tenant/woo/sitemapindex.xml')
  async index(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Param('tenant') tenant: string): Promise<string> {
    const xml = await this.woo.harvestIndex(`${originOf(req)}${harvestPath(tenant)}`);
    reply.type('application/xml; charset=utf-8');
    return xml;
  }

  @Get('openbaar/:tenant/woo/:sitemap')
  async sitemap(@Res({ passthrough: true }) reply: FastifyReply, @Param('sitemap') sitemap: string): Promise<string> {
    const xml = await this.woo.harvestSitemap(sitemap);
    reply.type('application/xml; charset=utf-8');
    return xml;
  }
}

/** The address the harvester used (behind a proxy, with TRUST_PROXY): the protocol keeps index and sitemaps on one host. */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}
