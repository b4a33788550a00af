// erase-person: the operator's way to erase a person's personal data (Decree 13/2023/ND-CP), with the data
// directory: the same command as DELETE /beneficiaries/{ref}/personal-data, under the operator's authority.
import { randomUUID } from 'node:crypto';
import { localDayOf, PERSON_REF_PATTERN, planLeadOn, type PlanSeed } from '@ledger/domain';
import {
  PersonalDataModule,
  CITIZEN_ID_PATTERN,
  ErasePersonCommand,
  PLAN_SEED,
  PSEUDONYMIZER,
  type ErasePersonResult,
  type Pseudonymizer,
} from '@ledger/ledger';
import { CommandBus } from '@nestjs/cqrs';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { withLedger } from '../ledger-context';

const OFFICER = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export const erasePersonCommand: CliCommand = {
  name: 'erase-person',
  summary: "Erase a person's personal data (deletes their key; the ledger keeps its events).",
  help: `Usage: npm run cli -- erase-person (--ref REF | --citizen-id CCCD) --reason "..." [--officer ID]

Erases the personal data (names, contact details) of one person on a lawful request (Decree 13/2023/ND-CP):
deletes the person's key from the personal key store, so everything sealed under it reads as
{ erased: true } from then on, and records PersonalDataErased (the reference and the reason, no personal
data) in stream personal-data-REF. The ledger's events, hash chains and signed heads stay intact and
verify. Erasing an erased person changes nothing.

  --ref REF          the pseudonymous reference (b- and 32 hex digits)
  --citizen-id CCCD  or the citizen id (12 digits), turned into its reference here and never stored
  --reason TEXT      the lawful request this answers (10 to 500 characters); kept on the record
  --officer ID       who erases, for the record (default: ledger-cli)`,
  async run(args) {
    const { options } = parseArgs('erase-person', args, {
      options: ['--ref', '--citizen-id', '--reason', '--officer'],
    });
    const ref = options['--ref'];
    const citizenId = options['--citizen-id'];
    if ((ref === undefined) === (citizenId === undefined))
      throw new UsageError('erase-person: give exactly one of --ref and --citizen-id');
    if (ref !== undefined && !PERSON_REF_PATTERN.test(ref))
      throw new UsageError('erase-person: --ref must be a pseudonymous reference such as b-<32 hex digits>');
    if (citizenId !== undefined && !CITIZEN_ID_PATTERN.test(citizenId))
      throw new UsageError('erase-person: --citizen-id must be 12 digits');
    const reason = options['--reason'];
    if (reason === undefined) throw new UsageError('erase-person: --reason is required');
    const officer = options['--officer'] ?? 'ledger-cli';
    if (!OFFICER.test(officer)) throw new UsageError('erase-person: --officer must be an officer id');

    return withLedger({ runProjections: false, features: [PersonalDataModule] }, async (app) => {
      const personRef = ref ?? app.get<Pseudonymizer>(PSEUDONYMIZER).reference(citizenId!);
      const seed = app.get<PlanSeed>(PLAN_SEED);
      const receivedAt = new Date();
      // The operator acts for the agency that leads the plan on the day of the erasure.
      const agency = planLeadOn(seed.plan, localDayOf(receivedAt) ?? receivedAt.toISOString().slice(0, 10));
      const result = await app.get(CommandBus).execute<ErasePersonCommand, ErasePersonResult>(
        new ErasePersonCommand(
          { personRef, reason },
          {
            actor: { officer, agency, role: 'admin' },
            authority: { operator: 'ledger-cli erase-person' },
            correlationId: randomUUID(),
            evidence: [],
            receivedAt,
          },
        ),
      );
      console.log(
        `erase-person: ${personRef}: key ${result.keyErased ? 'deleted' : 'already gone'}; ` +
          (result.replayed
            ? `erasure already on the record (position ${result.positions[0]})`
            : `PersonalDataErased recorded at position ${result.positions[0]} in ${result.stream}`),
      );
      return 0;
    });
  },
};
