// How every write answers: 201 with the event ids and positions, the stream's revision as ETag (send it
// back as If-Match for the next step), and Location of the stream for a new case.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandResult } from '..';

export class IndicatorMovedResponse {
  @ApiProperty({ example: 'houses_built' }) key!: string;
  @ApiProperty({ enum: ['value', 'numerator', 'denominator', 'measurement'] }) part!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'What it added (negative: took back); for a measurement, the value set (null: withdrawn)',
  })
  change!: number | null;
}

export class CommandResponse {
  @ApiProperty() stream!: string;
  @ApiProperty({ type: [String] }) eventIds!: string[];
  @ApiProperty({ type: [Number] }) positions!: number[];
  @ApiProperty({ description: 'Revision of the stream after this command (also the ETag)' })
  revision!: number;
  @ApiProperty({ description: 'True when this id was already recorded: nothing new was appended' })
  replayed!: boolean;
  @ApiPropertyOptional() caseId?: string;
  @ApiPropertyOptional({
    type: [IndicatorMovedResponse],
    description: "The indicators the events moved, by the plan's contribution rules (actions only)",
  })
  indicators?: IndicatorMovedResponse[];
  @ApiPropertyOptional({
    description:
      'Pseudonymous reference of the person the action is for (HMAC of the citizen id): GET /beneficiaries/{ref}/history',
  })
  beneficiaryRef?: string;
  @ApiPropertyOptional({
    description: 'Pseudonymous reference of the household (housing, clean water, latrine)',
  })
  householdRef?: string;
  @ApiPropertyOptional() traineeRef?: string;
  @ApiPropertyOptional() workerRef?: string;
  @ApiPropertyOptional() borrowerRef?: string;
}

export function respond(
  response: Response,
  result: CommandResult,
  extra: { caseId?: string } = {},
): CommandResponse {
  response.setHeader('ETag', `"${result.revision}"`);
  response.setHeader('Location', `/streams/${encodeURIComponent(result.stream)}`);
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return { ...result, ...extra };
}
