import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../auth/auth.decorators';
import { AUDITORS } from '../auth/roles';
import { ArchiveService } from './archive.service';

@ApiTags('archive')
@ApiBearerAuth()
@Controller('projects/:id/archive')
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  @Get()
  @AllowRoles(...AUDITORS)
  @ApiOperation({
    summary:
      'The archive package of a closed or stopped project for the municipality’s e-depot (zip): every version of the file’s documents, the participation account and the public nota as PDF/A-2a, the decisions, the signed trail export with its guide versions, MDTO metadata (valid against MDTO-XML 1.0.1 and 1.0.2) for the dossier and for each archiefstuk and bestand (SHA-256), and sha256sums.txt',
  })
  @ApiProduces('application/zip')
  @ApiResponse({ status: 200, description: 'The package', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 409, description: 'project-not-ended: the project is still running' })
  async package(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { fileName, bytes } = await this.archive.package(id);
    reply.type('application/zip').header('content-disposition', `attachment; filename="${fileName}"`);
    return bytes;
  }
}
