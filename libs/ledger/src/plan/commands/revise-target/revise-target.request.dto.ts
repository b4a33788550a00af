import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RecordActionRequest } from '../../../http';

export class ReviseTargetRequest extends RecordActionRequest {
  @ApiProperty({ example: 'bac-ai-nq42', description: 'The plan whose target is revised' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'planId must be a plan id such as bac-ai-nq42' })
  planId!: string;

  @ApiProperty({
    description:
      'The new target, in the shape of the seeds: comparison (< <= > >= = about between achieved), value ' +
      '(or low and high), deadline, planText, milestones',
    example: { comparison: '>', value: 900, deadline: '2030-12-31', planText: 'hơn 900 căn', milestones: [] },
  })
  @IsObject()
  target!: Record<string, unknown>;

  @ApiProperty({
    minLength: 10,
    maxLength: 2000,
    example: 'Nghị quyết HĐND huyện nâng chỉ tiêu nhà ở năm 2027',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason!: string;
}
