// Personal data: erasing a person's sealed names and contacts, recording who read a beneficiary's history.
import { Module } from '@nestjs/common';
import { ErasePersonHandler } from './commands/erase-person/erase-person.handler';
import { RecordBeneficiaryReadHandler } from './commands/record-beneficiary-read/record-beneficiary-read.handler';

@Module({ providers: [ErasePersonHandler, RecordBeneficiaryReadHandler] })
export class PersonalDataModule {}
