// The plan: its seeding into the event store, target revisions; org units, agencies and indicator
// definitions are read from the plan's documents.
import { Module } from '@nestjs/common';
import { ReviseTargetHandler } from './commands/revise-target/revise-target.handler';
import { PlanSeeder } from './plan-seeder';

@Module({ providers: [PlanSeeder, ReviseTargetHandler], exports: [PlanSeeder] })
export class PlanModule {}
