import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { TRAINING_LEVELS, type TrainingLevel, REQUEST_EXAMPLES } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

export class OpenTrainingCourseRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id of the new training course; defaults to the event id',
  })
  @IsOptional()
  @IsUUID('all')
  courseId?: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  occupation!: string;

  @ApiProperty({ enum: TRAINING_LEVELS })
  @IsIn(TRAINING_LEVELS)
  level!: TrainingLevel;

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;

  @ApiProperty({ minimum: 1, maximum: 500, example: 30 })
  @IsInt()
  @Min(1)
  @Max(500)
  capacity!: number;
}
