// Registers uploaded over HTTP: a template per action command, a preview that checks every row and records
// nothing, and the upload itself, which answers with progress lines (NDJSON) while it records and ends with
// the summary and the rejected rows as files (CSV text and xlsx in base64).
import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { todayInLedgerZone, type PlanSeed, type WritePolicyContext } from '@ledger/domain';
import { Allow, Public } from '../http/access-rule.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiJsonResponse } from '../http/response-schema';
import { parseRequestContext } from '../http/command-context.decorator';
import type { AuthenticatedRequest } from '../http/authenticated-request';
import { ValidationFailedError } from '../errors/ledger-errors';
import { IMPORTABLE_COMMANDS, type ImportableCommand } from '../actions/action-import';
import { PLAN_SEED } from '../read/projections.providers';
import { WRITE_ACCESS } from '../auth/write-access';
import { readUploadBody, rowsOf, uploadFormatOf } from './upload-body';
import { rejectedRowsCsv, rejectedRowsXlsx } from './rejected-rows';
import { planCodesOn, templateCsv, templateXlsx } from './upload-template';
import { UploadHeaderError, UploadService, type UploadSummary } from './upload.service';
import {
  UPLOAD_ACTIONS_SCHEMA,
  UPLOAD_PREVIEW_SCHEMA,
  UPLOAD_PROGRESS_SCHEMA,
  UPLOAD_REQUEST_BODY,
} from './uploads.response.schemas';

const EXAMPLE_ACTION = [...IMPORTABLE_COMMANDS.keys()][0];
const ACTION_PARAM = {
  name: 'action',
  example: EXAMPLE_ACTION,
  description: 'The upload name of the action command (GET /uploads/actions)',
};
const FORMAT_QUERY = {
  name: 'format',
  required: false,
  enum: ['csv', 'xlsx'],
  description: 'Overrides the Content-Type (the bytes tell when neither does)',
};
const RULE = 'an officer uploads the register of the actions his agency carries out, in his own org units';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function commandOf(name: string): ImportableCommand {
  const importable = IMPORTABLE_COMMANDS.get(name);
  if (!importable)
    throw new ValidationFailedError([
      { field: 'action', message: `action must be one of ${[...IMPORTABLE_COMMANDS.keys()].join(', ')}` },
    ]);
  return importable;
}

const headerProblem = (error: unknown) =>
  error instanceof UploadHeaderError
    ? new ValidationFailedError([{ field: 'file', message: `file: ${error.message}` }])
    : error;

async function withRejected(summary: UploadSummary) {
  if (summary.problems.length === 0) return summary;
  return {
    ...summary,
    rejectedCsv: rejectedRowsCsv(summary.problems),
    rejectedXlsx: (await rejectedRowsXlsx(summary.problems)).toString('base64'),
  };
}

@ApiTags('uploads')
@Controller('uploads')
export class UploadsHttpController {
  constructor(
    private readonly uploads: UploadService,
    @Inject(PLAN_SEED) private readonly seed: PlanSeed,
    @Inject(WRITE_ACCESS) private readonly access: WritePolicyContext,
  ) {}

  @Public('the list of what can be uploaded is public, as the catalogue of actions is')
  @Get('actions')
  @ApiOperation({
    summary: 'Every action command a register can be uploaded for: its upload name and labels',
    operationId: 'listUploadActions',
  })
  @ApiJsonResponse(UPLOAD_ACTIONS_SCHEMA)
  actions() {
    return [...IMPORTABLE_COMMANDS.values()].map((i) => ({
      name: i.name,
      type: i.command.type,
      label: i.command.label,
      actionLabel: i.action.label,
    }));
  }

  @Public('the templates show only the plan, which is public')
  @Get('templates/:file')
  @ApiOperation({
    summary: 'Template of the register of one action command (<action>.xlsx or <action>.csv; ?lang=en)',
    operationId: 'downloadUploadTemplate',
  })
  @ApiParam({ name: 'file', example: `${EXAMPLE_ACTION}.csv`, description: '<action>.xlsx or <action>.csv' })
  @ApiQuery({ name: 'lang', required: false, enum: ['vi', 'en'], description: 'The language of the headers' })
  @ApiProduces(XLSX, 'text/csv')
  @ApiOkResponse({
    description: 'The template file',
    content: {
      'text/csv': { schema: { type: 'string' } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems(400, 404)
  async template(@Param('file') file: string, @Query('lang') lang: string | undefined, @Res() res: Response) {
    const m = /^([a-z0-9_]+)\.(xlsx|csv)$/.exec(file);
    if (!m)
      throw new ValidationFailedError([
        { field: 'file', message: 'file must be <action>.xlsx or <action>.csv' },
      ]);
    const importable = commandOf(m[1]);
    if (lang !== undefined && lang !== 'vi' && lang !== 'en')
      throw new ValidationFailedError([{ field: 'lang', message: 'lang must be vi or en' }]);
    const language = lang ?? 'vi';
    const codes = planCodesOn(this.seed, this.access, todayInLedgerZone());
    res.setHeader('Content-Disposition', `attachment; filename="${importable.name}.${m[2]}"`);
    if (m[2] === 'csv') res.type('text/csv; charset=utf-8').send(templateCsv(importable, language, codes));
    else res.type(XLSX).send(await templateXlsx(importable, language, codes));
  }

  @Allow(['officer', 'supervisor'], RULE)
  @Post(':action/preview')
  @ApiOperation({
    summary:
      "Checks every row of a register (the file as the body, CSV or xlsx) with the routes' own rules; records nothing",
    operationId: 'previewUpload',
  })
  @ApiParam(ACTION_PARAM)
  @ApiQuery(FORMAT_QUERY)
  @ApiBody(UPLOAD_REQUEST_BODY)
  @ApiJsonResponse(UPLOAD_PREVIEW_SCHEMA, {
    status: 201,
    description: 'What each row would do; nothing is recorded',
  })
  @ApiProblems(400, 404)
  async preview(
    @Param('action') action: string,
    @Query('format') format: string | undefined,
    @Req() req: Request,
  ) {
    const importable = commandOf(action);
    const { authority } = parseRequestContext(req as AuthenticatedRequest);
    const body = await readUploadBody(req);
    const rows = await rowsOf(body, uploadFormatOf(body, req.headers['content-type'], format));
    try {
      const summary = await this.uploads.run(toAsync(rows), {
        command: importable.name,
        authority,
        commit: false,
      });
      return { action: importable.name, ...(await withRejected(summary)) };
    } catch (error) {
      throw headerProblem(error);
    }
  }

  @Allow(['officer', 'supervisor'], RULE)
  @Post(':action')
  @ApiOperation({
    summary:
      'Records the valid rows of a register (the file as the body). Answers application/x-ndjson: progress lines, then the summary',
    operationId: 'uploadRegister',
  })
  @ApiParam(ACTION_PARAM)
  @ApiQuery(FORMAT_QUERY)
  @ApiBody(UPLOAD_REQUEST_BODY)
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description:
      'One JSON object a line: {type: progress, done, total} as rows are recorded, then {type: result, ...the summary} ' +
      '(or {type: error, detail} when a store fails half-way)',
    content: { 'application/x-ndjson': { schema: UPLOAD_PROGRESS_SCHEMA } },
  })
  @ApiProblems(400, 404)
  async upload(
    @Param('action') action: string,
    @Query('format') format: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const importable = commandOf(action);
    const { authority } = parseRequestContext(req as AuthenticatedRequest);
    const body = await readUploadBody(req);
    const rows = await rowsOf(body, uploadFormatOf(body, req.headers['content-type'], format));
    try {
      this.uploads.checkHeader(rows[0]?.values ?? [], importable.name, authority);
    } catch (error) {
      throw headerProblem(error);
    }
    res.status(200).type('application/x-ndjson');
    const total = Math.max(0, rows.length - 1);
    let last = 0;
    const write = (line: unknown) => res.write(`${JSON.stringify(line)}\n`);
    write({ type: 'progress', done: 0, total });
    try {
      const summary = await this.uploads.run(toAsync(rows), {
        command: importable.name,
        authority,
        commit: true,
        total,
        onProgress: (done) => {
          if (done - last >= Math.max(1, Math.floor(total / 100)) || done === total) {
            last = done;
            write({ type: 'progress', done, total });
          }
        },
      });
      write({ type: 'result', action: importable.name, ...(await withRejected(summary)) });
    } catch (error) {
      // The status line is sent: a store that fails half-way is reported as the last line.
      write({ type: 'error', detail: error instanceof Error ? error.message : String(error) });
    }
    res.end();
  }
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}
